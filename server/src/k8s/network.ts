// Cross-file check: workloads that no NetworkPolicy of their namespace selects (pure; the workspace scan feeds it).
import type { Document, YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { K8sObject } from './model';
import { podSpecOf } from './podspec';
import { get, mapIn, mapItems, seqIn, stringItems, stringValue } from './yaml';

export interface WorkspaceObject {
  /** The file the object came from, as the caller names it (path or URI). */
  path: string;
  object: K8sObject;
}

export interface NetworkPolicyGap {
  path: string;
  object: K8sObject;
  /** The object's `metadata.name` value (its anchor range). */
  range: Range;
  /** Namespace as written; `undefined` when the manifest leaves it to `kubectl -n` / Kustomize. */
  namespace: string | undefined;
  /** `noPolicy`: the namespace has no NetworkPolicy at all; `notSelected`: it has some, none selecting these pods. */
  reason: 'noPolicy' | 'notSelected';
}

/** Message templates for a host that turns gaps into findings (placeholders: name, namespace). */
export const NETWORK_POLICY_MESSAGES = {
  noPolicy: 'No NetworkPolicy in namespace `{{namespace}}`: pods of `{{name}}` accept traffic from every pod in the cluster.',
  notSelected: 'No NetworkPolicy in namespace `{{namespace}}` selects the pods of `{{name}}`, so they accept traffic from every pod in the cluster.',
} as const;

type Labels = Map<string, string>;

function labelsOf(map: YAMLMap | undefined, doc: Document): Labels {
  const out: Labels = new Map();
  for (const pair of map?.items ?? []) {
    const key = stringValue(pair.key, doc);
    const value = stringValue(pair.value, doc);
    if (key !== undefined) out.set(key, value ?? '');
  }
  return out;
}

/** Label-selector semantics of Kubernetes: matchLabels AND every matchExpression; an empty selector matches all. */
export function selectorMatches(selector: YAMLMap | undefined, labels: Labels, doc: Document): boolean {
  if (!selector) return true;
  for (const [k, v] of labelsOf(mapIn(selector, ['matchLabels'], doc), doc)) if (labels.get(k) !== v) return false;
  for (const expr of mapItems(seqIn(selector, ['matchExpressions'], doc), doc)) {
    const key = stringValue(get(expr, 'key', doc), doc) ?? '';
    const op = stringValue(get(expr, 'operator', doc), doc);
    const values = stringItems(get(expr, 'values', doc), doc).map((v) => v.value);
    const has = labels.has(key);
    const value = labels.get(key);
    if (op === 'In' && !(has && values.includes(value!))) return false;
    if (op === 'NotIn' && has && values.includes(value!)) return false;
    if (op === 'Exists' && !has) return false;
    if (op === 'DoesNotExist' && has) return false;
  }
  return true;
}

/**
 * Every workload (any object with a pod spec) that no NetworkPolicy in the same namespace selects.
 * Objects without a namespace are compared with policies without one: they are applied together.
 */
export function networkPolicyGaps(objects: readonly WorkspaceObject[]): NetworkPolicyGap[] {
  const policies = new Map<string, { selector: YAMLMap | undefined; doc: Document }[]>();
  for (const { object } of objects) {
    if (object.kind !== 'NetworkPolicy' || !object.apiVersion.startsWith('networking.k8s.io/')) continue;
    const list = policies.get(object.namespace ?? '') ?? [];
    list.push({ selector: mapIn(object.node, ['spec', 'podSelector'], object.doc), doc: object.doc });
    policies.set(object.namespace ?? '', list);
  }
  const gaps: NetworkPolicyGap[] = [];
  for (const { path, object } of objects) {
    const pod = podSpecOf(object);
    // A PodTemplate is not running anything; a CronJob's pods are short-lived but still reachable.
    if (!pod || object.kind === 'PodTemplate') continue;
    const labels = labelsOf(mapIn(pod.metadata, ['labels'], pod.doc), pod.doc);
    const candidates = policies.get(object.namespace ?? '') ?? [];
    if (candidates.some((p) => selectorMatches(p.selector, labels, p.doc))) continue;
    gaps.push({ path, object, range: object.anchorRange, namespace: object.namespace, reason: candidates.length ? 'notSelected' : 'noPolicy' });
  }
  return gaps;
}
