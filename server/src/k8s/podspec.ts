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

/** Where containers sit below the pod spec; `*` steps into each item of a sequence. */
type ContainerPath = readonly [path: readonly string[], role: ContainerRole];

const POD_CONTAINERS: readonly ContainerPath[] = [
  [['initContainers', '*'], 'initContainer'],
  [['containers', '*'], 'container'],
  [['ephemeralContainers', '*'], 'ephemeralContainer'],
];

// Argo Workflows: each template runs one pod; its `securityContext` is that pod's (over the workflow's).
const ARGO_CONTAINERS: readonly ContainerPath[] = [
  [['templates', '*', 'initContainers', '*'], 'initContainer'],
  [['templates', '*', 'container'], 'container'],
  [['templates', '*', 'script'], 'container'],
  [['templates', '*', 'containerSet', 'containers', '*'], 'container'],
  [['templates', '*', 'sidecars', '*'], 'container'],
];
// Tekton: steps and sidecars are containers; `stepTemplate` gives every step its defaults.
const TEKTON_TASK: readonly ContainerPath[] = [
  [['steps', '*'], 'container'],
  [['sidecars', '*'], 'container'],
];
const TEKTON_PIPELINE: readonly ContainerPath[] = ['tasks', 'finally'].flatMap((list) => TEKTON_TASK.map(([path, role]): ContainerPath => [[list, '*', 'taskSpec', ...path], role]));

/** CRDs whose pods are not a plain pod spec: the spec that plays the pod's part, its containers, and pod metadata. */
const CRD_PODS: Record<string, { path: readonly string[]; containers: readonly ContainerPath[]; metadata?: readonly string[]; podFields: 'workflow' | 'none' }> = {
  'argoproj.io/Workflow': { path: ['spec'], containers: ARGO_CONTAINERS, metadata: ['spec', 'podMetadata'], podFields: 'workflow' },
  'argoproj.io/WorkflowTemplate': { path: ['spec'], containers: ARGO_CONTAINERS, metadata: ['spec', 'podMetadata'], podFields: 'workflow' },
  'argoproj.io/ClusterWorkflowTemplate': { path: ['spec'], containers: ARGO_CONTAINERS, metadata: ['spec', 'podMetadata'], podFields: 'workflow' },
  'argoproj.io/CronWorkflow': { path: ['spec', 'workflowSpec'], containers: ARGO_CONTAINERS, metadata: ['spec', 'workflowSpec', 'podMetadata'], podFields: 'workflow' },
  'tekton.dev/Task': { path: ['spec'], containers: TEKTON_TASK, podFields: 'none' },
  'tekton.dev/ClusterTask': { path: ['spec'], containers: TEKTON_TASK, podFields: 'none' },
  'tekton.dev/TaskRun': { path: ['spec', 'taskSpec'], containers: TEKTON_TASK, podFields: 'none' },
  'tekton.dev/Pipeline': { path: ['spec'], containers: TEKTON_PIPELINE, podFields: 'none' },
  'tekton.dev/PipelineRun': { path: ['spec', 'pipelineSpec'], containers: TEKTON_PIPELINE, podFields: 'none' },
};

export interface PodSpecView {
  object: K8sObject;
  node: YAMLMap;
  doc: Document;
  /** Path from the object root, e.g. `spec.template.spec`. */
  path: readonly string[];
  /** The pod's metadata map (the template's for workloads), where pod annotations live. */
  metadata: YAMLMap | undefined;
  /** Where the containers are below `node`. */
  containerPaths: readonly ContainerPath[];
  /**
   * Which pod-level fields `node` carries: all of a PodSpec (`pod`); the subset an Argo workflow spec has
   * (`workflow`: service account, token automount, securityContext, host namespaces, volumes); or none
   * (`none`: Tekton tasks, whose pod settings live in the run's `podTemplate`), so a missing field says nothing.
   */
  podFields: 'pod' | 'workflow' | 'none';
  /**
   * A partial manifest the API server would refuse, written to be merged onto another (a Kustomize strategic-merge
   * patch, an operator's pod-template overlay): a container without `image`. Missing fields say nothing about the
   * result (the base provides them), so rules judge only the values it writes. (A missing `spec.selector` is not
   * taken as a sign: half-written Deployments lack one too, and should still be linted.)
   */
  fragment: boolean;
}

export interface ContainerView {
  pod: PodSpecView;
  node: YAMLMap;
  name: string;
  role: ContainerRole;
  /** The container's `name` value (or the item itself): where to report a missing field. */
  anchorRange: Range;
  /** Container-level defaults between the container and the pod (Tekton's `stepTemplate.securityContext`). */
  defaults?: YAMLMap;
  /** A pod-level securityContext that replaces the pod spec's for this container (an Argo template's). */
  podLevel?: YAMLMap;
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
  const group = object.apiVersion.split('/')[0];
  const crd = CRD_PODS[`${group}/${object.kind}`];
  if (crd) {
    const spec = mapIn(node, crd.path, doc);
    return spec ? { object, node: spec, doc, path: crd.path, metadata: crd.metadata && mapIn(node, crd.metadata, doc), containerPaths: crd.containers, podFields: crd.podFields, fragment: false } : undefined;
  }
  const known = POD_SPEC_PATHS[object.kind];
  const candidates = known ? [known, ...GENERIC_PATHS] : GENERIC_PATHS;
  for (const path of candidates) {
    const spec = mapIn(node, path, doc);
    if (!spec || (path !== known && !seqIn(spec, ['containers'], doc))) continue;
    const metaPath = [...path.slice(0, -1), 'metadata'];
    return { object, node: spec, doc, path, metadata: mapIn(node, metaPath, doc), containerPaths: POD_CONTAINERS, podFields: 'pod', fragment: isFragment(object, spec) };
  }
  return undefined;
}

function isFragment(object: K8sObject, spec: YAMLMap): boolean {
  const { doc } = object;
  return POD_CONTAINERS.some(([[list]]) => mapItems(seqIn(spec, [list!], doc), doc).some((c) => !get(c, 'image', doc)));
}

export function containersOf(file: SourceFile, pod: PodSpecView): ContainerView[] {
  const cached = containerCache.get(pod.node);
  if (cached) return cached;
  const out: ContainerView[] = [];
  for (const [path, role] of pod.containerPaths) {
    for (const { node, item, holder, owner } of walk(pod.node, path, pod.doc)) {
      // An Argo `container`/`script` is named by its template.
      const name = stringValue(get(node, 'name', pod.doc), pod.doc) ?? stringValue(get(holder, 'name', pod.doc), pod.doc) ?? '';
      const anchorRange =
        nodeRange(file, get(node, 'name', pod.doc)) ??
        keyRange(file, node, 'image') ??
        nodeRange(file, item as Node) ??
        pod.object.anchorRange;
      const view: ContainerView = { pod, node, name, role, anchorRange };
      // `holder` holds the container (list), next to a Tekton `stepTemplate`; `owner` is the item of the outermost
      // list on the way, e.g. the Argo template whose pod runs the container.
      const defaults = path.includes('steps') ? mapIn(holder, ['stepTemplate', 'securityContext'], pod.doc) : undefined;
      if (defaults) view.defaults = defaults;
      const podLevel = path[0] === 'templates' ? mapIn(owner, ['securityContext'], pod.doc) : undefined;
      if (podLevel) view.podLevel = podLevel;
      out.push(view);
    }
  }
  containerCache.set(pod.node, out);
  return out;
}

/** Maps that `path` reaches below `node` (`*` = each item of a sequence), with the map holding each and the first list item on the way. */
function walk(node: YAMLMap, path: readonly string[], doc: Document, owner?: YAMLMap): { node: YAMLMap; item: unknown; holder: YAMLMap; owner: YAMLMap }[] {
  const [head, ...rest] = path;
  if (head === undefined || head === '*') return [];
  if (rest[0] === '*') {
    return (seqIn(node, [head], doc)?.items ?? []).flatMap((item) => {
      const map = asMap(item, doc);
      if (!map) return [];
      return rest.length === 1 ? [{ node: map, item, holder: node, owner: owner ?? node }] : walk(map, rest.slice(1), doc, owner ?? map);
    });
  }
  const child = get(node, head, doc);
  const map = asMap(child, doc);
  if (!map) return [];
  return rest.length === 0 ? [{ node: map, item: child, holder: node, owner: owner ?? node }] : walk(map, rest, doc, owner);
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
  for (const map of [own, container.defaults]) {
    const mine = map && pairOf(map, field) ? get(map, field, doc) : undefined;
    if (mine && !isNull(mine)) return { value: plain(mine, doc), from: 'container', map, node: mine };
  }
  if ((INHERITED as readonly string[]).includes(field)) {
    // An Argo template's securityContext replaces the workflow's as a whole, as Argo builds the pod.
    for (const pod of [container.podLevel ?? mapIn(container.pod.node, ['securityContext'], doc)]) {
      const theirs = pod && pairOf(pod, field) ? get(pod, field, doc) : undefined;
      if (theirs && !isNull(theirs)) return { value: plain(theirs, doc), from: 'pod', map: pod, node: theirs };
    }
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

/** Whether the pod declares `spec.os.name: windows`: Linux-only settings (privilege escalation) do not apply to it. */
export function isWindowsPod(pod: PodSpecView): boolean {
  return stringValue(get(asMap(get(pod.node, 'os', pod.doc), pod.doc), 'name', pod.doc), pod.doc) === 'windows';
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
