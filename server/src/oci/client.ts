// Registry API calls (distribution-spec): resolve a tag to the digest `docker pull` would use, and read a
// manifest to list the platforms of an index.
import { createHash } from 'node:crypto';
import type { Authenticator, AuthTarget } from './auth';
import { RegistryError } from './errors';
import type { HttpResponse, Transport } from './http';
import { MANIFEST_ACCEPT, bareMediaType, isIndexMediaType } from './mediaTypes';
import { type ImageReference, apiHost, isValidDigest } from '../images/reference';

export interface RequestContext {
  readonly transport: Transport;
  readonly auth: Authenticator;
  readonly signal?: AbortSignal;
}

export interface DigestAnswer {
  readonly digest: string;
  readonly mediaType?: string;
  readonly rateLimitRemaining?: number;
}

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  /** Digest of the platform's own manifest, for hovers that want to show it. */
  readonly digest: string;
}

export interface ManifestAnswer {
  readonly digest: string;
  readonly mediaType?: string;
  /** Present for an index / manifest list. */
  readonly platforms?: readonly Platform[];
  readonly rateLimitRemaining?: number;
}

export function targetOf(ref: ImageReference): AuthTarget {
  return { domain: ref.domain, host: apiHost(ref.domain), repository: ref.path };
}

export function manifestUrl(ctx: RequestContext, target: AuthTarget, reference: string): URL {
  const base = ctx.transport.baseUrl(target.host);
  return new URL(`/v2/${target.repository}/manifests/${encodeURIComponent(reference)}`, base);
}

/**
 * HEAD first: it returns Docker-Content-Digest without counting as a pull on Docker Hub. Only when an older
 * registry omits the header do we GET and hash the exact bytes (the spec lets clients assume sha256).
 */
export async function resolveDigest(ctx: RequestContext, ref: ImageReference, reference: string): Promise<DigestAnswer> {
  const target = targetOf(ref);
  const url = manifestUrl(ctx, target, reference);
  const head = await ctx.auth.send(target, { method: 'HEAD', url, headers: { accept: MANIFEST_ACCEPT }, ...signalOf(ctx) });
  expectOk(head, target, reference);
  const header = head.headers.get('docker-content-digest')?.trim();
  const rateLimitRemaining = parseRateLimit(head.headers);
  if (header && isValidDigest(header)) {
    const mediaType = bareMediaType(head.headers.get('content-type'));
    return withOptional({ digest: header }, { mediaType, rateLimitRemaining });
  }
  const got = await getManifest(ctx, ref, reference);
  return withOptional({ digest: got.digest }, { mediaType: got.mediaType, rateLimitRemaining: got.rateLimitRemaining ?? rateLimitRemaining });
}

/** GET a manifest (by tag or digest), verify its digest, and list platforms when it is an index. */
export async function getManifest(ctx: RequestContext, ref: ImageReference, reference: string): Promise<ManifestAnswer> {
  const target = targetOf(ref);
  const url = manifestUrl(ctx, target, reference);
  const res = await ctx.auth.send(target, { method: 'GET', url, headers: { accept: MANIFEST_ACCEPT }, ...signalOf(ctx) });
  expectOk(res, target, reference);
  const header = res.headers.get('docker-content-digest')?.trim();
  // A client that uses the header MUST check it against the bytes (spec); so must one that asked by digest.
  const claimed = [reference, header].filter((d): d is string => d !== undefined && isValidDigest(d));
  const algorithm = claimed[0]?.split(':')[0] ?? 'sha256';
  const computed = `${algorithm}:${createHash(algorithm).update(res.body).digest('hex')}`;
  if (claimed.some((d) => d.startsWith(`${algorithm}:`) && d !== computed)) {
    throw new RegistryError('protocol', `Registry ${target.domain} sent a manifest whose bytes do not match its digest.`, target.domain);
  }
  const parsed = parseManifestJson(res.body, target.domain);
  const mediaType = bareMediaType(res.headers.get('content-type')) ?? parsed.mediaType;
  const platforms = isIndexMediaType(mediaType) || (mediaType === undefined && parsed.manifests) ? platformsOf(parsed.manifests ?? []) : undefined;
  return withOptional({ digest: computed }, { mediaType, platforms, rateLimitRemaining: parseRateLimit(res.headers) });
}

interface ManifestJson {
  mediaType?: string;
  manifests?: unknown[];
}

function parseManifestJson(body: Uint8Array, domain: string): ManifestJson {
  try {
    const v: unknown = JSON.parse(Buffer.from(body).toString('utf8'));
    if (v === null || typeof v !== 'object') throw new Error('not an object');
    const o = v as { mediaType?: unknown; manifests?: unknown };
    return {
      ...(typeof o.mediaType === 'string' ? { mediaType: o.mediaType } : {}),
      ...(Array.isArray(o.manifests) ? { manifests: o.manifests } : {}),
    };
  } catch {
    throw new RegistryError('protocol', `Registry ${domain} sent a manifest that is not valid JSON.`, domain);
  }
}

function platformsOf(manifests: readonly unknown[]): Platform[] {
  const out: Platform[] = [];
  for (const m of manifests) {
    if (m === null || typeof m !== 'object') continue;
    const d = m as { digest?: unknown; platform?: unknown };
    const p = d.platform as { os?: unknown; architecture?: unknown; variant?: unknown } | undefined;
    if (typeof d.digest !== 'string' || !p || typeof p.os !== 'string' || typeof p.architecture !== 'string') continue;
    // BuildKit attestation manifests are listed as platform unknown/unknown; they are not something you run.
    if (p.os === 'unknown' && p.architecture === 'unknown') continue;
    out.push({ os: p.os, architecture: p.architecture, ...(typeof p.variant === 'string' && p.variant ? { variant: p.variant } : {}), digest: d.digest });
  }
  return out;
}

export function expectOk(res: HttpResponse, target: AuthTarget, reference: string): void {
  if (res.status >= 200 && res.status < 300) return;
  throw statusError(res, target, reference);
}

export function statusError(res: HttpResponse, target: AuthTarget, reference: string): RegistryError {
  const what = `${target.repository}${reference.includes(':') ? '@' : ':'}${reference}`;
  if (res.status === 404) {
    return new RegistryError('not-found', `${what} was not found on ${target.domain}.`, target.domain, 404);
  }
  if (res.status === 429) {
    const reset = res.headers.get('retry-after');
    return new RegistryError(
      'rate-limited',
      `Registry ${target.domain} rate-limited the lookup of ${what}${reset ? `; retry after ${reset} s` : ''}.`,
      target.domain,
      429,
    );
  }
  if (res.status === 401 || res.status === 403) {
    return new RegistryError('denied', `Registry ${target.domain} denied access to ${target.repository}.`, target.domain, res.status);
  }
  return new RegistryError('protocol', `Registry ${target.domain} answered HTTP ${res.status} for ${what}.`, target.domain, res.status);
}

/** `RateLimit-Remaining: 76;w=21600` (Docker Hub) → 76. */
export function parseRateLimit(headers: Headers): number | undefined {
  const raw = headers.get('ratelimit-remaining');
  if (!raw) return undefined;
  const n = Number.parseInt(raw.split(';')[0]?.trim() ?? '', 10);
  return Number.isFinite(n) ? n : undefined;
}

export function signalOf(ctx: RequestContext): { signal?: AbortSignal } {
  return ctx.signal ? { signal: ctx.signal } : {};
}

/** Leaves absent values out entirely, so results serialize to the cache and compare in tests without `undefined` noise. */
function withOptional<T extends object, O extends Record<string, unknown>>(base: T, optional: O): T & Partial<{ [K in keyof O]: Exclude<O[K], undefined> }> {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) out[k] = v;
  return out as T & Partial<{ [K in keyof O]: Exclude<O[K], undefined> }>;
}
