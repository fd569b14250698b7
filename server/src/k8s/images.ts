// The image references a Kubernetes file names: the `image:` of every container, init container and ephemeral
// container of any workload kind, where its text sits exactly in the file (inside any quotes).
import type { SourceFile } from '../core/source';
import type { ImageText } from '../core/target';
import type { K8sFile, K8sObject } from './model';
import { containersOf, podSpecOf } from './podspec';
import { isPlaceholder } from './image';
import { get, scalarSpan } from './yaml';

export function k8sImageTexts(file: SourceFile, k8s: K8sFile): ImageText[] {
  return k8s.objects.flatMap((object) => objectImageTexts(file, object));
}

/** The image references of one object's containers. */
export function objectImageTexts(file: SourceFile, object: K8sObject): ImageText[] {
  const out: ImageText[] = [];
  const pod = podSpecOf(object);
  if (pod) {
    for (const container of containersOf(file, pod)) {
      const node = get(container.node, 'image', pod.doc);
      const span = scalarSpan(file.text, node, pod.doc);
      if (!span || isPlaceholder(span.value)) continue;
      out.push({
        text: span.value,
        start: span.start,
        end: span.end,
        object: { kind: object.kind, name: object.name },
        container: { name: container.name, role: container.role },
      });
    }
  }
  return out;
}
