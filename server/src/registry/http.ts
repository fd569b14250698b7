// The only place that touches the network. It owns the rules that keep credentials safe (Authorization never
// crosses an origin on redirect, plain HTTP only where the user allowed it), timeouts, and the mapping of
// low-level failures to one RegistryError per situation.
import { isIP } from 'node:net';
import { RegistryError } from './errors';

export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;
export type Env = Readonly<Record<string, string | undefined>>;
export type Log = (line: string) => void;

const MAX_REDIRECTS = 5;
// Manifests, token responses and referrer indexes are small; a cap keeps a hostile server from filling memory.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface TransportOptions {
  /** Injected fetch; when given we assume it handles proxies itself (see `proxyProblem`). */
  readonly fetch?: FetchLike;
  readonly timeoutMs: number;
  readonly insecureRegistries: readonly string[];
  readonly env: Env;
  readonly log?: Log;
  readonly userAgent: string;
}

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'POST';
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Sent only while the request stays on the origin of `url`; dropped for good once a redirect leaves it. */
  readonly authorization?: string;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Final URL after redirects. */
  readonly url: URL;
  readonly body: Uint8Array;
}

export class Transport {
  private readonly fetchImpl: FetchLike;
  private readonly injectedFetch: boolean;

  constructor(private readonly opts: TransportOptions) {
    this.injectedFetch = opts.fetch !== undefined;
    this.fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** `https://host`, or `http://host` for loopback and user-listed insecure registries. */
  baseUrl(host: string): URL {
    return new URL(`${this.plainHttpAllowed(host) ? 'http' : 'https'}://${host}`);
  }

  plainHttpAllowed(host: string): boolean {
    return isLoopbackHost(host) || matchesHostList(host, this.opts.insecureRegistries);
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const authOrigin = req.url.origin;
    let url = req.url;
    let method = req.method;
    let body = req.body;
    let authorization = req.authorization;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      this.checkScheme(url);
      this.checkProxy(url);
      if (authorization !== undefined && url.origin !== authOrigin) authorization = undefined;
      const headers: Record<string, string> = { 'user-agent': this.opts.userAgent };
      // Authorization only ever comes from `req.authorization`, so the origin rule above cannot be bypassed.
      for (const [k, v] of Object.entries(req.headers ?? {})) if (k.toLowerCase() !== 'authorization') headers[k] = v;
      if (authorization !== undefined) headers['authorization'] = authorization;
      let res: Response;
      try {
        res = await this.fetchImpl(url, {
          method,
          headers,
          ...(body !== undefined ? { body } : {}),
          redirect: 'manual',
          signal,
        });
      } catch (err) {
        throw networkError(err, url.host, req.signal, this.opts.timeoutMs);
      }
      this.opts.log?.(`${method} ${redactUrl(url)} -> ${res.status}`);
      const location = res.headers.get('location');
      if (isRedirect(res.status) && location !== null) {
        await res.body?.cancel().catch(() => undefined);
        url = new URL(location, url);
        if (res.status === 303) {
          method = method === 'HEAD' ? 'HEAD' : 'GET';
          body = undefined;
        }
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = method === 'HEAD' ? new Uint8Array() : await readCapped(res, url.host);
      } catch (err) {
        if (err instanceof RegistryError) throw err;
        throw networkError(err, url.host, req.signal, this.opts.timeoutMs);
      }
      return { status: res.status, headers: res.headers, url, body: bytes };
    }
    throw new RegistryError('protocol', `Registry ${req.url.host} redirected more than ${MAX_REDIRECTS} times.`, req.url.host);
  }

  private checkScheme(url: URL): void {
    if (url.protocol === 'https:') return;
    if (url.protocol === 'http:' && this.plainHttpAllowed(url.host)) return;
    // Also applies to redirects: an https registry must not bounce us to plain HTTP elsewhere.
    throw new RegistryError(
      'insecure',
      `Refusing plain ${url.protocol.replace(':', '').toUpperCase()} to ${url.host}; only loopback registries and registries listed as insecure may use HTTP.`,
      url.host,
    );
  }

  private checkProxy(url: URL): void {
    if (this.injectedFetch) return;
    const problem = proxyProblem(url, this.opts.env);
    if (problem) throw new RegistryError('proxy', problem, url.host);
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

async function readCapped(res: Response, host: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw new RegistryError('protocol', `Registry ${host} sent a response larger than ${MAX_BODY_BYTES} bytes.`, host);
  }
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new RegistryError('protocol', `Registry ${host} sent a response larger than ${MAX_BODY_BYTES} bytes.`, host);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function errorCode(err: unknown): string | undefined {
  // undici wraps the socket error in `cause`, sometimes twice (AggregateError for happy-eyeballs).
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e !== null && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.length > 0) {
      e = inner[0];
      continue;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function networkError(err: unknown, host: string, callerSignal: AbortSignal | undefined, timeoutMs: number): RegistryError {
  if (err instanceof RegistryError) return err;
  const name = err instanceof Error ? err.name : '';
  if (callerSignal?.aborted) return new RegistryError('cancelled', `The lookup at ${host} was cancelled.`, host);
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new RegistryError('timeout', `Registry ${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`, host);
  }
  const code = errorCode(err);
  if (code && TIMEOUT_CODES.has(code)) {
    return new RegistryError('timeout', `Registry ${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`, host);
  }
  if (code && OFFLINE_CODES.has(code)) {
    const why = code === 'ECONNREFUSED' ? 'connection refused' : code.startsWith('EAI') || code === 'ENOTFOUND' ? 'host name not found' : 'network error';
    return new RegistryError('offline', `Registry ${host} is unreachable (${why}); you may be offline.`, host);
  }
  if (code && (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'EPROTO' || code.startsWith('UNABLE_TO'))) {
    return new RegistryError('tls', `TLS connection to ${host} failed (${code}).`, host);
  }
  return new RegistryError('offline', `Registry ${host} is unreachable${code ? ` (${code})` : ''}; you may be offline.`, host);
}

/** Query strings can carry tokens on some registries' redirects (signed blob URLs); logs never get them. */
export function redactUrl(url: URL): string {
  return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
}

// ---- host classification -------------------------------------------------------------------------------

function splitHostPort(hostPort: string): { host: string; port?: string } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(hostPort);
  if (v6) return { host: (v6[1] ?? '').toLowerCase(), ...(v6[2] !== undefined ? { port: v6[2] } : {}) };
  const colon = hostPort.lastIndexOf(':');
  if (colon > -1 && /^\d+$/.test(hostPort.slice(colon + 1))) {
    return { host: hostPort.slice(0, colon).toLowerCase(), port: hostPort.slice(colon + 1) };
  }
  return { host: hostPort.toLowerCase() };
}

/** 127.0.0.0/8, localhost and ::1: traffic never leaves the machine, so plain HTTP leaks nothing. */
export function isLoopbackHost(hostPort: string): boolean {
  const { host } = splitHostPort(hostPort);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/** Entries are `host` (any port) or `host:port`, as in Docker's `insecure-registries`. */
export function matchesHostList(hostPort: string, list: readonly string[]): boolean {
  const target = splitHostPort(hostPort);
  return list.some((entry) => {
    const e = splitHostPort(entry.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, ''));
    return e.host === target.host && (e.port === undefined || e.port === target.port);
  });
}

/**
 * Node 20's fetch ignores HTTPS_PROXY/HTTP_PROXY and offers no proxy agent without a dependency. Connecting
 * directly behind a proxy would either hang or bypass a policy the user set, so we say so instead.
 */
export function proxyProblem(url: URL, env: Env): string | undefined {
  if (isLoopbackHost(url.host)) return undefined;
  const pick = (...names: string[]): string | undefined => {
    for (const n of names) {
      const v = env[n] ?? env[n.toLowerCase()];
      if (v !== undefined && v.trim() !== '') return n;
    }
    return undefined;
  };
  const variable = url.protocol === 'https:' ? pick('HTTPS_PROXY', 'ALL_PROXY') : pick('HTTP_PROXY', 'ALL_PROXY');
  if (!variable) return undefined;
  const noProxy = env['NO_PROXY'] ?? env['no_proxy'] ?? '';
  if (bypassesProxy(url, noProxy)) return undefined;
  return `${variable} is set, but Shipshape's registry client cannot connect through a proxy yet; add ${url.hostname} to NO_PROXY if it is reachable directly.`;
}

function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const { host: eHost, port: ePort } = splitHostPort(entry);
    if (ePort !== undefined && ePort !== port) continue;
    const bare = eHost.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}
