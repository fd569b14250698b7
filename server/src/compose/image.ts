// The `image:` of a service, split into registry, repository, tag and digest with the tag's own range.
import { isScalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { parseImageRef, type ImageReference } from '../images/reference';
import { hasVariables, interpolate } from './interpolate';
import { scalarString, type ComposeFile, type ComposeService, type Setting } from './model';
import { rangeFor, setting } from './service';
import { valueSpan } from './syntax';

export interface ServiceImage {
  /** The reference after interpolation. */
  text: string;
  /** The parsed reference (registry, repository, tag, digest and their spans in `text`). */
  ref: ImageReference;
  setting: Setting;
  range: Range;
  registry: string;
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  /** The tag text's own range, when the scalar is literal and in this file. */
  tagRange: Range | undefined;
  /** Offsets of the reference text in this file, when literal (no variables) and here: pinning edits it. */
  span?: { start: number; end: number };
}

/** The image the service runs, unless it is built here (then `image:` only names the result) or unknown. */
export function imageOf(compose: ComposeFile, service: ComposeService, { includeBuilt = false } = {}): ServiceImage | undefined {
  const s = setting(service, 'image');
  if (!s || !isScalar(s.value) || (!includeBuilt && setting(service, 'build'))) return undefined;
  const raw = scalarString(s.value);
  const text = raw === undefined ? undefined : interpolate(raw, compose.env)?.trim();
  if (!raw || !text) return undefined;
  const ref = parseImageRef(text);
  if (!ref) return undefined;
  const tagStart = ref.spans.tag?.start;
  const repository = ref.original.slice(ref.spans.repository.start, ref.spans.repository.end);
  const range = rangeFor(compose, service, s);
  let tagRange: Range | undefined;
  let span: { start: number; end: number } | undefined;
  const literal = s.source.file === compose.file && !hasVariables(raw) ? valueSpan(compose.file, s.value) : undefined;
  if (literal && compose.file.text.slice(literal.start, literal.end) === raw) {
    const lead = raw.length - raw.trimStart().length;
    span = { start: literal.start + lead, end: literal.start + lead + text.length };
    if (tagStart !== undefined && ref.tag !== undefined) tagRange = compose.file.rangeOf(span.start + tagStart, span.start + tagStart + ref.tag.length);
  }
  return { text, ref, setting: s, range, registry: ref.domain, repository, tag: ref.tag, digest: ref.digest, tagRange, ...(span ? { span } : {}) };
}

/** Docker Official Images that start as root and stay root (their entrypoints do not switch to another user). */
const ROOT_IMAGES = new Set([
  'ubuntu', 'debian', 'alpine', 'busybox', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'archlinux', 'oraclelinux',
  'node', 'python', 'golang', 'ruby', 'php', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'ibmjava', 'maven', 'gradle', 'rust', 'perl',
  'nginx', 'httpd', 'traefik', 'caddy', 'docker', 'registry', 'wordpress', 'nextcloud', 'tomcat', 'bash', 'buildpack-deps', 'haskell', 'elixir', 'erlang', 'swift',
]);

/** The image is a Docker Official Image known to run as root by default. */
export function defaultsToRoot(image: ServiceImage): boolean {
  if (image.registry !== 'docker.io') return false;
  const name = image.repository.replace(/^library\//, '');
  return ROOT_IMAGES.has(name) && (image.tag === undefined || !/rootless|nonroot|unprivileged/i.test(image.tag));
}
