// The artifacts that refer to an image digest (OCI 1.1 referrers API, or the referrers tag schema registries
// without that API use) and cosign's legacy `sha256-<hex>.sig` tag: where signatures live. This module only
// finds them; server/src/signatures/ verifies them.
import type { AuthTarget } from './auth';
import { type RequestContext, expectOk, manifestUrl, signalOf, statusError, targetOf } from './client';
import { type Descriptor, descriptorsOf, parseObject } from './content';
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
  const referrers = await listReferrers(ctx, ref, digest);
  const types = new Set(referrers.descriptors.map((d) => d.artifactType));
  const cosign = await tagExists(ctx, ref, `${referrersTag(digest)}.sig`);
  return {
    cosign,
    sigstoreBundle: types.has(SIGSTORE_BUNDLE_ARTIFACT),
    notation: types.has(NOTARY_SIGNATURE_ARTIFACT),
    referrersApi: referrers.api,
    checkedAt: now(),
  };
}

export interface Referrers {
  /** Whether the registry answered the referrers API (false: the referrers tag was read). */
  readonly api: boolean;
  readonly descriptors: readonly Descriptor[];
}

export async function listReferrers(ctx: RequestContext, ref: ImageReference, digest: string): Promise<Referrers> {
  const target = targetOf(ref);
  const base = ctx.transport.baseUrl(target.host);
  let url: URL | undefined = new URL(`/v2/${target.repository}/referrers/${digest}`, base);
  const descriptors: Descriptor[] = [];
  for (let page = 0; url && page < MAX_REFERRER_PAGES; page++) {
    const res: HttpResponse = await ctx.auth.send(target, { method: 'GET', url, headers: { accept: OCI_INDEX }, ...signalOf(ctx) });
    if (page === 0 && lacksReferrersApi(res.status)) return { api: false, descriptors: await referrersTagIndex(ctx, target, digest) };
    expectOk(res, target, digest);
    descriptors.push(...descriptorsOf(parseObject(res.body, target.domain, 'referrers index').manifests));
    url = nextLink(res.headers.get('link'), res.url);
  }
  return { api: true, descriptors };
}

// The spec says 404 means "no referrers API"; older registries and proxies also use 400/405/501 for unknown
// routes. Auth and rate-limit answers are real errors and must not be mistaken for "unsigned".
function lacksReferrersApi(status: number): boolean {
  return status === 404 || status === 400 || status === 405 || status === 501;
}

async function referrersTagIndex(ctx: RequestContext, target: AuthTarget, digest: string): Promise<Descriptor[]> {
  const url = manifestUrl(ctx, target, referrersTag(digest));
  const res = await ctx.auth.send(target, { method: 'GET', url, headers: { accept: MANIFEST_ACCEPT }, ...signalOf(ctx) });
  if (res.status === 404) return [];
  expectOk(res, target, referrersTag(digest));
  return descriptorsOf(parseObject(res.body, target.domain, 'referrers index').manifests);
}

async function tagExists(ctx: RequestContext, ref: ImageReference, tag: string): Promise<boolean> {
  const target = targetOf(ref);
  const res = await ctx.auth.send(target, { method: 'HEAD', url: manifestUrl(ctx, target, tag), headers: { accept: MANIFEST_ACCEPT }, ...signalOf(ctx) });
  if (res.status === 404) return false;
  if (res.status >= 200 && res.status < 300) return true;
  throw statusError(res, target, tag);
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
