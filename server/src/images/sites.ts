// The one locator of image sites: every image reference a linted file names, with the exact offsets of its
// text. Dockerfile `FROM` images and the `image:` of every container (init, ephemeral, and the step/sidecar
// containers of CRDs `containersOf` knows). Lint rules and the pin/drift code read the same sites. Pure: reads
// only the models the engine already built.
import type { Range } from 'vscode-languageserver-types';
import type { Document, Node } from 'yaml';
import { SourceFile } from '../core/source';
import { detectKind } from '../core/detect';
import { parseDockerfile, type DockerfileModel } from '../dockerfile/model';
import { parseK8s, type K8sFile } from '../k8s/model';
import { containersOf, podSpecOf, type ContainerRole, type ContainerView } from '../k8s/podspec';
import { asScalar, get, nodeRange } from '../k8s/yaml';
import { isImagePlaceholder, parseImageRef, type ImageReference, type Span } from './reference';

export interface ImageSite {
  /** The reference exactly as written, without any YAML quotes: `nginx:1.27@sha256:…`. */
  text: string;
  /** Document offsets of `text` (inside quotes); only meaningful when `exact`. */
  start: number;
  end: number;
  /** Range of `text`, or of the whole YAML value when `exact` is false. */
  range: Range;
  /** The document holds `text` verbatim at `start`, so part offsets and edits are exact. */
  exact: boolean;
  target: 'dockerfile' | 'k8s';
  /** Reference parts (lenient: `ref.problem` says why Docker would refuse it). */
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

/** Range of one part of a site's reference (`site.ref.spans.tag`, …); the whole site when offsets are not exact. */
export function partRange(file: SourceFile, site: ImageSite, span: Span | undefined): Range {
  if (!span || !site.exact) return site.range;
  return file.rangeOf(site.start + span.start, site.start + span.end);
}

/** Parses `text` by file type and lists its resolvable image sites (for files the editor has not linted, e.g. a workspace pin). */
export function imageSitesOfText(path: string, text: string, languageId?: string): ImageSite[] {
  const file = new SourceFile(path, text, languageId);
  const kind = detectKind(path, languageId);
  if (kind === 'dockerfile') return imageSites({ file, dockerfile: parseDockerfile(file) });
  if (kind === 'yaml') return imageSites({ file, k8s: parseK8s(file) });
  return [];
}

/**
 * The sites a registry can resolve and an edit can pin, in document order: valid references written out in
 * full (no variables) at exact offsets; one per text span even when a YAML alias names the same node twice.
 */
export function imageSites(parsed: ParsedFile): ImageSite[] {
  const sites = [...(parsed.dockerfile ? dockerfileSites(parsed.file, parsed.dockerfile) : []), ...(parsed.k8s ? k8sSites(parsed.file, parsed.k8s) : [])];
  const seen = new Set<number>();
  return sites
    .filter((s) => s.exact && s.ref.problem === undefined)
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
    if (!image || image.hasVariables || !image.ref) continue;
    const { start, end } = image.span;
    // A quoted or escaped word has no exact position for its text; image references never need either.
    const exact = file.text.slice(start, end) === image.text;
    out.push({ text: image.text, start, end, range: image.range, exact, target: 'dockerfile', ref: image.ref, stage: stage.index });
  }
  return out;
}

function k8sSites(file: SourceFile, k8s: K8sFile): ImageSite[] {
  const out: ImageSite[] = [];
  for (const object of k8s.objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    for (const container of containersOf(file, pod)) {
      const site = containerImage(file, container);
      if (site) out.push(site);
    }
  }
  return out;
}

/** The image of one container, unless it is missing, empty or a placeholder that tooling fills in later. */
export function containerImage(file: SourceFile, container: ContainerView): ImageSite | undefined {
  const { pod } = container;
  const node = get(container.node, 'image', pod.doc);
  const scalar = asScalar(node, pod.doc);
  if (!scalar || typeof scalar.value !== 'string') return undefined;
  const value = scalar.value.trim();
  if (value === '' || isImagePlaceholder(value)) return undefined;
  const ref = parseImageRef(value);
  const whole = nodeRange(file, scalar);
  if (!ref || !whole) return undefined;
  const span = scalarSpan(file.text, scalar, pod.doc, value);
  return {
    text: value,
    start: span?.start ?? scalar.range?.[0] ?? 0,
    end: span?.end ?? scalar.range?.[1] ?? 0,
    range: span ? file.rangeOf(span.start, span.end) : whole,
    exact: span !== undefined,
    target: 'k8s',
    ref,
    object: { kind: pod.object.kind, name: pod.object.name },
    container: { name: container.name, role: container.role },
  };
}

/**
 * Offsets of a string scalar's trimmed value inside the document: a plain scalar's own range, a quoted
 * scalar's range without its quotes, or the value found once inside a block scalar. Undefined when the text
 * differs from the value (escapes), because neither a part's range nor an edit there could be exact.
 */
function scalarSpan(text: string, node: Node, doc: Document, value: string): Span | undefined {
  const range = asScalar(node, doc)?.range;
  if (!range) return undefined;
  const raw = text.slice(range[0], range[1]);
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2 && raw.endsWith(quote)) {
    const inner = raw.slice(1, -1);
    const lead = inner.length - inner.trimStart().length;
    return inner.trim() === value ? { start: range[0] + 1 + lead, end: range[0] + 1 + lead + value.length } : undefined;
  }
  const at = raw.indexOf(value);
  if (at < 0 || raw.indexOf(value, at + 1) >= 0) return undefined;
  return { start: range[0] + at, end: range[0] + at + value.length };
}

/** The site whose text contains or touches `offset`. */
export function siteAt(sites: readonly ImageSite[], offset: number): ImageSite | undefined {
  return sites.find((s) => s.start <= offset && offset <= s.end);
}
