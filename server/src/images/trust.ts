// The one trusted-registry matcher, shared by every rule and target that checks where images come from.
import type { ImageReference, Span } from './reference';

// Docker Hub answers to these names too; a pattern naming any of them trusts `docker.io` images.
const HUB_ALIASES = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com'];

/**
 * Whether `ref` comes from a place `patterns` trusts. A pattern is a registry host, optionally followed by a
 * repository prefix (`ghcr.io/acme` trusts `ghcr.io/acme/app` and `ghcr.io/acme/tools/cli`, not
 * `ghcr.io/acme-evil/app`). `*` matches within one name part (`*.corp.example`), and `*` alone trusts
 * everything. Letter case never matters: host names are case-insensitive (DNS), and Docker only pulls
 * lowercase repository paths, so case never tells two pullable images apart. An image with no registry
 * written is `docker.io`; a Docker Hub prefix matches the path with or without `library/`
 * (`docker.io/nginx` and `docker.io/library/nginx` both trust `nginx:1.27`).
 */
export function isTrustedImage(ref: ImageReference, patterns: readonly string[]): boolean {
  return patterns.some((p) => patternTrusts(p, ref));
}

/** Whether the registry host of `ref` is named by some pattern at all (with or without a repository prefix). */
export function isTrustedHost(ref: ImageReference, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const { host } = splitPattern(p);
    return host !== undefined && hostsOf(ref).some((h) => wildcard(host, 'i').test(h));
  });
}

/**
 * The narrowest span to underline for an untrusted image: the written registry when no pattern names that
 * host, otherwise the whole name (the repository is what falls outside the trusted prefixes).
 */
export function untrustedSpan(ref: ImageReference, patterns: readonly string[]): Span {
  return ref.spans.domain && !isTrustedHost(ref, patterns) ? ref.spans.domain : ref.spans.name;
}

/** Non-empty string entries of a `trustedRegistries` option value (which comes from user settings, so is unknown). */
export function trustedPatterns(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim()) : [];
}

function patternTrusts(pattern: string, ref: ImageReference): boolean {
  const { host, path } = splitPattern(pattern);
  if (host === undefined) return true;
  if (!hostsOf(ref).some((h) => wildcard(host, 'i').test(h))) return false;
  if (path === undefined) return true;
  const re = wildcard(path, 'i');
  const paths = isHub(ref) && ref.path.startsWith('library/') ? [ref.path, ref.path.slice('library/'.length)] : [ref.path];
  // Prefix match on whole path components.
  return paths.some((full) => {
    const parts = full.split('/');
    for (let n = 1; n <= parts.length; n++) if (re.test(parts.slice(0, n).join('/'))) return true;
    return false;
  });
}

function isHub(ref: ImageReference): boolean {
  return ref.domain.toLowerCase() === 'docker.io';
}

function splitPattern(pattern: string): { host?: string; path?: string } {
  const p = pattern.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
  if (p === '*' || p === '') return {};
  const slash = p.indexOf('/');
  return slash < 0 ? { host: p } : { host: p.slice(0, slash), path: p.slice(slash + 1) };
}

function hostsOf(ref: ImageReference): string[] {
  return isHub(ref) ? HUB_ALIASES : [ref.domain.toLowerCase()];
}

function wildcard(glob: string, flags: string): RegExp {
  return new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`, flags);
}
