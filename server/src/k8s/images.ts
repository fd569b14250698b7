// The Kubernetes locator of image references: a container's `image:` with the exact offsets of its text. The
// image rules and the target's `imageTexts` (pinning, drift, signatures) both read it, so they agree on which
// values are images: a missing, empty or placeholder value (`{IMAGE}`, `${IMAGE}`, `{{ .Image }}`) is none.
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { ImageText } from '../core/target';
import { isImagePlaceholder, parseImageRef, type ImageReference, type Span } from '../images/reference';
import type { K8sFile, K8sObject } from './model';
import { containersOf, podSpecOf, type ContainerView } from './podspec';
import { asScalar, get, nodeRange, scalarSpan } from './yaml';

export interface ContainerImage {
  /** The reference as written, trimmed, without YAML quotes. */
  text: string;
  /** Document offsets of `text`; only meaningful when `exact`. */
  start: number;
  end: number;
  /** Range of `text`, or of the whole YAML value when `exact` is false (escapes, block scalars). */
  range: Range;
  /** The document holds `text` verbatim at `start`, so part ranges and edits are exact. */
  exact: boolean;
  /** Parts of the reference (lenient: `ref.problem` says why Docker would refuse it). */
  ref: ImageReference;
}

/** The image of one container, unless it is missing, empty or a placeholder that tooling fills in later. */
export function containerImage(file: SourceFile, container: ContainerView): ContainerImage | undefined {
  const { doc } = container.pod;
  const node = get(container.node, 'image', doc);
  const scalar = asScalar(node, doc);
  if (!scalar || typeof scalar.value !== 'string') return undefined;
  const value = scalar.value.trim();
  if (value === '' || isImagePlaceholder(value)) return undefined;
  const ref = parseImageRef(value);
  const whole = nodeRange(file, scalar);
  if (!ref || !whole) return undefined;
  const span = scalarSpan(file.text, scalar, doc);
  if (span && span.value === value) return { text: value, start: span.start, end: span.end, range: file.rangeOf(span.start, span.end), exact: true, ref };
  return { text: value, start: scalar.range?.[0] ?? 0, end: scalar.range?.[1] ?? 0, range: whole, exact: false, ref };
}

/** Range of one part of an image (`image.ref.spans.tag`, ...); the whole image when offsets are not exact. */
export function partRange(file: SourceFile, image: ContainerImage, span: Span | undefined): Range {
  if (!span || !image.exact) return image.range;
  return file.rangeOf(image.start + span.start, image.start + span.end);
}

/** Every container image of the file whose text sits exactly in it (inside any quotes). */
export function k8sImageTexts(file: SourceFile, k8s: K8sFile): ImageText[] {
  return k8s.objects.flatMap((object) => objectImageTexts(file, object));
}

/** The image references of one object's containers. */
export function objectImageTexts(file: SourceFile, object: K8sObject): ImageText[] {
  const out: ImageText[] = [];
  const pod = podSpecOf(object);
  if (!pod) return out;
  for (const container of containersOf(file, pod)) {
    const image = containerImage(file, container);
    if (!image?.exact) continue;
    out.push({
      text: image.text,
      start: image.start,
      end: image.end,
      object: { kind: object.kind, name: object.name },
      container: { name: container.name, role: container.role },
    });
  }
  return out;
}
