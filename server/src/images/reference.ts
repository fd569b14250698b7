// The one image-reference parser. It splits a reference into registry domain, repository, tag and digest with
// the offsets of each part, and normalises it exactly as distribution/reference does (ParseNormalizedNamed +
// ParseDockerRef), so what rules judge and what the registry client resolves is what `docker pull` would pull.

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';
// normalize.go: "actual domain of Docker Hub's registry is registry-1.docker.io".
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const NAME_TOTAL_LENGTH_MAX = 255;

// Patterns copied from distribution/reference regexp.go; Go's leftmost-first semantics match JS here.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainAndPort = `(?:${domainName}|${ipv6address})(?::[0-9]+)?`;
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';

const DOMAIN_RE = new RegExp(`^${domainAndPort}$`);
const PATH_RE = new RegExp(`^${remoteName}$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const TAG_RE = new RegExp(`^${tagPat}$`);
const DIGEST_RE = new RegExp(`^${digestPat}$`);

// go-digest only accepts registered algorithms with their exact lowercase hex length.
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** Half-open offsets into `ImageReference.original`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ImageReference {
  /** The text as the user wrote it (trimmed); every span below points into it. */
  readonly original: string;
  /** Registry domain as distribution/reference names it: `docker.io` (also for none or `index.docker.io`), `ghcr.io`, `localhost:5000`. Letter case as written. */
  readonly domain: string;
  /** Repository path inside the registry, normalised: `nginx` → `library/nginx`. */
  readonly path: string;
  /** Tag written by the user, if any. */
  readonly tag?: string;
  /** Digest written by the user, if any; authoritative over the tag (ParseDockerRef). */
  readonly digest?: string;
  /** Where each written part is: `domain` only when a registry is written; `name` is domain + repository. */
  readonly spans: { readonly domain?: Span; readonly repository: Span; readonly name: Span; readonly tag?: Span; readonly digest?: Span };
  /** Why Docker would refuse this text (distribution/reference's error), or undefined for a valid reference. */
  readonly problem?: string;
}

/**
 * Splits any non-empty text into reference parts, leniently: a reference Docker would refuse still gets its
 * parts (lint rules judge what was meant) and says why in `problem`. Undefined for empty text.
 */
export function parseImageRef(input: string): ImageReference | undefined {
  const original = input.trim();
  if (original === '') return undefined;
  const at = original.indexOf('@');
  const nameAndTag = at >= 0 ? original.slice(0, at) : original;
  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.indexOf(':', lastSlash + 1);
  const nameEnd = colon >= 0 ? colon : nameAndTag.length;
  const name = nameAndTag.slice(0, nameEnd);
  const { domain, remainder, written } = splitDockerDomain(name);
  const repoStart = written === undefined ? 0 : written.length + 1;
  const path = domain === DEFAULT_DOMAIN && !remainder.includes('/') ? OFFICIAL_REPO_PREFIX + remainder : remainder;
  const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : undefined;
  const digest = at >= 0 ? original.slice(at + 1) : undefined;
  const spans = {
    ...(written !== undefined ? { domain: { start: 0, end: written.length } } : {}),
    repository: { start: Math.min(repoStart, nameEnd), end: nameEnd },
    name: { start: 0, end: nameEnd },
    ...(tag !== undefined ? { tag: { start: colon + 1, end: nameAndTag.length } } : {}),
    ...(digest !== undefined ? { digest: { start: at + 1, end: original.length } } : {}),
  };
  const problem = problemOf(original, written, domain, remainder, path, tag, digest);
  return { original, domain, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}), spans, ...(problem ? { problem } : {}) };
}

// normalize.go splitDockerDomain: the first component is a registry only when it cannot be a Hub namespace.
function splitDockerDomain(name: string): { domain: string; remainder: string; written?: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { domain: DEFAULT_DOMAIN, remainder: name };
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  // Hub namespaces are lowercase, so an uppercase first component can only be a host name.
  const isDomain = first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first;
  if (!isDomain) return { domain: DEFAULT_DOMAIN, remainder: name };
  return { domain: first === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : first, remainder: rest, written: first };
}

function problemOf(s: string, written: string | undefined, domain: string, remainder: string, path: string, tag: string | undefined, digest: string | undefined): string | undefined {
  if (IDENTIFIER_RE.test(s)) return `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`;
  if (remainder.toLowerCase() !== remainder) return `repository name (${remainder}) must be lowercase`;
  const invalid = `"${s}" is not a valid image reference`;
  if (written !== undefined && !DOMAIN_RE.test(written)) return invalid;
  if (!PATH_RE.test(path)) return invalid;
  if (tag !== undefined && !TAG_RE.test(tag)) return invalid;
  if (`${domain}/${path}`.length > NAME_TOTAL_LENGTH_MAX) return `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
  if (digest !== undefined) return DIGEST_RE.test(digest) ? digestProblem(digest) : invalid;
  return undefined;
}

export type UnresolvableReason = 'empty' | 'variable' | 'scratch' | 'invalid';

export type ParseResult =
  | { readonly ok: true; readonly ref: ImageReference }
  | { readonly ok: false; readonly reason: UnresolvableReason; readonly message: string };

/** Strict parse for resolving: only a reference `docker pull` accepts, written without variables. */
export function parseReference(input: string): ParseResult {
  const s = input.trim();
  if (s === '') return fail('empty', 'the image reference is empty');
  // A build ARG or env expansion is only known at build time; guessing would pin the wrong image.
  if (s.includes('$')) return fail('variable', `"${s}" depends on a build argument or variable`);
  if (s.toLowerCase() === 'scratch') return fail('scratch', '"scratch" is the empty base image and has no digest');
  const ref = parseImageRef(s);
  if (!ref) return fail('empty', 'the image reference is empty');
  if (ref.problem !== undefined) return fail('invalid', ref.problem);
  return { ok: true, ref };
}

function fail(reason: UnresolvableReason, message: string): ParseResult {
  return { ok: false, reason, message };
}

function digestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) return `unsupported digest algorithm "${algorithm}"`;
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) return `invalid ${algorithm} digest "${digest}"`;
  return undefined;
}

export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

export function isValidDigest(digest: string): boolean {
  return DIGEST_RE.test(digest) && digestProblem(digest) === undefined;
}

/**
 * Values that are not images yet: something build or deploy tooling substitutes later. Go/Helm templates
 * (`{{ .Image }}`), shell and Compose variables (`${IMAGE}`, `$IMAGE`, `$(IMAGE)`), Kustomize/ko-style
 * single-brace tokens (`{IMAGE}`) and angle-bracket stand-ins (`<image>`).
 */
export function isImagePlaceholder(value: string): boolean {
  return /\{\{|\$\{|\$\(|\$[A-Za-z_]|\{[A-Za-z_][\w.-]*\}|<[A-Za-z_][\w-]*>/.test(value);
}

/** The host that serves the registry API for a domain (Docker Hub's API is not on docker.io itself). */
export function apiHost(domain: string): string {
  return domain === DEFAULT_DOMAIN ? DOCKER_HUB_API_HOST : domain;
}

/** `docker.io/library/ubuntu` */
export function fullName(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}`;
}

/**
 * What the registry should be asked for: the digest when one is written (it is authoritative), otherwise the
 * tag, defaulting to `latest` like `docker pull`.
 */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? DEFAULT_TAG;
}

/** The tag whose current target we check for drift; `latest` when only a name is written. */
export function effectiveTag(ref: ImageReference): string | undefined {
  if (ref.tag !== undefined) return ref.tag;
  return ref.digest === undefined ? DEFAULT_TAG : undefined;
}

/** Canonical string as ParseDockerRef returns it: digested form wins, otherwise name:tag with the default tag. */
export function canonicalString(ref: ImageReference): string {
  if (ref.digest !== undefined) return `${fullName(ref)}@${ref.digest}`;
  return `${fullName(ref)}:${ref.tag ?? DEFAULT_TAG}`;
}

/** Short name as the Docker CLI prints it: `ubuntu:22.04`, `ghcr.io/o/r:t`. */
export function familiarString(ref: ImageReference): string {
  let name = fullName(ref);
  if (ref.domain === DEFAULT_DOMAIN) {
    name = ref.path;
    const rest = ref.path.startsWith(OFFICIAL_REPO_PREFIX) ? ref.path.slice(OFFICIAL_REPO_PREFIX.length) : undefined;
    if (rest !== undefined && !rest.includes('/')) name = rest;
  }
  return name + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/**
 * Rewrites the text the user wrote into its pinned form: the user's spelling and tag stay (humans read the
 * tag, machines use the digest) and an existing digest is replaced. `nginx:1.27` → `nginx:1.27@sha256:…`.
 * Returns undefined when the text is not a resolvable reference or the digest is malformed, so callers never
 * write a broken FROM line.
 */
export function formatPinned(original: string, digest: string): string | undefined {
  if (!isValidDigest(digest)) return undefined;
  const parsed = parseReference(original);
  if (!parsed.ok) return undefined;
  const { ref } = parsed;
  return `${ref.original.slice(0, ref.spans.digest ? ref.spans.digest.start - 1 : ref.original.length)}@${digest}`;
}
