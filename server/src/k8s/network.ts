// Cross-file check: workloads that no NetworkPolicy of their namespace selects. `networkFacts` reduces one object to
// plain data (it crosses the scan's worker-thread boundary); the gap analysis works on those facts only.
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

export interface PlainSelectorRequirement {
  key: string;
  operator: string;
  values: string[];
}

/** A label selector as plain data. */
export interface PlainSelector {
  matchLabels: Record<string, string>;
  matchExpressions: PlainSelectorRequirement[];
}

export interface PolicyFact {
  type: 'policy';
  /** Namespace as written; `undefined` when the manifest leaves it to `kubectl -n` / Kustomize. */
  namespace?: string;
  /** `undefined` when the policy has no `podSelector` (treated as the empty selector, as the API server defaults it). */
  podSelector?: PlainSelector;
}

export interface WorkloadFact {
  type: 'workload';
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The pod template's labels (the Pod's own for a Pod). */
  labels: Record<string, string>;
  /** The object's anchor: its `metadata.name` value. */
  range: Range;
}

export type NetworkFact = PolicyFact | WorkloadFact;

export interface NetworkPolicyGap {
  path: string;
  workload: WorkloadFact;
  /** `noPolicy`: the namespace has no NetworkPolicy at all; `notSelected`: it has some, none selecting these pods. */
  reason: 'noPolicy' | 'notSelected';
}

/** Message templates for a host that turns gaps into findings (placeholders: name, namespace). */
export const NETWORK_POLICY_MESSAGES = {
  noPolicy: 'No NetworkPolicy in namespace `{{namespace}}`: pods of `{{name}}` accept traffic from every pod in the cluster.',
  notSelected: 'No NetworkPolicy in namespace `{{namespace}}` selects the pods of `{{name}}`, so they accept traffic from every pod in the cluster.',
} as const;

function labelsOf(map: YAMLMap | undefined, doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of map?.items ?? []) {
    const key = stringValue(pair.key, doc);
    const value = stringValue(pair.value, doc);
    if (key !== undefined) out[key] = value ?? '';
  }
  return out;
}

export function plainSelector(selector: YAMLMap, doc: Document): PlainSelector {
  return {
    matchLabels: labelsOf(mapIn(selector, ['matchLabels'], doc), doc),
    matchExpressions: mapItems(seqIn(selector, ['matchExpressions'], doc), doc).map((expr) => ({
      key: stringValue(get(expr, 'key', doc), doc) ?? '',
      operator: stringValue(get(expr, 'operator', doc), doc) ?? '',
      values: stringItems(get(expr, 'values', doc), doc).map((v) => v.value),
    })),
  };
}

/** Label-selector semantics of Kubernetes: matchLabels AND every matchExpression; an empty selector matches all. */
export function selectorMatches(selector: PlainSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(labels, key);
  for (const [k, v] of Object.entries(selector.matchLabels)) if (!has(k) || labels[k] !== v) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const present = has(key);
    const value = present ? labels[key]! : undefined;
    if (operator === 'In' && !(present && values.includes(value!))) return false;
    if (operator === 'NotIn' && present && values.includes(value!)) return false;
    if (operator === 'Exists' && !present) return false;
    if (operator === 'DoesNotExist' && present) return false;
  }
  return true;
}

/** What the gap analysis needs to know about one object; `undefined` for objects that are neither policy nor workload. */
export function networkFacts(object: K8sObject): NetworkFact | undefined {
  if (object.kind === 'NetworkPolicy') {
    if (!object.apiVersion.startsWith('networking.k8s.io/')) return undefined;
    const selector = mapIn(object.node, ['spec', 'podSelector'], object.doc);
    return { type: 'policy', ...ns(object), ...(selector ? { podSelector: plainSelector(selector, object.doc) } : {}) };
  }
  // A PodTemplate is not running anything; a CronJob's pods are short-lived but still reachable.
  if (object.kind === 'PodTemplate') return undefined;
  const pod = podSpecOf(object);
  // A patch is not a workload of its own: its base is.
  if (!pod || pod.fragment) return undefined;
  return {
    type: 'workload',
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    ...ns(object),
    labels: labelsOf(mapIn(pod.metadata, ['labels'], pod.doc), pod.doc),
    range: object.anchorRange,
  };
}

function ns(object: K8sObject): { namespace?: string } {
  return object.namespace !== undefined ? { namespace: object.namespace } : {};
}

/**
 * Every workload that no NetworkPolicy in the same namespace selects.
 * Objects without a namespace are compared with policies without one: they are applied together.
 */
export function networkPolicyGapsFromFacts(facts: readonly { path: string; fact: NetworkFact }[]): NetworkPolicyGap[] {
  const policies = new Map<string, (PlainSelector | undefined)[]>();
  for (const { fact } of facts) {
    if (fact.type !== 'policy') continue;
    const key = fact.namespace ?? '';
    policies.set(key, [...(policies.get(key) ?? []), fact.podSelector]);
  }
  const gaps: NetworkPolicyGap[] = [];
  for (const { path, fact } of facts) {
    if (fact.type !== 'workload') continue;
    const candidates = policies.get(fact.namespace ?? '') ?? [];
    if (candidates.some((selector) => selectorMatches(selector, fact.labels))) continue;
    gaps.push({ path, workload: fact, reason: candidates.length ? 'notSelected' : 'noPolicy' });
  }
  return gaps;
}

/** The same analysis over parsed objects (tests, in-process callers). */
export function networkPolicyGaps(objects: readonly WorkspaceObject[]): NetworkPolicyGap[] {
  return networkPolicyGapsFromFacts(objects.flatMap(({ path, object }) => {
    const fact = networkFacts(object);
    return fact ? [{ path, fact }] : [];
  }));
}
