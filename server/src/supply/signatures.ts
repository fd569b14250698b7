// The signature check of image sites, shared by the language server and the CLI: which sites a policy covers,
// each distinct (reference, trust) verified once, and the `registry/image-signature` findings. Whether a lookup
// may happen at all is the caller's decision.
import type { SignaturePolicy } from '../core/config';
import type { Finding } from '../core/types';
import { trustFor, type ImageVerdict, type SignatureVerifier, type TrustSpec } from '../signatures';
import type { ImageSite } from '../images/sites';
import { REGISTRY_CHECKS } from './resolve';

export const SIGNATURE_ID = 'registry/image-signature';
// "Could not check" is no statement about the image, so it stays below the policy violations.
const UNCHECKED_SEVERITY = 'info';

export interface SignatureCheck {
  site: ImageSite;
  trust: TrustSpec;
  /** Same reference under the same trust: one verification. */
  key: string;
}

/** The sites `policy` (plus `extraKeys`) asks to be checked. */
export function signatureChecks(sites: readonly ImageSite[], policy: SignaturePolicy | undefined, extraKeys: readonly string[] = []): SignatureCheck[] {
  const out: SignatureCheck[] = [];
  for (const site of sites) {
    const trust = trustFor(policy, site.ref, extraKeys);
    if (trust) out.push({ site, trust, key: `${site.text}\n${JSON.stringify([trust.keyPaths, trust.identities, trust.trustedRoot ?? '', trust.signatureRepository.original])}` });
  }
  return out;
}

/** Verdicts keyed by `SignatureCheck.key`, a few verifications at a time. */
export async function verifyChecks(
  verifier: SignatureVerifier,
  checks: readonly SignatureCheck[],
  options: { fresh?: boolean; signal?: AbortSignal; concurrency?: number } = {},
): Promise<Map<string, ImageVerdict>> {
  const unique = [...new Map(checks.map((c) => [c.key, c])).values()];
  const out = new Map<string, ImageVerdict>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < unique.length) {
      const check = unique[next++]!;
      out.set(check.key, await verifier.verify(check.site.text, check.trust, { ...(options.fresh ? { fresh: true } : {}), ...(options.signal ? { signal: options.signal } : {}) }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, unique.length) }, worker));
  return out;
}

/** The finding for a site's verdict; none when it is verified. */
export function signatureFinding(site: ImageSite, verdict: ImageVerdict): Finding | undefined {
  if (verdict.verdict === 'verified') return undefined;
  const message =
    verdict.verdict === 'unchecked'
      ? `Could not check the signature of \`${site.text}\`. ${verdict.reason}`
      : verdict.verdict === 'untrusted'
        ? `\`${site.text}\` is signed, but not by a trusted signer. ${verdict.reason}`
        : `\`${site.text}\` has no valid signature from a trusted signer. ${verdict.reason}`;
  return {
    ruleId: SIGNATURE_ID,
    severity: verdict.verdict === 'unchecked' ? UNCHECKED_SEVERITY : REGISTRY_CHECKS[SIGNATURE_ID].severity,
    message,
    range: site.range,
    suggestions: [],
  };
}
