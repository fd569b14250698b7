// cosign key signatures (cosign SIGNATURE_SPEC "tag-based discovery"): the `sha256-<hex>.sig` manifest holds one
// simple-signing layer per signature; the annotation `dev.cosignproject.cosign/signature` is the base64 signature
// over the layer's exact bytes, and the payload's `docker-manifest-digest` must be the image digest.
import type { ImageReference, OciClient } from '../oci';
import { descriptorsOf, referrersTag } from '../oci';
import { verifiesWith, type TrustedKey } from './keys';
import { shortDigest, type Evidence } from './verdict';

export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
// Keyless signatures in the legacy layout; the spec's text and its examples disagree on the prefix.
const CERTIFICATE_ANNOTATIONS = ['dev.sigstore.cosign/certificate', 'dev.cosignproject.cosign/certificate'];
const MAX_LAYERS = 16;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export async function cosignEvidence(client: OciClient, repository: ImageReference, digest: string, keys: readonly TrustedKey[], signal?: AbortSignal): Promise<Evidence[]> {
  const tag = `${referrersTag(digest)}.sig`;
  const manifest = await client.manifest(repository, tag, signal ? { signal } : {});
  if (!manifest.ok) return [{ kind: 'unchecked', via: 'cosign', reason: `Could not check: reading the cosign signature ${tag} failed: ${manifest.error.message}` }];
  if (!manifest.value) return [];
  const layers = descriptorsOf(manifest.value.json.layers).filter((l) => l.mediaType === SIMPLE_SIGNING);
  if (!layers.length) return [{ kind: 'invalid', via: 'cosign', reason: `Bad signature: the cosign signature manifest ${tag} holds no simple-signing payload.` }];
  const out: Evidence[] = [];
  for (const layer of layers.slice(0, MAX_LAYERS)) {
    const encoded = layer.annotations?.[SIGNATURE_ANNOTATION] ?? '';
    const signature = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : undefined;
    if (!signature?.length) {
      out.push({ kind: 'invalid', via: 'cosign', reason: 'Bad signature: a cosign signature layer has no readable `dev.cosignproject.cosign/signature` annotation.' });
      continue;
    }
    const payload = await client.blob(repository, layer.digest, signal ? { signal } : {});
    if (!payload.ok) {
      out.push({ kind: 'unchecked', via: 'cosign', reason: `Could not check: reading a cosign signature payload failed: ${payload.error.message}` });
      continue;
    }
    out.push(judge(payload.value, signature, digest, keys, CERTIFICATE_ANNOTATIONS.some((a) => layer.annotations?.[a] !== undefined)));
  }
  return out;
}

function judge(payload: Uint8Array, signature: Uint8Array, digest: string, keys: readonly TrustedKey[], keyless: boolean): Evidence {
  const key = keys.find((k) => verifiesWith(k.key, payload, signature));
  if (!key) {
    if (keyless) return { kind: 'untrusted', via: 'cosign', reason: 'Wrong key: a keyless cosign signature in the legacy layout, which only a Sigstore bundle lets Shipshape verify.' };
    if (!keys.length) return { kind: 'untrusted', via: 'cosign', reason: 'Wrong key: a cosign signature, but the policy names no key to verify it with.' };
    return { kind: 'untrusted', via: 'cosign', reason: `Wrong key: the cosign signature does not verify with ${keys.map((k) => `${k.source} (${k.fingerprint})`).join(', ')}.` };
  }
  const signed = signedDigest(payload);
  if (signed === undefined) return { kind: 'invalid', via: 'cosign', reason: `Bad signature: ${key.source} signed a payload that is not a cosign simple-signing payload.` };
  if (signed !== digest) {
    return { kind: 'invalid', via: 'cosign', reason: `Digest mismatch: the signature by ${key.source} (${key.fingerprint}) is for ${shortDigest(signed)}, not for the image ${shortDigest(digest)}.` };
  }
  return { kind: 'verified', via: 'cosign', signer: `${key.fingerprint} (${key.source})` };
}

/** `critical.image.docker-manifest-digest` of a simple-signing payload. */
export function signedDigest(payload: Uint8Array): string | undefined {
  try {
    const v = JSON.parse(Buffer.from(payload).toString('utf8')) as { critical?: { image?: Record<string, unknown>; type?: unknown } };
    const d = v.critical?.image?.['docker-manifest-digest'];
    return typeof d === 'string' && typeof v.critical?.type === 'string' ? d : undefined;
  } catch {
    return undefined;
  }
}
