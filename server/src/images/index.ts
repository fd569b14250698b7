// Image references, the one module for them: parse (reference.ts), trust (trust.ts), locate (sites.ts).
//
//   parseImageRef(text)        lenient split into domain/path/tag/digest + spans of each part + `problem`
//   parseReference(text)       strict: only what `docker pull` accepts, without variables (registry lookups)
//   isImagePlaceholder(text)   `{{ .Image }}`, `${IMAGE}`, `{IMAGE}`, `<image>`: not an image yet
//   isTrustedImage(ref, pats)  the `trustedRegistries` matcher every rule uses; untrustedSpan() for the range
//   containerImage(file, c)    a Kubernetes container's image site; imageSites(parsed) all resolvable sites
//   partRange(file, site, s)   document range of one part (e.g. `site.ref.spans.tag`)
//
// Modules that the parsers themselves depend on (dockerfile/model, k8s/model, oci/) import './reference' directly,
// so that this index, which also pulls in the file models, never forms an import cycle.
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
export { type ImageSite, type ParsedFile, imageSites, imageSitesOfText, containerImage, partRange, siteAt } from './sites';
