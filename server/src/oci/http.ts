// The only place that touches the network. It owns the rules that keep credentials safe (Authorization never
// crosses an origin on redirect, plain HTTP only where the user allowed it, proxy credentials only to the
// proxy), proxy selection from the environment, timeouts, and the mapping of low-level failures to one
// RegistryError per situation.
import { BlockList, isIP } from 'node:net';
import type { ProxyAgent } from 'undici';
import { RegistryError, redact } from './errors';

export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;
export type Env = Readonly<Record<string, string | undefined>>;
export type Log = (line: string) => void;

const MAX_REDIRECTS = 5;
// Manifests, token responses and referrer indexes are small; a cap keeps a hostile server from filling memory.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface TransportOptions {
  /** Injected fetch (tests); when given it is used for every request and proxy variables are not consulted. */
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

type Undici = typeof import('undici');
let undiciModule: Promise<Undici> | undefined;
// Loaded on first proxied request only: undici takes ~150 ms to load, and most sessions never use a proxy.
const loadUndici = (): Promise<Undici> => (undiciModule ??= import('undici'));

export class Transport {
  private readonly fetchImpl: FetchLike;
  private readonly injectedFetch: boolean;
  /** One connection pool per proxy (origin + credentials), reused across lookups. */
  private readonly proxyAgents = new Map<string, ProxyAgent>();

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
      // Decided per hop: a redirect to a blob host may be listed in NO_PROXY when the registry is not.
      const proxy = this.injectedFetch ? undefined : proxyFor(url, this.opts.env);
      if (authorization !== undefined && url.origin !== authOrigin) authorization = undefined;
      const headers: Record<string, string> = { 'user-agent': this.opts.userAgent };
      // Authorization only ever comes from `req.authorization`, so the origin rule above cannot be bypassed.
      for (const [k, v] of Object.entries(req.headers ?? {})) if (k.toLowerCase() !== 'authorization') headers[k] = v;
      if (authorization !== undefined) headers['authorization'] = authorization;
      const init = { method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual' as const, signal };
      let res: Response;
      try {
        res = proxy ? await this.fetchThroughProxy(proxy, url, init) : await this.fetchImpl(url, init);
      } catch (err) {
        throw proxy ? proxyNetworkError(err, proxy, url.host, req.signal, this.opts.timeoutMs) : networkError(err, url.host, req.signal, this.opts.timeoutMs);
      }
      this.opts.log?.(`${method} ${redactUrl(url)} -> ${res.status}${proxy ? ` (via proxy ${proxy.display})` : ''}`);
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
        throw proxy ? proxyNetworkError(err, proxy, url.host, req.signal, this.opts.timeoutMs) : networkError(err, url.host, req.signal, this.opts.timeoutMs);
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

  /**
   * Node 20's global fetch ignores proxy variables, so proxied requests go through undici's own fetch with a
   * ProxyAgent. https targets are tunnelled with CONNECT (TLS runs end to end, so the registry's certificate
   * is checked and its Authorization header is only readable by the registry); plain-HTTP targets are sent
   * as absolute-URI requests, as curl and Go do, because common proxy setups (squid's default) allow CONNECT
   * to port 443 only. The proxy credentials travel as the agent's Proxy-Authorization header, which undici
   * puts on the CONNECT request or the proxy request, never inside the tunnel.
   */
  private async fetchThroughProxy(
    proxy: ProxyRoute,
    url: URL,
    init: { method: string; headers: Record<string, string>; body?: string; redirect: 'manual'; signal: AbortSignal },
  ): Promise<Response> {
    const undici = await loadUndici();
    const key = `${proxy.origin}\n${proxy.authorization ?? ''}`;
    let agent = this.proxyAgents.get(key);
    if (!agent) {
      agent = new undici.ProxyAgent({ uri: proxy.origin, ...(proxy.authorization ? { token: proxy.authorization } : {}), proxyTunnel: false });
      this.proxyAgents.set(key, agent);
    }
    const res = await undici.fetch(url, { ...init, dispatcher: agent });
    // undici's Response is the class Node's global fetch is built from; only the type declarations differ.
    return res as unknown as Response;
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

/** With a proxy we only ever connect to the proxy, so refused connections and DNS failures name it, not the registry. */
function proxyNetworkError(err: unknown, proxy: ProxyRoute, host: string, callerSignal: AbortSignal | undefined, timeoutMs: number): RegistryError {
  const via = `proxy ${proxy.display} (from ${proxy.variable})`;
  const status = proxyRefusal(err);
  if (status === 407) {
    return new RegistryError('proxy', `The ${via} rejected the proxy credentials (407 Proxy Authentication Required); check the user and password in ${proxy.variable}.`, host, status);
  }
  if (status !== undefined) {
    return new RegistryError('proxy', `The ${via} refused to connect to ${host} (HTTP ${status}); add ${hostnameOf(host)} to NO_PROXY if it is reachable directly.`, host, status);
  }
  const mapped = networkError(err, host, callerSignal, timeoutMs);
  const code = errorCode(err);
  if (mapped.kind === 'offline' && (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')) {
    const why = code === 'ECONNREFUSED' ? 'connection refused' : 'host name not found';
    return new RegistryError('offline', `The ${via} is unreachable (${why}); you may be offline, or the proxy is not running.`, host);
  }
  if (mapped.kind === 'offline') {
    return new RegistryError('offline', `Registry ${host} could not be reached through the ${via}${code ? ` (${code})` : ''}; you may be offline.`, host);
  }
  if (mapped.kind === 'timeout') {
    return new RegistryError('timeout', `Registry ${host} did not answer within ${Math.round(timeoutMs / 1000)} s through the ${via}.`, host);
  }
  // Defence in depth: undici's texts never carry the proxy URL today, but a future one might.
  return new RegistryError(mapped.kind, redact(mapped.message, proxy.secrets), mapped.registry, mapped.status);
}

/**
 * The status a proxy answered instead of connecting us. undici 6 reports it only in the error text
 * ("Proxy response (403) !== 200 when HTTP Tunneling", "Proxy Authentication Required (407)").
 */
function proxyRefusal(err: unknown): number | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const m = /^Proxy response \((\d{3})\)|^Proxy Authentication Required \((407)\)/.exec(e.message);
    if (m) return Number(m[1] ?? m[2]);
    e = e.cause;
  }
  return undefined;
}

function hostnameOf(hostPort: string): string {
  return splitHostPort(hostPort).host;
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

export interface ProxyRoute {
  /** The variable the proxy came from (`HTTPS_PROXY`), for messages. */
  readonly variable: string;
  /** `scheme://host:port` without credentials: the agent's target and safe to show. */
  readonly origin: string;
  /** `host:port`, for messages and logs. */
  readonly display: string;
  /** `Basic …` from the URL's user info: sent to the proxy as Proxy-Authorization and nowhere else. */
  readonly authorization?: string;
  /** The user info as written and decoded, for redaction. */
  readonly secrets: readonly string[];
}

/**
 * The proxy a request to `url` must use, from HTTPS_PROXY (https) or HTTP_PROXY (http), then ALL_PROXY;
 * upper case first, then lower case, empty means unset. NO_PROXY (or no_proxy) entries are `*`, host names
 * (matching the host and its subdomains; a leading `.` or `*.` is the same), IP addresses, `host:port`,
 * `[v6]:port` and CIDR ranges. Names are compared as written, never resolved, so `localhost` and `127.0.0.1`
 * are different entries, and loopback registries use the proxy unless listed (as in curl).
 * Throws RegistryError kind `proxy` for a value we cannot use; the message never repeats the value, which may
 * hold a password.
 */
export function proxyFor(url: URL, env: Env): ProxyRoute | undefined {
  const pick = (...names: string[]): { name: string; value: string } | undefined => {
    for (const name of names) {
      const value = env[name] ?? env[name.toLowerCase()];
      if (value !== undefined && value.trim() !== '') return { name, value: value.trim() };
    }
    return undefined;
  };
  const chosen = url.protocol === 'https:' ? pick('HTTPS_PROXY', 'ALL_PROXY') : pick('HTTP_PROXY', 'ALL_PROXY');
  if (!chosen) return undefined;
  const noProxy = env['NO_PROXY'] ?? env['no_proxy'] ?? '';
  if (bypassesProxy(url, noProxy)) return undefined;
  const direct = `add ${url.hostname} to NO_PROXY if it is reachable directly`;
  let proxy: URL;
  try {
    // `proxy:3128` without a scheme means HTTP, as curl and Go read it.
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(chosen.value) ? chosen.value : `http://${chosen.value}`);
  } catch {
    throw new RegistryError('proxy', `${chosen.name} is not a valid proxy URL; fix it, or ${direct}.`, url.host);
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    throw new RegistryError(
      'proxy',
      `${chosen.name} names a ${proxy.protocol.replace(':', '').toUpperCase()} proxy (${proxy.host}); only HTTP and HTTPS proxies are supported, so ${direct}.`,
      url.host,
    );
  }
  let user: string;
  let password: string;
  try {
    user = decodeURIComponent(proxy.username);
    password = decodeURIComponent(proxy.password);
  } catch {
    throw new RegistryError('proxy', `${chosen.name} has badly escaped credentials (use %XX for special characters).`, url.host);
  }
  const secrets = [proxy.username, proxy.password, user, password].filter((s) => s !== '');
  return {
    variable: chosen.name,
    origin: proxy.origin,
    display: proxy.host,
    ...(user !== '' || password !== '' ? { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } : {}),
    secrets,
  };
}

function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const slash = entry.indexOf('/');
    if (slash > 0) {
      if (inCidr(host, entry.slice(0, slash), entry.slice(slash + 1))) return true;
      continue;
    }
    const { host: eHost, port: ePort } = isIP(entry) === 6 ? { host: entry, port: undefined } : splitHostPort(entry);
    if (ePort !== undefined && ePort !== port) continue;
    const bare = eHost.replace(/^\*?\./, '');
    if (host === bare || (isIP(host) === 0 && host.endsWith(`.${bare}`))) return true;
  }
  return false;
}

function inCidr(host: string, network: string, bitsText: string): boolean {
  const family = isIP(network);
  const bits = Number(bitsText);
  if (family === 0 || isIP(host) !== family || !/^\d+$/.test(bitsText)) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  try {
    list.addSubnet(network, bits, type);
  } catch {
    return false;
  }
  return list.check(host, type);
}
