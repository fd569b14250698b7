// Finds pod specs in any workload (built-in kinds and CRDs embedding a pod template) and their containers.
import type { Document, Node, YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { K8sObject } from './model';
import { asMap, get, getIn, keyRange, mapIn, nodeRange, pairOf, seqIn, stringValue } from './yaml';

/** Where each built-in kind keeps its pod spec. Anything else is probed generically (CRDs). */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
};

/** Generic locations that CRDs use for an embedded pod template (Knative, Argo, Tekton-like). */
const GENERIC_PATHS: readonly (readonly string[])[] = [
  ['spec', 'template', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  ['spec', 'podTemplate', 'spec'],
];

export const WORKLOAD_KINDS = Object.keys(POD_SPEC_PATHS);

export type ContainerRole = 'container' | 'initContainer' | 'ephemeralContainer';

export interface PodSpecView {
  object: K8sObject;
  node: YAMLMap;
  doc: Document;
  /** Path from the object root, e.g. `spec.template.spec`. */
  path: readonly string[];
}

export interface ContainerView {
  pod: PodSpecView;
  node: YAMLMap;
  name: string;
  role: ContainerRole;
  /** The container's `name` value (or the item itself): where to report a missing field. */
  anchorRange: Range;
}

export function podSpecOf(object: K8sObject): PodSpecView | undefined {
  const { node, doc } = object;
  const known = POD_SPEC_PATHS[object.kind];
  if (known) {
    const spec = mapIn(node, known, doc);
    if (spec) return { object, node: spec, doc, path: known };
  }
  for (const path of GENERIC_PATHS) {
    const spec = mapIn(node, path, doc);
    if (spec && seqIn(spec, ['containers'], doc)) return { object, node: spec, doc, path };
  }
  return undefined;
}

const ROLE_KEYS: readonly [string, ContainerRole][] = [
  ['initContainers', 'initContainer'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

export function containersOf(file: SourceFile, pod: PodSpecView): ContainerView[] {
  const out: ContainerView[] = [];
  for (const [key, role] of ROLE_KEYS) {
    const seq = seqIn(pod.node, [key], pod.doc);
    for (const item of seq?.items ?? []) {
      const node = asMap(item, pod.doc);
      if (!node) continue;
      const name = stringValue(get(node, 'name', pod.doc), pod.doc) ?? '';
      const anchorRange =
        nodeRange(file, get(node, 'name', pod.doc)) ??
        keyRange(file, node, 'image') ??
        nodeRange(file, item as Node) ??
        pod.object.anchorRange;
      out.push({ pod, node, name, role, anchorRange });
    }
  }
  return out;
}

/** A setting as seen by the kubelet: its value and the node that provides it (for ranges and fixes). */
export interface Effective<T> {
  value: T | undefined;
  /** Which level provided the value. */
  from: 'container' | 'pod' | 'unset';
  /** Map holding the field (securityContext map) and the field's value node. */
  map?: YAMLMap;
  node?: Node;
}

/** Fields a pod-level securityContext provides to every container unless the container overrides them. */
const INHERITED = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'windowsOptions'] as const;
export type InheritedField = (typeof INHERITED)[number];
export type ContainerOnlyField =
  | 'privileged'
  | 'allowPrivilegeEscalation'
  | 'readOnlyRootFilesystem'
  | 'capabilities'
  | 'procMount';

/**
 * The single place that merges pod- and container-level security contexts (container wins),
 * so no rule fires on a setting the pod already provides.
 */
export function effective(container: ContainerView, field: InheritedField | ContainerOnlyField): Effective<unknown> {
  const { doc } = container.pod;
  const own = mapIn(container.node, ['securityContext'], doc);
  if (own && pairOf(own, field)) {
    const node = get(own, field, doc);
    return { value: plain(node, doc), from: 'container', map: own, ...(node ? { node } : {}) };
  }
  if ((INHERITED as readonly string[]).includes(field)) {
    const pod = mapIn(container.pod.node, ['securityContext'], doc);
    if (pod && pairOf(pod, field)) {
      const node = get(pod, field, doc);
      return { value: plain(node, doc), from: 'pod', map: pod, ...(node ? { node } : {}) };
    }
  }
  return { value: undefined, from: 'unset' };
}

/** Scalars as JS values; maps and sequences stay nodes for callers that dig deeper. */
function plain(node: Node | undefined, doc: Document): unknown {
  if (!node) return undefined;
  const s = getIn(node, [], doc) as { value?: unknown } | undefined;
  return s && 'value' in s && !('items' in s) ? s.value : node;
}
