// Answers registry auth challenges: the distribution token flow (Bearer realm/service/scope, token.md) and
// plain HTTP Basic. Tokens are cached per realm+service+scope+identity so a page of hovers costs one token.
import { createHash } from 'node:crypto';
import { type CredentialProvider, type Credentials, secretsOf } from './credentials';
import { RegistryError } from './errors';
import type { HttpRequest, HttpResponse, Log, Transport } from './http';

export interface Challenge {
  /** Lower-cased auth scheme: `bearer`, `basic`. */
  readonly scheme: string;
  /** Parameter names lower-cased; values unquoted. */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;

/**
 * RFC 7235 challenge list. Quoted values may hold commas (`scope="repository:a:pull,push"`), and one header may
 * carry several challenges, so this is a small tokenizer rather than a split on ','.
 */
export function parseChallenges(header: string): Challenge[] {
  const out: { scheme: string; params: Record<string, string> }[] = [];
  let current: { scheme: string; params: Record<string, string> } | undefined;
  let i = 0;
  const n = header.length;
  const skip = (chars: RegExp): void => {
    while (i < n && chars.test(header[i] ?? '')) i++;
  };
  const token = (): string => {
    const start = i;
    while (i < n && TOKEN_CHAR.test(header[i] ?? '')) i++;
    return header.slice(start, i);
  };
  // Servers in the wild send unquoted URLs (`realm=https://…`), which are not RFC tokens; read to the next comma.
  const bare = (): string => {
    const start = i;
    while (i < n && header[i] !== ',' && !/\s/.test(header[i] ?? '')) i++;
    return header.slice(start, i);
  };
  const quoted = (): string => {
    let v = '';
    i++; // opening quote
    while (i < n && header[i] !== '"') {
      if (header[i] === '\\' && i + 1 < n) i++;
      v += header[i];
      i++;
    }
    i++; // closing quote
    return v;
  };
  while (i < n) {
    skip(/[\s,]/);
    if (i >= n) break;
    const word = token();
    if (word === '') {
      i++;
      continue;
    }
    skip(/[ \t]/);
    if (header[i] === '=' && current) {
      i++;
      skip(/[ \t]/);
      current.params[word.toLowerCase()] = header[i] === '"' ? quoted() : bare();
    } else {
      current = { scheme: word.toLowerCase(), params: {} };
      out.push(current);
    }
  }
  return out;
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

// token.md: "expires_in … defaults to 60 seconds"; a token valid for less is treated as valid for 60 s.
const MIN_TOKEN_LIFETIME_S = 60;

interface CachedToken {
  readonly token: string;
  readonly expiresAt: number;
}

export interface AuthTarget {
  /** Reference domain; the key for credentials (`docker.io`). */
  readonly domain: string;
  /** API host:port actually contacted (`registry-1.docker.io`). */
  readonly host: string;
  readonly repository: string;
}

type HostAuth = { readonly kind: 'bearer'; readonly challenge: Challenge } | { readonly kind: 'basic' };

export class Authenticator {
  private readonly tokens = new Map<string, CachedToken>();
  /** Which scheme each host asked for last, so later requests authorize up front instead of taking a 401. */
  private readonly hostAuth = new Map<string, HostAuth>();
  private readonly secrets = new Set<string>();

  constructor(
    private readonly transport: Transport,
    private readonly credentials: CredentialProvider,
    private readonly now: () => number,
    private readonly log?: Log,
  ) {}

  /** Every secret this authenticator has handled; used to scrub error text before it leaves the module. */
  knownSecrets(): Iterable<string> {
    return this.secrets;
  }

  /** Sends a request to the registry, answering at most one challenge. 401/403 after that is `denied`. */
  async send(target: AuthTarget, req: Omit<HttpRequest, 'authorization'>): Promise<HttpResponse> {
    const scope = `repository:${target.repository}:pull`;
    const upFront = await this.authorizationFor(target, scope, false, req.signal);
    let res = await this.transport.send({ ...req, ...(upFront ? { authorization: upFront } : {}) });
    if (res.status !== 401) return this.checkForbidden(res, target, upFront !== undefined);

    const challenges = parseChallenges(res.headers.get('www-authenticate') ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params['realm']);
    if (bearer) this.hostAuth.set(target.host, { kind: 'bearer', challenge: bearer });
    else if (challenges.some((c) => c.scheme === 'basic')) this.hostAuth.set(target.host, { kind: 'basic' });
    else {
      throw new RegistryError('denied', `Registry ${target.domain} asked for an authentication scheme Shipshape does not support.`, target.domain, 401);
    }
    // A token we sent up front was rejected (expired or revoked): fetch a fresh one rather than reuse it.
    const retry = await this.authorizationFor(target, scope, upFront !== undefined, req.signal);
    if (!retry) throw await this.deniedError(target, 401);
    res = await this.transport.send({ ...req, authorization: retry });
    if (res.status === 401) throw await this.deniedError(target, 401);
    return this.checkForbidden(res, target, true);
  }

  private async checkForbidden(res: HttpResponse, target: AuthTarget, authorized: boolean): Promise<HttpResponse> {
    if (res.status !== 403) return res;
    throw authorized
      ? await this.deniedError(target, 403)
      : new RegistryError('denied', `Registry ${target.domain} denied access to ${target.repository}.`, target.domain, 403);
  }

  private async deniedError(target: AuthTarget, status: number): Promise<RegistryError> {
    const creds = await this.credentials.get(target.domain);
    const message = creds
      ? `Registry ${target.domain} denied access to ${target.repository} with the configured credentials.`
      : `Registry ${target.domain} requires credentials for ${target.repository}; run "docker login ${target.domain}" or add credentials in the settings.`;
    return new RegistryError('denied', message, target.domain, status);
  }

  private async authorizationFor(target: AuthTarget, scope: string, fresh: boolean, signal: AbortSignal | undefined): Promise<string | undefined> {
    const how = this.hostAuth.get(target.host);
    if (!how) return undefined;
    const creds = await this.credentials.get(target.domain);
    if (creds) for (const s of secretsOf(creds)) this.secrets.add(s);
    if (how.kind === 'basic') {
      // Basic sends the password on every request; only ever to the host that challenged with it.
      return creds?.kind === 'basic' ? basicAuthorization(creds.username, creds.password) : undefined;
    }
    const token = await this.token(target, how.challenge, scope, creds, fresh, signal);
    return `Bearer ${token}`;
  }

  private async token(
    target: AuthTarget,
    challenge: Challenge,
    scope: string,
    creds: Credentials | undefined,
    fresh: boolean,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    const realm = challenge.params['realm'] ?? '';
    const service = challenge.params['service'];
    const key = [realm, service ?? '', scope, identityKey(creds)].join('\n');
    const cached = this.tokens.get(key);
    if (!fresh && cached && cached.expiresAt > this.now()) return cached.token;

    let realmUrl: URL;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw new RegistryError('protocol', `Registry ${target.domain} named an invalid token service.`, target.domain);
    }
    const res = await this.requestToken(realmUrl, service, scope, creds, signal);
    if (res.status === 401 || res.status === 403) {
      throw new RegistryError(
        'denied',
        creds
          ? `The token service of ${target.domain} rejected the configured credentials.`
          : `The token service of ${target.domain} refused anonymous access to ${target.repository}; run "docker login ${target.domain}" or add credentials in the settings.`,
        target.domain,
        res.status,
      );
    }
    if (res.status < 200 || res.status >= 300) {
      throw new RegistryError('protocol', `The token service of ${target.domain} answered HTTP ${res.status}.`, target.domain, res.status);
    }
    const parsed = parseTokenResponse(res.body);
    if (!parsed) throw new RegistryError('protocol', `The token service of ${target.domain} sent no token.`, target.domain);
    this.secrets.add(parsed.token);
    const lifetime = Math.max(parsed.expiresIn ?? MIN_TOKEN_LIFETIME_S, MIN_TOKEN_LIFETIME_S);
    this.tokens.set(key, { token: parsed.token, expiresAt: this.now() + lifetime * 1000 });
    this.log?.(`token for ${scope} at ${realmUrl.host} valid ${lifetime} s`);
    return parsed.token;
  }

  private requestToken(
    realm: URL,
    service: string | undefined,
    scope: string,
    creds: Credentials | undefined,
    signal: AbortSignal | undefined,
  ): Promise<HttpResponse> {
    const common = { ...(signal ? { signal } : {}) };
    if (creds?.kind === 'identity-token') {
      // oauth.md: a refresh token is exchanged with a form POST; it never goes into a URL.
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.token, client_id: 'shipshape', scope });
      if (service) form.set('service', service);
      return this.transport.send({
        method: 'POST',
        url: realm,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        ...common,
      });
    }
    const url = new URL(realm);
    if (service) url.searchParams.set('service', service);
    url.searchParams.append('scope', scope);
    return this.transport.send({
      method: 'GET',
      url,
      // The realm is the auth server the registry delegated to; the transport drops this header on any redirect away from it.
      ...(creds?.kind === 'basic' ? { authorization: basicAuthorization(creds.username, creds.password) } : {}),
      ...common,
    });
  }
}

function identityKey(creds: Credentials | undefined): string {
  if (!creds) return 'anonymous';
  const material = creds.kind === 'basic' ? `${creds.username}:${creds.password}` : creds.token;
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

export function parseTokenResponse(body: Uint8Array): { token: string; expiresIn?: number } | undefined {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return undefined;
  }
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as { token?: unknown; access_token?: unknown; expires_in?: unknown };
  // token.md: `token` and `access_token` mean the same; either may be sent.
  const token = typeof o.token === 'string' && o.token ? o.token : typeof o.access_token === 'string' && o.access_token ? o.access_token : undefined;
  if (!token) return undefined;
  return typeof o.expires_in === 'number' && Number.isFinite(o.expires_in) ? { token, expiresIn: o.expires_in } : { token };
}
