// Verifies the signatures of one image reference under a trust spec: resolves the digest that would be pulled
// (the written digest, else the tag's; the index digest for a multi-arch image), reads cosign signatures and
// Sigstore bundles from the signature repository, and combines them into one verdict. Answers are cached per
// digest and trust, so the editor can ask on every open and save.
import { createHash } from 'node:crypto';
import { fullName, type OciClient } from '../oci';
import { cosignEvidence } from './cosign';
import { loadPublicKey, type TrustedKey } from './keys';
import type { TrustSpec } from './policy';
import { referrerEvidence } from './sigstore';
import { loadTrustedRoot } from './trustedRoot';
import { combine, type ImageVerdict } from './verdict';

// Signatures get added after an image is published: a verdict is kept as long as signature presence is.
const VERDICT_TTL_MS = 15 * 60 * 1000;
const CACHE_LIMIT = 1000;

export interface VerifyOptions {
  readonly signal?: AbortSignal;
  /** Ignore cached verdicts (the CLI always reads fresh signatures). */
  readonly fresh?: boolean;
}

export class SignatureVerifier {
  private readonly verdicts = new Map<string, { verdict: ImageVerdict; at: number }>();
  private readonly inFlight = new Map<string, Promise<ImageVerdict>>();

  constructor(
    private readonly client: OciClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** The verdict for `reference` under `trust`: from the cache when this digest was judged recently. */
  async verify(reference: string, trust: TrustSpec, options: VerifyOptions = {}): Promise<ImageVerdict> {
    const resolved = await this.client.resolve(reference, options.signal ? { signal: options.signal } : {});
    if (!resolved.ok) return { verdict: 'unchecked', reason: `Could not check: ${resolved.error.message}` };
    const image = resolved.value;
    const digest = image.pinnedDigest ?? image.digest;
    const key = cacheKey(`${fullName(image.reference)}@${digest}`, trust);
    const hit = this.verdicts.get(key);
    if (!options.fresh && hit && this.now() - hit.at < VERDICT_TTL_MS) return hit.verdict;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.check(digest, trust, options.signal).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const verdict = await pending;
    // A lookup that failed is asked again next time; a verdict about the signatures themselves is kept.
    if (verdict.verdict !== 'unchecked') {
      if (this.verdicts.size >= CACHE_LIMIT) this.verdicts.clear();
      this.verdicts.set(key, { verdict, at: this.now() });
    }
    return verdict;
  }

  private async check(digest: string, trust: TrustSpec, signal: AbortSignal | undefined): Promise<ImageVerdict> {
    const keys: TrustedKey[] = [];
    for (const path of trust.keyPaths) {
      const loaded = await loadPublicKey(path);
      if (!loaded.ok) return { verdict: 'unchecked', digest, reason: `Could not check: ${loaded.message}` };
      keys.push(loaded.key);
    }
    const root = await loadTrustedRoot(trust.trustedRoot);
    const bundleTrust = root.ok ? { root: root.root, identities: trust.identities, keys } : { error: root.message };
    const repository = trust.signatureRepository;
    const [cosign, referrers] = await Promise.all([
      cosignEvidence(this.client, repository, digest, keys, signal),
      referrerEvidence(this.client, repository, digest, bundleTrust, signal),
    ]);
    return combine(digest, [...cosign, ...referrers]);
  }
}

function cacheKey(image: string, trust: TrustSpec): string {
  const spec = JSON.stringify([fullName(trust.signatureRepository), trust.keyPaths, trust.identities, trust.trustedRoot ?? '']);
  return `${image}\n${createHash('sha256').update(spec).digest('hex')}`;
}
