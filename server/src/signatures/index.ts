// Image signature verification: cosign key signatures and Sigstore bundles, under a policy of trusted keys and
// identities. Reads through the OCI client (server/src/oci/); decides nothing about when lookups may happen.
export { SignatureVerifier, type VerifyOptions } from './verify';
export { trustFor, imageMatches, type TrustSpec } from './policy';
export { loadPublicKey, parsePublicKey, fingerprintOf, type TrustedKey } from './keys';
export { loadTrustedRoot, PUBLIC_GOOD } from './trustedRoot';
export type { ImageVerdict, Verdict } from './verdict';
export type { Identity } from './sigstore';
