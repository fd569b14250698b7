// Finds pod specs in any workload (built-in kinds and CRDs embedding a pod template), their containers and volumes.
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { K8sObject } from './model';
import { asMap, get, keyRange, mapIn, mapItems, nodeRange, pairOf, scalarValue, seqIn, stringValue } from './yaml';

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
  /** The pod's metadata map (the template's for workloads), where pod annotations live. */
  metadata: YAMLMap | undefined;
}

export interface ContainerView {
  pod: PodSpecView;
  node: YAMLMap;
  name: string;
  role: ContainerRole;
  /** The container's `name` value (or the item itself): where to report a missing field. */
  anchorRange: Range;
}

// Rules run once per object and most ask for the pod spec and containers; computing them once per node
// keeps a full lint close to the cost of parsing. Keys are AST nodes, so entries die with the parse.
const podCache = new WeakMap<YAMLMap, PodSpecView | null>();
const containerCache = new WeakMap<YAMLMap, ContainerView[]>();

export function podSpecOf(object: K8sObject): PodSpecView | undefined {
  const cached = podCache.get(object.node);
  if (cached !== undefined) return cached ?? undefined;
  const view = findPodSpec(object);
  podCache.set(object.node, view ?? null);
  return view;
}

function findPodSpec(object: K8sObject): PodSpecView | undefined {
  const { node, doc } = object;
  const known = POD_SPEC_PATHS[object.kind];
  const candidates = known ? [known, ...GENERIC_PATHS] : GENERIC_PATHS;
  for (const path of candidates) {
    const spec = mapIn(node, path, doc);
    if (!spec || (path !== known && !seqIn(spec, ['containers'], doc))) continue;
    const metaPath = [...path.slice(0, -1), 'metadata'];
    return { object, node: spec, doc, path, metadata: mapIn(node, metaPath, doc) };
  }
  return undefined;
}

const ROLE_KEYS: readonly [string, ContainerRole][] = [
  ['initContainers', 'initContainer'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

export function containersOf(file: SourceFile, pod: PodSpecView): ContainerView[] {
  const cached = containerCache.get(pod.node);
  if (cached) return cached;
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
  containerCache.set(pod.node, out);
  return out;
}

/** The pod spec and its containers, or nothing for objects without one: the usual start of a workload rule. */
export function workload(file: SourceFile, object: K8sObject): { pod: PodSpecView; containers: ContainerView[] } | undefined {
  const pod = podSpecOf(object);
  return pod ? { pod, containers: containersOf(file, pod) } : undefined;
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
export type ContainerOnlyField = 'privileged' | 'allowPrivilegeEscalation' | 'readOnlyRootFilesystem' | 'capabilities' | 'procMount';

/**
 * The single place that merges pod- and container-level security contexts (container wins),
 * so no rule fires on a setting the pod already provides. An explicit `null` counts as unset.
 */
export function effective(container: ContainerView, field: InheritedField | ContainerOnlyField): Effective<unknown> {
  const { doc } = container.pod;
  const own = mapIn(container.node, ['securityContext'], doc);
  const mine = own && pairOf(own, field) ? get(own, field, doc) : undefined;
  if (mine && !isNull(mine)) return { value: plain(mine, doc), from: 'container', map: own, node: mine };
  if ((INHERITED as readonly string[]).includes(field)) {
    const pod = mapIn(container.pod.node, ['securityContext'], doc);
    const theirs = pod && pairOf(pod, field) ? get(pod, field, doc) : undefined;
    if (theirs && !isNull(theirs)) return { value: plain(theirs, doc), from: 'pod', map: pod, node: theirs };
  }
  return { value: undefined, from: 'unset' };
}

/** A nested field of an inherited map setting, e.g. `seccompProfile.type`, resolved with the same precedence. */
export function effectiveIn(container: ContainerView, field: InheritedField | ContainerOnlyField, key: string): Effective<unknown> {
  const outer = effective(container, field);
  const map = asMap(outer.node, container.pod.doc);
  const node = map ? get(map, key, container.pod.doc) : undefined;
  if (!map || !node || isNull(node)) return { value: undefined, from: outer.from === 'unset' ? 'unset' : outer.from, ...(map ? { map } : {}) };
  return { value: plain(node, container.pod.doc), from: outer.from, map, node };
}

/** An effective setting at the node that writes it; `container` is set when the container's own securityContext does. */
export interface WrittenSetting {
  value: unknown;
  node: Node;
  container: ContainerView | undefined;
}

/**
 * The effective `field` (or `field.key`) of each container, once per node that writes it: a pod-level value
 * every container inherits is one entry without a container, so rules report it once, where it is written.
 */
export function writtenSettings(containers: readonly ContainerView[], field: InheritedField | ContainerOnlyField, key?: string): WrittenSetting[] {
  const seen = new Set<Node>();
  const out: WrittenSetting[] = [];
  for (const container of containers) {
    const setting = key === undefined ? effective(container, field) : effectiveIn(container, field, key);
    if (!setting.node || seen.has(setting.node)) continue;
    seen.add(setting.node);
    out.push({ value: setting.value, node: setting.node, container: setting.from === 'container' ? container : undefined });
  }
  return out;
}

function isNull(node: Node): boolean {
  return (node as Scalar).value === null && !('items' in node);
}

/** Scalars as JS values; maps and sequences stay nodes for callers that dig deeper. */
function plain(node: Node | undefined, doc: Document): unknown {
  if (!node) return undefined;
  if ('items' in node) return node;
  return scalarValue(node, doc);
}

/** A pod-level field (e.g. `hostNetwork`) with its value node. */
export function podField(pod: PodSpecView, key: string): { value: unknown; node: Node } | undefined {
  const node = get(pod.node, key, pod.doc);
  return node ? { value: plain(node, pod.doc), node } : undefined;
}

/** Pod annotations (the template's for workloads), as key → value node. */
export function podAnnotations(pod: PodSpecView): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  const map = mapIn(pod.metadata, ['annotations'], pod.doc);
  for (const item of map?.items ?? []) {
    const key = stringValue(item.key, pod.doc);
    const value = item.value as Scalar | null;
    if (key !== undefined && value && 'value' in value) out.set(key, value);
  }
  return out;
}

export interface VolumeView {
  name: string;
  node: YAMLMap;
  /** The volume source key, e.g. `hostPath`, `configMap`, `gitRepo`. */
  type: string | undefined;
  typeKeyRange: Range | undefined;
}

export function volumesOf(file: SourceFile, pod: PodSpecView): VolumeView[] {
  return mapItems(seqIn(pod.node, ['volumes'], pod.doc), pod.doc).map((node) => {
    const typePair = node.items.find((p) => stringValue(p.key, pod.doc) !== 'name');
    const type = typePair ? stringValue(typePair.key, pod.doc) : undefined;
    return {
      name: stringValue(get(node, 'name', pod.doc), pod.doc) ?? '',
      node,
      type,
      typeKeyRange: typePair ? nodeRange(file, typePair.key as Node) : undefined,
    };
  });
}

/** `hostPath.path` of a volume, normalised (no trailing slash) with its value node. */
export function hostPathOf(volume: VolumeView, doc: Document): { path: string; node: Node } | undefined {
  if (volume.type !== 'hostPath') return undefined;
  const node = get(mapIn(volume.node, ['hostPath'], doc), 'path', doc);
  const raw = stringValue(node, doc);
  if (!node || raw === undefined) return undefined;
  const path = raw.length > 1 ? raw.replace(/\/+$/, '') : raw;
  return { path, node };
}

/** The pod's hostPath volumes that name a path, with the path's range: the traversal of the host-path rules. */
export function hostPathVolumes(file: SourceFile, pod: PodSpecView): { volume: VolumeView; path: string; range: Range }[] {
  const out: { volume: VolumeView; path: string; range: Range }[] = [];
  for (const volume of volumesOf(file, pod)) {
    const host = hostPathOf(volume, pod.doc);
    const range = host && nodeRange(file, host.node);
    if (host && range) out.push({ volume, path: host.path, range });
  }
  return out;
}

/** Every container's mounts of the named volume. */
export function mountsOf(container: ContainerView, volume: string): YAMLMap[] {
  const { doc } = container.pod;
  return mapItems(seqIn(container.node, ['volumeMounts'], doc), doc).filter((m) => stringValue(get(m, 'name', doc), doc) === volume);
}

/** Where to report a pod-level field: its value when present, else the object's name, since the setting belongs to the whole pod. */
export function podRangeOr(file: SourceFile, setting: { node: Node } | undefined, object: K8sObject): Range {
  return (setting && nodeRange(file, setting.node)) ?? object.anchorRange;
}

/** Where to report a container-level field: its value when present, else the container's name. */
export function rangeOr(file: SourceFile, node: Node | undefined, container: ContainerView): Range {
  return (node && nodeRange(file, node)) ?? container.anchorRange;
}
