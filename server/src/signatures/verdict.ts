// What verifying one image can conclude, and how several signatures of one image combine into one verdict.

/** The verdicts of `shipshape verify` (JSON `verdict`), the rule and the hover. */
export type Verdict = 'verified' | 'unsigned' | 'untrusted' | 'invalid' | 'unchecked';

export type SignatureKind = 'cosign' | 'sigstore' | 'notation';

/** What one signature (or one failed attempt to read signatures) showed. */
export type Evidence =
  | { readonly kind: 'verified'; readonly via: SignatureKind; readonly signer: string }
  /** A trusted signer signed something else, or the signature material is broken. */
  | { readonly kind: 'invalid'; readonly via: SignatureKind; readonly reason: string }
  /** A signature whose signer is not trusted (another key, another identity, another CA). */
  | { readonly kind: 'untrusted'; readonly via: SignatureKind; readonly reason: string }
  /** Signatures could not be read or judged (offline, denied, a format not verified). */
  | { readonly kind: 'unchecked'; readonly via: SignatureKind; readonly reason: string };

export interface ImageVerdict {
  readonly verdict: Verdict;
  /** The digest that was checked (index digest for a multi-arch image); absent when it could not be resolved. */
  readonly digest?: string;
  /** Key fingerprint or certificate identity of the trusted signer (verified only). */
  readonly signer?: string;
  /** One sentence: why this verdict. */
  readonly reason: string;
}

// Any trusted, valid signature is enough. Otherwise a trusted signer vouching for another digest (or broken
// material) is the most alarming; an unreadable source might still hold a valid signature, so it beats
// "untrusted", and "unsigned" needs every source read and empty.
const RANK: Record<Evidence['kind'], number> = { verified: 0, invalid: 1, unchecked: 2, untrusted: 3 };

export function combine(digest: string, evidence: readonly Evidence[]): ImageVerdict {
  const best = [...evidence].sort((a, b) => RANK[a.kind] - RANK[b.kind])[0];
  if (!best) return { verdict: 'unsigned', digest, reason: `No signature: no cosign signature, Sigstore bundle or Notation signature for ${digest}.` };
  if (best.kind === 'verified') return { verdict: 'verified', digest, signer: best.signer, reason: `Signed by ${best.signer}, verified.` };
  return { verdict: best.kind, digest, reason: best.reason };
}

export function shortDigest(digest: string): string {
  const [alg, hex = ''] = digest.split(':');
  return `${alg}:${hex.slice(0, 12)}…`;
}
