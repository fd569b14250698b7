// Check functions shared by rule families that differ only in data (kube-linter's templates).
import type { K8sContext } from './rule';
import { containersOf, podField, podSpecOf } from './podspec';
import { nodeRange, get, mapIn } from './yaml';
import { replaceNode, setField } from './edit';

/** `hostNetwork` / `hostPID` / `hostIPC: true` on the pod, with a suggestion to flip it. */
export function hostNamespaceCheck(field: 'hostNetwork' | 'hostPID' | 'hostIPC') {
  return ({ file, object, report }: K8sContext<'shared' | 'setFalse'>): void => {
    const pod = podSpecOf(object);
    const setting = pod && podField(pod, field);
    if (!setting || setting.value !== true) return;
    const range = nodeRange(file, setting.node);
    if (range) report({ messageId: 'shared', range, suggestions: [{ messageId: 'setFalse', edits: replaceNode(file, setting.node, 'false') }] });
  };
}

/** A missing `resources.<kind>.<resource>` per container, with a snippet suggestion for the limits. */
export function resourceCheck(kind: 'limits' | 'requests', resource: 'cpu' | 'memory', snippet: string) {
  return ({ file, object, report }: K8sContext<'missing' | 'addSnippet'>): void => {
    const pod = podSpecOf(object);
    // A patch's missing resources come from its base.
    if (!pod || pod.fragment) return;
    for (const container of containersOf(file, pod)) {
      // Ephemeral debug containers cannot have resources.
      if (container.role === 'ephemeralContainer') continue;
      const map = mapIn(container.node, ['resources', kind], pod.doc);
      if (map && get(map, resource, pod.doc)) continue;
      const edits = map ? setField(file, pod.doc, map, [resource], snippet) : setField(file, pod.doc, container.node, ['resources', kind, resource], snippet);
      report({ messageId: 'missing', data: { container: container.name }, range: container.anchorRange, container: container.name, suggestions: [{ messageId: 'addSnippet', data: { value: snippet }, edits }] });
    }
  };
}
