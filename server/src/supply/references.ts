// Every image reference a linted file names, with the exact range of its text: Dockerfile `FROM` images and the
// `image:` of every container, init container and ephemeral container of any workload kind. Pure: reads only
// the models the engine already built.
import type { Range } from 'vscode-languageserver-types';
import type { Document, Node } from 'yaml';
import { SourceFile } from '../core/source';
import { detectKind } from '../core/detect';
import { parseDockerfile, type DockerfileModel } from '../dockerfile/model';
import { parseK8s, type K8sFile } from '../k8s/model';
import { containersOf, podSpecOf, type ContainerRole } from '../k8s/podspec';
import { isPlaceholder } from '../k8s/image';
import { asScalar, get } from '../k8s/yaml';
import { parseReference, type ImageReference } from '../oci/reference';

export interface ImageSite {
  /** The reference exactly as written, without any YAML quotes: `nginx:1.27@sha256:…`. */
  text: string;
  /** Document offsets of `text` (inside quotes). */
  start: number;
  end: number;
  range: Range;
  target: 'dockerfile' | 'k8s';
  /** Normalised reference (registry domain, repository, tag, digest). */
  ref: ImageReference;
  /** Dockerfile: index of the stage whose FROM this is. */
  stage?: number;
  /** Kubernetes: the object and container naming the image. */
  object?: { kind: string; name: string };
  container?: { name: string; role: ContainerRole };
}

/** What the engine hands over after a lint: the parsed models, so nothing is parsed twice. */
export interface ParsedFile {
  file: SourceFile;
  dockerfile?: DockerfileModel;
  k8s?: K8sFile;
}

/** Parses `text` by file type and lists its image sites (for files the editor has not linted, e.g. a workspace pin). */
export function imageSitesOfText(path: string, text: string, languageId?: string): ImageSite[] {
  const file = new SourceFile(path, text, languageId);
  const kind = detectKind(path, languageId);
  if (kind === 'dockerfile') return imageSites({ file, dockerfile: parseDockerfile(file) });
  if (kind === 'yaml') return imageSites({ file, k8s: parseK8s(file) });
  return [];
}

/** Sites in document order; one per text span even when a YAML alias names the same node twice. */
export function imageSites(parsed: ParsedFile): ImageSite[] {
  const sites = [...(parsed.dockerfile ? dockerfileSites(parsed.file, parsed.dockerfile) : []), ...(parsed.k8s ? k8sSites(parsed.file, parsed.k8s) : [])];
  const seen = new Set<number>();
  return sites
    .sort((a, b) => a.start - b.start)
    .filter((s) => {
      if (seen.has(s.start)) return false;
      seen.add(s.start);
      return true;
    });
}

function dockerfileSites(file: SourceFile, model: DockerfileModel): ImageSite[] {
  const out: ImageSite[] = [];
  for (const stage of model.stages) {
    const image = stage.image;
    // The model already leaves out `scratch` and stages built on an earlier stage (`FROM builder`). A reference
    // with `$VAR` is only known at build time: pinning what a default resolves to would freeze the wrong image.
    if (!image || image.hasVariables) continue;
    const { start, end } = image.span;
    // A quoted or escaped word has no exact position for its text; image references never need either.
    if (file.text.slice(start, end) !== image.text) continue;
    const parsed = parseReference(image.text);
    if (!parsed.ok) continue;
    out.push({ text: image.text, start, end, range: file.rangeOf(start, end), target: 'dockerfile', ref: parsed.ref, stage: stage.index });
  }
  return out;
}

function k8sSites(file: SourceFile, k8s: K8sFile): ImageSite[] {
  const out: ImageSite[] = [];
  for (const object of k8s.objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    for (const container of containersOf(file, pod)) {
      const node = get(container.node, 'image', pod.doc);
      const span = scalarSpan(file.text, node, pod.doc);
      if (!span || isPlaceholder(span.value)) continue;
      const parsed = parseReference(span.value);
      if (!parsed.ok) continue;
      out.push({
        text: span.value,
        start: span.start,
        end: span.end,
        range: file.rangeOf(span.start, span.end),
        target: 'k8s',
        ref: parsed.ref,
        object: { kind: object.kind, name: object.name },
        container: { name: container.name, role: container.role },
      });
    }
  }
  return out;
}

/**
 * Offsets of a string scalar's value inside the document: a plain scalar's own range, a quoted scalar's range
 * without its quotes, or the value found once inside a block scalar. Undefined when the text differs from the
 * value (escapes), because an edit there could not be minimal.
 */
function scalarSpan(text: string, node: Node | undefined, doc: Document): { value: string; start: number; end: number } | undefined {
  const scalar = asScalar(node, doc);
  const range = scalar?.range;
  if (!scalar || !range || typeof scalar.value !== 'string') return undefined;
  const value = scalar.value.trim();
  if (value === '') return undefined;
  const raw = text.slice(range[0], range[1]);
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2 && raw.endsWith(quote)) {
    const inner = raw.slice(1, -1);
    const lead = inner.length - inner.trimStart().length;
    return inner.trim() === value ? { value, start: range[0] + 1 + lead, end: range[0] + 1 + lead + value.length } : undefined;
  }
  const at = raw.indexOf(value);
  if (at < 0 || raw.indexOf(value, at + 1) >= 0) return undefined;
  return { value, start: range[0] + at, end: range[0] + at + value.length };
}

/** The site whose text contains or touches `offset`. */
export function siteAt(sites: readonly ImageSite[], offset: number): ImageSite | undefined {
  return sites.find((s) => s.start <= offset && offset <= s.end);
}
