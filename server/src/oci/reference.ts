// Image reference parsing that mirrors distribution/reference (ParseNormalizedNamed + ParseDockerRef),
// so that what we resolve is exactly what `docker pull` / BuildKit would pull for the same text.

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
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

const REFERENCE_RE = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const ANCHORED_NAME_RE = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const TAG_RE = new RegExp(`^${tagPat}$`);

// go-digest only accepts registered algorithms with their exact lowercase hex length.
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

export interface ImageReference {
  /** The text as the user wrote it (trimmed). */
  readonly original: string;
  /** Registry domain as distribution/reference names it: `docker.io`, `ghcr.io`, `localhost:5000`. */
  readonly domain: string;
  /** Repository path inside the registry: `library/ubuntu`. */
  readonly path: string;
  /** Tag written by the user, if any. */
  readonly tag?: string;
  /** Digest written by the user, if any; authoritative over the tag (ParseDockerRef). */
  readonly digest?: string;
}

export type UnresolvableReason = 'empty' | 'variable' | 'scratch' | 'invalid';

export type ParseResult =
  | { readonly ok: true; readonly ref: ImageReference }
  | { readonly ok: false; readonly reason: UnresolvableReason; readonly message: string };

export function parseReference(input: string): ParseResult {
  const s = input.trim();
  if (s === '') return fail('empty', 'the image reference is empty');
  // A build ARG or env expansion is only known at build time; guessing would pin the wrong image.
  if (s.includes('$')) return fail('variable', `"${s}" depends on a build argument or variable`);
  if (s.toLowerCase() === 'scratch') return fail('scratch', '"scratch" is the empty base image and has no digest');
  if (IDENTIFIER_RE.test(s)) {
    return fail('invalid', `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }

  const { domain, remainder } = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) return fail('invalid', `repository name (${remote}) must be lowercase`);

  const full = `${domain}/${remainder}`;
  const m = REFERENCE_RE.exec(full);
  if (!m) return fail('invalid', `"${s}" is not a valid image reference`);
  const name = m[1] ?? '';
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    return fail('invalid', `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  const nm = ANCHORED_NAME_RE.exec(name);
  if (!nm || nm[1] === undefined || nm[2] === undefined) return fail('invalid', `"${s}" is not a valid image reference`);
  const digest = m[3];
  if (digest !== undefined) {
    const problem = digestProblem(digest);
    if (problem) return fail('invalid', problem);
  }
  const ref: ImageReference = {
    original: s,
    domain: nm[1],
    path: nm[2],
    ...(m[2] !== undefined ? { tag: m[2] } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
  return { ok: true, ref };
}

function fail(reason: UnresolvableReason, message: string): ParseResult {
  return { ok: false, reason, message };
}

// normalize.go splitDockerDomain: the first component is a registry only when it cannot be a Hub namespace.
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === 'localhost') [domain, remainder] = [maybeDomain, maybeRemote];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remainder] = [DEFAULT_DOMAIN, maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remainder] = [maybeDomain, maybeRemote];
  // Hub namespaces are lowercase, so an uppercase first component can only be a host name.
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remainder] = [maybeDomain, maybeRemote];
  else [domain, remainder] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
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
  return new RegExp(`^${digestPat}$`).test(digest) && digestProblem(digest) === undefined;
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
  const text = parsed.ref.original;
  const at = text.indexOf('@');
  const base = at === -1 ? text : text.slice(0, at);
  return `${base}@${digest}`;
}
