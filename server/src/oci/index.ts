// The OCI distribution client façade the language server (hover, "Pin to digest", drift), the CLI (`shipshape pin`,
// `scan --resolve`) and tests call. It never throws for registry trouble: every call returns an Outcome so a
// hover can show `error.message` and a CLI can branch on `error.kind`.
//
// Callers decide *whether* to look anything up: only on demand or when the user enabled lookups, and never in
// an untrusted workspace. This module only decides *how*.
import { Authenticator } from './auth';
import { DigestCache } from './cache';
import { type Platform, type RequestContext, getManifest, resolveDigest } from './client';
import type { CredentialProvider } from './credentials';
import { RegistryError, redact } from './errors';
import { type Env, type FetchLike, type Log, Transport } from './http';
import { isIndexMediaType } from './mediaTypes';
import { type ImageReference, effectiveTag, formatPinned, fullName, parseReference } from '../images/reference';
import { type RawManifest, fetchBlob, fetchManifest } from './content';
import { type Referrers, type SignatureReport, discoverSignatures, listReferrers } from './referrers';

export { RegistryError, isRegistryError, type RegistryErrorKind } from './errors';
export {
  type ImageReference,
  type ParseResult,
  type UnresolvableReason,
  parseReference,
  formatPinned,
  canonicalString,
  familiarString,
  fullName,
  apiHost,
} from '../images/reference';
export {
  type Credentials,
  type CredentialProvider,
  type HelperRunner,
  chainCredentials,
  dockerConfigCredentials,
  staticCredentials,
  noCredentials,
  spawnHelperRunner,
} from './credentials';
export type { Platform } from './client';
export type { SignatureReport, Referrers } from './referrers';
export type { Descriptor, RawManifest } from './content';
export { descriptorsOf } from './content';
export { referrersTag } from './referrers';
export { OCI_MANIFEST, SIGSTORE_BUNDLE_ARTIFACT, NOTARY_SIGNATURE_ARTIFACT } from './mediaTypes';
export type { FetchLike, Env, Log } from './http';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RegistryError };

export interface OciClientOptions {
  /** Where credentials come from; typically chainCredentials(staticCredentials(settings), dockerConfigCredentials()). */
  readonly credentials: CredentialProvider;
  /** Replacement fetch (tests). Without it, requests use the proxy from HTTPS_PROXY/HTTP_PROXY/ALL_PROXY unless NO_PROXY lists the host. */
  readonly fetch?: FetchLike;
  /** Directory for the on-disk digest cache (e.g. the extension's globalStorage); memory only when absent. */
  readonly cacheDir?: string;
  /** How long a tag → digest answer is reused. Default 1 hour: tags move, but rarely within a session. */
  readonly cacheTtlMs?: number;
  /** `host` or `host:port` entries that may use plain HTTP (like Docker's `insecure-registries`). */
  readonly insecureRegistries?: readonly string[];
  /** Per request, including redirects and the body. Default 10 s. */
  readonly timeoutMs?: number;
  /** Clock for cache and token expiry; injected by tests. */
  readonly now?: () => number;
  /** Environment the proxy variables are read from; defaults to process.env. */
  readonly env?: Env;
  /** Request log lines (method, URL without query, status). Never contains credentials or tokens. */
  readonly log?: Log;
  readonly userAgent?: string;
}

export interface ResolveOptions {
  /** Also GET the index to list its platforms (costs a manifest pull on Docker Hub; use for hovers). */
  readonly platforms?: boolean;
  /** Ignore the cache (an explicit "Update digest" or `shipshape pin`). */
  readonly fresh?: boolean;
  readonly signal?: AbortSignal;
}

export interface ResolvedImage {
  readonly reference: ImageReference;
  /** Reference domain (`docker.io`), as users and trusted-registry lists name it. */
  readonly registry: string;
  readonly repository: string;
  /** The tag that was resolved (`latest` when none is written); absent for digest-only references. */
  readonly tag?: string;
  /** What the tag points to now; for a digest-only reference, that digest. Index digest for multi-arch images. */
  readonly digest: string;
  /** Digest written in the reference, if any. */
  readonly pinnedDigest?: string;
  /** A written digest differs from what the tag points to now (the "Update digest" finding). */
  readonly drifted: boolean;
  /** The reference text to write: the user's spelling and tag plus `@digest` (`nginx:1.27@sha256:…`). */
  readonly pinnedText: string;
  readonly mediaType?: string;
  readonly platforms?: readonly Platform[];
  /** Epoch ms of the registry answer (older than now when served from cache). */
  readonly checkedAt: number;
  readonly fromCache: boolean;
  /** Docker Hub's RateLimit-Remaining, when the registry sent it. */
  readonly rateLimitRemaining?: number;
}

export interface OciClient {
  /** Tag → digest (HEAD, cached). Unresolvable text (`$IMG`, `scratch`, bad syntax) gives kind `invalid-reference`. */
  resolve(reference: string, options?: ResolveOptions): Promise<Outcome<ResolvedImage>>;
  /** Signature presence for the digest that would be pulled (the written digest if any, else the tag's). */
  signatures(reference: string | ResolvedImage, options?: Omit<ResolveOptions, 'platforms'>): Promise<Outcome<SignatureReport>>;
  /** A manifest of `repository` by tag or digest (digest checked); `undefined` when the registry has no such tag. */
  manifest(repository: ImageReference, reference: string, options?: ContentOptions): Promise<Outcome<RawManifest | undefined>>;
  /** A blob of `repository` by digest (checked). */
  blob(repository: ImageReference, digest: string, options?: ContentOptions): Promise<Outcome<Uint8Array>>;
  /** Artifacts whose subject is `digest` in `repository` (referrers API, else the referrers tag). */
  referrers(repository: ImageReference, digest: string, options?: ContentOptions): Promise<Outcome<Referrers>>;
}

export interface ContentOptions {
  readonly signal?: AbortSignal;
}

const DEFAULT_TTL_MS = 60 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 10_000;
// Signatures get added after publication; don't keep "unsigned" for as long as a digest.
const MAX_SIGNATURE_TTL_MS = 15 * 60 * 1000;
const PLATFORM_CACHE_LIMIT = 500;

export function createOciClient(options: OciClientOptions): OciClient {
  const now = options.now ?? Date.now;
  const ttlMs = options.cacheTtlMs ?? DEFAULT_TTL_MS;
  const transport = new Transport({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    insecureRegistries: options.insecureRegistries ?? [],
    env: options.env ?? process.env,
    ...(options.log ? { log: options.log } : {}),
    userAgent: options.userAgent ?? 'shipshape-registry-client',
  });
  const auth = new Authenticator(transport, options.credentials, now, options.log);
  const digests = new DigestCache({ ...(options.cacheDir ? { dir: options.cacheDir } : {}), ttlMs, now });
  // Digest-addressed content never changes, so platform lists are kept without TTL (bounded in size).
  const platformsByDigest = new Map<string, readonly Platform[]>();
  const signatureCache = new Map<string, SignatureReport>();
  // Ten hovers over the same FROM while a lookup is in flight share one request.
  const inFlight = new Map<string, Promise<Outcome<ResolvedImage>>>();

  const context = (signal: AbortSignal | undefined): RequestContext => ({ transport, auth, ...(signal ? { signal } : {}) });

  const scrub = (err: unknown, registry: string | undefined): RegistryError => {
    const secrets = auth.knownSecrets();
    if (err instanceof RegistryError) return new RegistryError(err.kind, redact(err.message, secrets), err.registry, err.status);
    const detail = err instanceof Error ? redact(err.message, secrets) : 'unknown error';
    return new RegistryError('protocol', `Unexpected failure while contacting ${registry ?? 'the registry'}: ${detail}`, registry);
  };

  async function resolveUncached(ref: ImageReference, opts: ResolveOptions): Promise<ResolvedImage> {
    const ctx = context(opts.signal);
    const tag = effectiveTag(ref);
    const lookup = tag ?? ref.digest ?? 'latest';
    const key = `${fullName(ref)}${tag !== undefined ? `:${tag}` : `@${lookup}`}`;
    let cached = opts.fresh ? undefined : await digests.get(key);
    let fromCache = cached !== undefined;
    let rateLimitRemaining: number | undefined;
    if (!cached) {
      const answer = await resolveDigest(ctx, ref, lookup);
      cached = { digest: answer.digest, ...(answer.mediaType ? { mediaType: answer.mediaType } : {}), checkedAt: now() };
      rateLimitRemaining = answer.rateLimitRemaining;
      fromCache = false;
      await digests.set(key, cached);
    }
    let platforms: readonly Platform[] | undefined;
    if (opts.platforms && (cached.mediaType === undefined || isIndexMediaType(cached.mediaType))) {
      const pkey = `${fullName(ref)}@${cached.digest}`;
      platforms = platformsByDigest.get(pkey);
      if (!platforms) {
        const manifest = await getManifest(ctx, ref, cached.digest);
        platforms = manifest.platforms ?? [];
        if (platformsByDigest.size >= PLATFORM_CACHE_LIMIT) platformsByDigest.clear();
        platformsByDigest.set(pkey, platforms);
      }
    }
    return {
      reference: ref,
      registry: ref.domain,
      repository: ref.path,
      ...(tag !== undefined ? { tag } : {}),
      digest: cached.digest,
      ...(ref.digest !== undefined ? { pinnedDigest: ref.digest } : {}),
      drifted: ref.digest !== undefined && ref.digest !== cached.digest,
      pinnedText: formatPinned(ref.original, cached.digest) ?? ref.original,
      ...(cached.mediaType ? { mediaType: cached.mediaType } : {}),
      ...(platforms && platforms.length > 0 ? { platforms } : {}),
      checkedAt: cached.checkedAt,
      fromCache,
      ...(rateLimitRemaining !== undefined ? { rateLimitRemaining } : {}),
    };
  }

  async function resolve(reference: string, opts: ResolveOptions = {}): Promise<Outcome<ResolvedImage>> {
    const parsed = parseReference(reference);
    if (!parsed.ok) return { ok: false, error: new RegistryError('invalid-reference', parsed.message) };
    const key = `${parsed.ref.original}\n${opts.platforms ? 1 : 0}${opts.fresh ? 1 : 0}`;
    const pending = opts.signal ? undefined : inFlight.get(key);
    if (pending) return pending;
    const run = resolveUncached(parsed.ref, opts).then(
      (value): Outcome<ResolvedImage> => ({ ok: true, value }),
      (err: unknown): Outcome<ResolvedImage> => ({ ok: false, error: scrub(err, parsed.ref.domain) }),
    );
    // Requests with their own cancellation signal are not shared: one caller's cancel must not fail another's.
    if (!opts.signal) {
      inFlight.set(key, run);
      void run.finally(() => inFlight.delete(key));
    }
    return run;
  }

  async function signatures(reference: string | ResolvedImage, opts: Omit<ResolveOptions, 'platforms'> = {}): Promise<Outcome<SignatureReport>> {
    let image: ResolvedImage;
    if (typeof reference === 'string') {
      const r = await resolve(reference, opts);
      if (!r.ok) return r;
      image = r.value;
    } else {
      image = reference;
    }
    const digest = image.pinnedDigest ?? image.digest;
    const key = `${fullName(image.reference)}@${digest}`;
    const hit = signatureCache.get(key);
    if (!opts.fresh && hit && now() - hit.checkedAt >= 0 && now() - hit.checkedAt < Math.min(ttlMs, MAX_SIGNATURE_TTL_MS)) {
      return { ok: true, value: hit };
    }
    try {
      const report = await discoverSignatures(context(opts.signal), image.reference, digest, now);
      signatureCache.set(key, report);
      return { ok: true, value: report };
    } catch (err) {
      return { ok: false, error: scrub(err, image.registry) };
    }
  }

  async function content<T>(repository: ImageReference, options: ContentOptions, read: (ctx: RequestContext) => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await read(context(options.signal)) };
    } catch (err) {
      return { ok: false, error: scrub(err, repository.domain) };
    }
  }

  return {
    resolve,
    signatures,
    manifest: (repository, reference, options = {}) => content(repository, options, (ctx) => fetchManifest(ctx, repository, reference)),
    blob: (repository, digest, options = {}) => content(repository, options, (ctx) => fetchBlob(ctx, repository, digest)),
    referrers: (repository, digest, options = {}) => content(repository, options, (ctx) => listReferrers(ctx, repository, digest)),
  };
}
