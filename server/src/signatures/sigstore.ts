// Sigstore bundles attached to an image (cosign BUNDLE_SPEC): OCI 1.1 artifacts of type
// `application/vnd.dev.sigstore.bundle.v0.3+json` whose subject is the image digest, found through the referrers
// API or the referrers tag. Each is verified by @sigstore/verify against the trusted root (certificate chain,
// transparency-log entry, signature), then bound to the image and matched against the trusted identities.
import { ValidationError, bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { Verifier, VerificationError, toSignedEntity, type Signer, type TrustMaterial } from '@sigstore/verify';
import { NOTARY_SIGNATURE_ARTIFACT, SIGSTORE_BUNDLE_ARTIFACT, descriptorsOf, type ImageReference, type OciClient } from '../oci';
import type { TrustedKey } from './keys';
import { subjectDigest } from './manifest';
import type { LoadedRoot } from './trustedRoot';
import { shortDigest, type Evidence } from './verdict';

export interface Identity {
  readonly issuer: string;
  readonly subject: string;
}

export interface BundleTrust {
  readonly root: LoadedRoot;
  readonly identities: readonly Identity[];
  /** Keys for bundles signed with a key instead of a certificate. */
  readonly keys: readonly TrustedKey[];
}

const MAX_BUNDLES = 8;
const IN_TOTO = 'application/vnd.in-toto+json';

/** Bundles and Notation signatures among the image's referrers; `trust` undefined: no root could be loaded. */
export async function referrerEvidence(
  client: OciClient,
  repository: ImageReference,
  digest: string,
  trust: BundleTrust | { error: string },
  signal?: AbortSignal,
): Promise<Evidence[]> {
  const opts = signal ? { signal } : {};
  const listed = await client.referrers(repository, digest, opts);
  if (!listed.ok) return [{ kind: 'unchecked', via: 'sigstore', reason: `Could not check: listing the signatures that refer to the image failed: ${listed.error.message}` }];
  const out: Evidence[] = [];
  if (listed.value.descriptors.some((d) => d.artifactType === NOTARY_SIGNATURE_ARTIFACT)) {
    out.push({ kind: 'unchecked', via: 'notation', reason: 'Signed, not verified: a Notation signature is present; Shipshape does not verify Notation signatures (use `notation verify` with your trust policy).' });
  }
  const bundles = listed.value.descriptors.filter((d) => d.artifactType === SIGSTORE_BUNDLE_ARTIFACT).slice(0, MAX_BUNDLES);
  for (const d of bundles) {
    if ('error' in trust) {
      out.push({ kind: 'unchecked', via: 'sigstore', reason: `Could not check the Sigstore bundle: ${trust.error}` });
      continue;
    }
    const artifact = await client.manifest(repository, d.digest, opts);
    if (!artifact.ok) {
      out.push({ kind: 'unchecked', via: 'sigstore', reason: `Could not check: reading a Sigstore bundle failed: ${artifact.error.message}` });
      continue;
    }
    // The referrers list is only an index; the artifact's own subject is what it claims to sign.
    if (!artifact.value || subjectDigest(artifact.value.json) !== digest) continue;
    const layer = descriptorsOf(artifact.value.json.layers).find((l) => l.mediaType.startsWith('application/vnd.dev.sigstore.bundle'));
    if (!layer) {
      out.push({ kind: 'invalid', via: 'sigstore', reason: 'Bad signature: a Sigstore bundle artifact has no bundle layer.' });
      continue;
    }
    const blob = await client.blob(repository, layer.digest, opts);
    if (!blob.ok) {
      out.push({ kind: 'unchecked', via: 'sigstore', reason: `Could not check: reading a Sigstore bundle failed: ${blob.error.message}` });
      continue;
    }
    out.push(await judgeBundle(blob.value, digest, trust, async () => {
      const image = await client.manifest(repository, digest, opts);
      return image.ok && image.value ? image.value.bytes : undefined;
    }));
  }
  return out;
}

/** One bundle's verdict for the image `digest`. `imageBytes` fetches the signed manifest for message signatures. */
export async function judgeBundle(raw: Uint8Array, digest: string, trust: BundleTrust, imageBytes: () => Promise<Uint8Array | undefined>): Promise<Evidence> {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(JSON.parse(Buffer.from(raw).toString('utf8')));
  } catch (err) {
    const fields = err instanceof ValidationError ? `: ${err.fields.join(', ')}` : '';
    return { kind: 'invalid', via: 'sigstore', reason: `Bad signature: the Sigstore bundle is malformed (${err instanceof Error ? err.message : String(err)}${fields}).` };
  }
  const bound = boundDigests(bundle);
  if (!bound.length) return { kind: 'invalid', via: 'sigstore', reason: 'Bad signature: the Sigstore bundle names no image digest.' };
  if (!bound.includes(digest)) return { kind: 'invalid', via: 'sigstore', reason: `Digest mismatch: the Sigstore bundle is for ${shortDigest(bound[0]!)}, not for the image ${shortDigest(digest)}.` };
  let artifact: Buffer | undefined;
  if (bundle.content.$case === 'messageSignature') {
    const bytes = await imageBytes();
    if (!bytes) return { kind: 'unchecked', via: 'sigstore', reason: 'Could not check: the signed image manifest could not be read.' };
    artifact = Buffer.from(bytes);
  }
  const entity = toSignedEntity(bundle, artifact);
  if (bundle.verificationMaterial.content.$case === 'publicKey') return judgeKeyBundle(entity, trust);
  let signer: Signer;
  try {
    signer = new Verifier(trust.root.material, trust.root.thresholds).verify(entity);
  } catch (err) {
    return failure(err, trust.root.name);
  }
  const subject = signer.identity?.subjectAlternativeName ?? '';
  const issuer = signer.identity?.extensions?.issuer ?? '';
  const who = `${subject || 'an unnamed subject'} (issuer ${issuer || 'unknown'})`;
  if (!trust.identities.length) return { kind: 'untrusted', via: 'sigstore', reason: `Untrusted signer: signed by ${who}, but the policy names no identity to trust.` };
  if (!trust.identities.some((id) => matches(id.subject, subject) && matches(id.issuer, issuer))) {
    return { kind: 'untrusted', via: 'sigstore', reason: `Untrusted signer: signed by ${who}, which is not a trusted identity.` };
  }
  return { kind: 'verified', via: 'sigstore', signer: who };
}

function judgeKeyBundle(entity: ReturnType<typeof toSignedEntity>, trust: BundleTrust): Evidence {
  if (!trust.keys.length) return { kind: 'untrusted', via: 'sigstore', reason: 'Wrong key: a Sigstore bundle signed with a key, but the policy names no key.' };
  let last: unknown;
  for (const key of trust.keys) {
    const material: TrustMaterial = { ...trust.root.material, publicKey: () => ({ publicKey: key.key, validFor: () => true }) };
    try {
      new Verifier(material, { ...trust.root.thresholds, ctlogThreshold: 0 }).verify(entity);
      return { kind: 'verified', via: 'sigstore', signer: `${key.fingerprint} (${key.source})` };
    } catch (err) {
      last = err;
    }
  }
  if (last instanceof VerificationError && last.code === 'SIGNATURE_ERROR') {
    return { kind: 'untrusted', via: 'sigstore', reason: `Wrong key: the Sigstore bundle does not verify with ${trust.keys.map((k) => k.source).join(', ')}.` };
  }
  return failure(last, trust.root.name);
}

function failure(err: unknown, root: string): Evidence {
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof VerificationError && (err.code === 'CERTIFICATE_ERROR' || err.code === 'PUBLIC_KEY_ERROR')) {
    return { kind: 'untrusted', via: 'sigstore', reason: `Untrusted signer: the signing certificate does not chain to the trusted root (${root}): ${detail}.` };
  }
  if (err instanceof VerificationError && err.code === 'SIGNATURE_ERROR') return { kind: 'invalid', via: 'sigstore', reason: `Bad signature: the Sigstore bundle's signature does not verify (${detail}).` };
  return { kind: 'invalid', via: 'sigstore', reason: `Bad signature: the Sigstore bundle does not verify against ${root} (${detail}).` };
}

/**
 * The image digests a bundle vouches for: the sha256 subjects of its in-toto statement (DSSE), or the digest of
 * the message it signs (the image manifest itself).
 */
export function boundDigests(bundle: Bundle): string[] {
  if (bundle.content.$case === 'messageSignature') {
    const d = bundle.content.messageSignature.messageDigest;
    return d && d.algorithm === HashAlgorithm.SHA2_256 ? [`sha256:${Buffer.from(d.digest).toString('hex')}`] : [];
  }
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO) return [];
  try {
    const statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8')) as { subject?: unknown };
    if (!Array.isArray(statement.subject)) return [];
    return statement.subject
      .map((s: unknown) => (s !== null && typeof s === 'object' ? (s as { digest?: { sha256?: unknown } }).digest?.sha256 : undefined))
      .filter((h): h is string => typeof h === 'string' && /^[a-f0-9]{64}$/.test(h))
      .map((h) => `sha256:${h}`);
  } catch {
    return [];
  }
}

/** Exact match, or a glob where `*` stands for any run of characters (workflow refs, branch names). */
export function matches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}
