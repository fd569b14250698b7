// Content-addressed reads for signature verification: a manifest or a blob by digest, checked against the bytes
// received, so nothing a registry (or a redirect to its blob storage) sends can stand in for what was signed.
import { createHash } from 'node:crypto';
import { type RequestContext, expectOk, manifestUrl, signalOf, targetOf } from './client';
import { RegistryError } from './errors';
import { MANIFEST_ACCEPT, bareMediaType } from './mediaTypes';
import { type ImageReference, isValidDigest } from '../images/reference';

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly artifactType?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface RawManifest {
  readonly digest: string;
  readonly mediaType?: string;
  readonly bytes: Uint8Array;
  /** The parsed JSON object. */
  readonly json: Record<string, unknown>;
}

/** GET a manifest by tag or digest; a digest must match the bytes. 404 gives undefined (no such tag). */
export async function fetchManifest(ctx: RequestContext, ref: ImageReference, reference: string): Promise<RawManifest | undefined> {
  const target = targetOf(ref);
  const res = await ctx.auth.send(target, { method: 'GET', url: manifestUrl(ctx, target, reference), headers: { accept: MANIFEST_ACCEPT }, ...signalOf(ctx) });
  if (res.status === 404) return undefined;
  expectOk(res, target, reference);
  const digest = `sha256:${createHash('sha256').update(res.body).digest('hex')}`;
  if (isValidDigest(reference) && reference !== digest) {
    throw new RegistryError('protocol', `Registry ${target.domain} sent a manifest whose bytes do not match ${reference}.`, target.domain);
  }
  const json = parseObject(res.body, target.domain, 'manifest');
  const mediaType = bareMediaType(res.headers.get('content-type')) ?? (typeof json.mediaType === 'string' ? json.mediaType : undefined);
  return { digest, ...(mediaType ? { mediaType } : {}), bytes: res.body, json };
}

/** GET a blob of the repository by digest; the bytes must hash to it. */
export async function fetchBlob(ctx: RequestContext, ref: ImageReference, digest: string): Promise<Uint8Array> {
  const target = targetOf(ref);
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw new RegistryError('protocol', `Unsupported blob digest ${digest.slice(0, 80)}.`, target.domain);
  const url = new URL(`/v2/${target.repository}/blobs/${digest}`, ctx.transport.baseUrl(target.host));
  const res = await ctx.auth.send(target, { method: 'GET', url, ...signalOf(ctx) });
  expectOk(res, target, digest);
  const got = `sha256:${createHash('sha256').update(res.body).digest('hex')}`;
  if (got !== digest) throw new RegistryError('protocol', `Registry ${target.domain} sent a blob whose bytes do not match ${digest}.`, target.domain);
  return res.body;
}

export function parseObject(body: Uint8Array, domain: string, what: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new RegistryError('protocol', `Registry ${domain} sent a ${what} that is not valid JSON.`, domain);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new RegistryError('protocol', `Registry ${domain} sent a ${what} that is not a JSON object.`, domain);
  return v as Record<string, unknown>;
}

/** The well-formed descriptors of a manifest's `layers` or an index's `manifests`; anything else is skipped. */
export function descriptorsOf(list: unknown): Descriptor[] {
  if (!Array.isArray(list)) return [];
  const out: Descriptor[] = [];
  for (const item of list) {
    if (item === null || typeof item !== 'object') continue;
    const d = item as Record<string, unknown>;
    if (typeof d.mediaType !== 'string' || typeof d.digest !== 'string' || typeof d.size !== 'number') continue;
    const annotations: Record<string, string> = {};
    if (d.annotations !== null && typeof d.annotations === 'object') {
      for (const [k, v] of Object.entries(d.annotations as Record<string, unknown>)) if (typeof v === 'string') annotations[k] = v;
    }
    out.push({
      mediaType: d.mediaType,
      digest: d.digest,
      size: d.size,
      ...(typeof d.artifactType === 'string' ? { artifactType: d.artifactType } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
    });
  }
  return out;
}
