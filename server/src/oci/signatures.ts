// Finds out whether an image digest has signatures, without verifying them (keys, Fulcio/Rekor, trust policy
// are out of scope for a linter). Three places can hold them: the OCI 1.1 referrers API, the referrers tag
// schema that registries without that API use, and cosign's legacy `sha256-<hex>.sig` tag.
import type { AuthTarget } from './auth';
import { type RequestContext, expectOk, manifestUrl, signalOf, statusError, targetOf } from './client';
import { RegistryError } from './errors';
import type { HttpResponse } from './http';
import { MANIFEST_ACCEPT, NOTARY_SIGNATURE_ARTIFACT, OCI_INDEX, SIGSTORE_BUNDLE_ARTIFACT } from './mediaTypes';
import type { ImageReference } from '../images/reference';

export interface SignatureReport {
  /** cosign legacy signature tag `sha256-<hex>.sig` exists. */
  readonly cosign: boolean;
  /** A referrer with artifactType application/vnd.dev.sigstore.bundle.v0.3+json. */
  readonly sigstoreBundle: boolean;
  /** A referrer with artifactType application/vnd.cncf.notary.signature. */
  readonly notation: boolean;
  /** Whether the registry answered the referrers API (false: the tag-schema fallback was used). */
  readonly referrersApi: boolean;
  readonly checkedAt: number;
}

const MAX_REFERRER_PAGES = 10;

/** `sha256:abc…` → `sha256-abc…` (distribution-spec referrers tag schema, also cosign's tag prefix). */
export function referrersTag(digest: string): string {
  const [alg = '', hex = ''] = digest.split(':');
  return `${alg.slice(0, 32)}-${hex.slice(0, 64)}`.replace(/[^a-zA-Z0-9_.-]/g, '-');
}

export async function discoverSignatures(ctx: RequestContext, ref: ImageReference, digest: string, now: () => number): Promise<SignatureReport> {
  const target = targetOf(ref);
  const referrers = await listReferrers(ctx, target, digest);
  const types = new Set(referrers.artifactTypes);
  const cosign = await tagExists(ctx, ref, `${referrersTag(digest)}.sig`);
  return {
    cosign,
    sigstoreBundle: types.has(SIGSTORE_BUNDLE_ARTIFACT),
    notation: types.has(NOTARY_SIGNATURE_ARTIFACT),
    referrersApi: referrers.api,
    checkedAt: now(),
  };
}

async function listReferrers(ctx: RequestContext, target: AuthTarget, digest: string): Promise<{ api: boolean; artifactTypes: string[] }> {
  const base = ctx.transport.baseUrl(target.host);
  let url: URL | undefined = new URL(`/v2/${target.repository}/referrers/${digest}`, base);
  const artifactTypes: string[] = [];
  for (let page = 0; url && page < MAX_REFERRER_PAGES; page++) {
    const res: HttpResponse = await ctx.auth.send(target, { method: 'GET', url, headers: { accept: OCI_INDEX }, ...signalOf(ctx) });
    if (page === 0 && lacksReferrersApi(res.status)) return { api: false, artifactTypes: await referrersTagIndex(ctx, target, digest) };
    expectOk(res, target, digest);
    artifactTypes.push(...artifactTypesOf(res.body, target.domain));
    url = nextLink(res.headers.get('link'), res.url);
  }
  return { api: true, artifactTypes };
}

// The spec says 404 means "no referrers API"; older registries and proxies also use 400/405/501 for unknown
// routes. Auth and rate-limit answers are real errors and must not be mistaken for "unsigned".
function lacksReferrersApi(status: number): boolean {
  return status === 404 || status === 400 || status === 405 || status === 501;
}

async function referrersTagIndex(ctx: RequestContext, target: AuthTarget, digest: string): Promise<string[]> {
  const url = manifestUrl(ctx, target, referrersTag(digest));
  const res = await ctx.auth.send(target, { method: 'GET', url, headers: { accept: MANIFEST_ACCEPT }, ...signalOf(ctx) });
  if (res.status === 404) return [];
  expectOk(res, target, referrersTag(digest));
  return artifactTypesOf(res.body, target.domain);
}

async function tagExists(ctx: RequestContext, ref: ImageReference, tag: string): Promise<boolean> {
  const target = targetOf(ref);
  const res = await ctx.auth.send(target, { method: 'HEAD', url: manifestUrl(ctx, target, tag), headers: { accept: MANIFEST_ACCEPT }, ...signalOf(ctx) });
  if (res.status === 404) return false;
  if (res.status >= 200 && res.status < 300) return true;
  throw statusError(res, target, tag);
}

function artifactTypesOf(body: Uint8Array, domain: string): string[] {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new RegistryError('protocol', `Registry ${domain} sent a referrers index that is not valid JSON.`, domain);
  }
  const manifests = v !== null && typeof v === 'object' ? (v as { manifests?: unknown }).manifests : undefined;
  if (!Array.isArray(manifests)) return [];
  const out: string[] = [];
  for (const m of manifests) {
    const t = m !== null && typeof m === 'object' ? (m as { artifactType?: unknown }).artifactType : undefined;
    if (typeof t === 'string') out.push(t);
  }
  return out;
}

/** RFC 8288 `Link: <url>; rel="next"`, resolved against the page that carried it. */
export function nextLink(header: string | null, base: URL): URL | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(m[2] ?? '');
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('next')) {
      try {
        return new URL(m[1] ?? '', base);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
