// Image references, the one module for them: parse (reference.ts), trust (trust.ts), sites (sites.ts).
//
//   parseImageRef(text)        lenient split into domain/path/tag/digest + spans of each part + `problem`
//   parseReference(text)       strict: only what `docker pull` accepts, without variables (registry lookups)
//   isImagePlaceholder(text)   `{{ .Image }}`, `${IMAGE}`, `{IMAGE}`, `<image>`: not an image yet
//   isTrustedImage(ref, pats)  the `trustedRegistries` matcher every rule uses; untrustedSpan() for the range
//   imageSites(result, rules)  every resolvable image of a linted file, from its target's `imageTexts`
//
// Where a target's images are written is the target's business (`Target.imageTexts`; the Kubernetes locator is
// k8s/images.ts `containerImage`, which the image rules read too). Modules the parsers depend on (dockerfile/model,
// k8s/model, oci/) import './reference' directly, so that this index, which pulls in the engine, forms no cycle.
export {
  type ImageReference,
  type Span,
  type ParseResult,
  type UnresolvableReason,
  parseImageRef,
  parseReference,
  isImagePlaceholder,
  isValidDigest,
  isValidTag,
  apiHost,
  fullName,
  canonicalString,
  familiarString,
  formatPinned,
  effectiveTag,
  manifestReference,
} from './reference';
export { isTrustedImage, untrustedSpan, trustedPatterns } from './trust';
export { type ImageSite, imageSites, imageSitesOfText, siteAt } from './sites';
