// RBAC rules of Roles and ClusterRoles as verbs, resources and API groups with their nodes.
import type { Scalar } from 'yaml';
import type { K8sObject } from './model';
import { mapItems, seqIn, stringItems, get } from './yaml';

export interface RbacRule {
  verbs: { value: string; node: Scalar }[];
  resources: { value: string; node: Scalar }[];
  apiGroups: string[];
  /** Empty when the rule applies to every object of its resources. */
  resourceNames: { value: string; node: Scalar }[];
  /** The rule belongs to a namespaced Role, which authorises requests inside its namespace only. */
  namespaced: boolean;
}

/**
 * Cluster-scoped resources (and their subresources): a request for them carries no namespace, so a rule of a
 * namespaced Role never authorises it. `namespaces` is not here: a request for a Namespace object carries the
 * namespace's own name, so a Role can grant access to the namespace it lives in.
 */
const CLUSTER_SCOPED = new Set([
  'nodes', 'persistentvolumes', 'clusterroles', 'clusterrolebindings', 'customresourcedefinitions', 'apiservices',
  'storageclasses', 'csidrivers', 'csinodes', 'volumeattachments', 'priorityclasses', 'runtimeclasses', 'ingressclasses',
  'podsecuritypolicies', 'certificatesigningrequests', 'signers', 'mutatingwebhookconfigurations', 'validatingwebhookconfigurations',
  'validatingadmissionpolicies', 'validatingadmissionpolicybindings', 'mutatingadmissionpolicies', 'mutatingadmissionpolicybindings',
  'tokenreviews', 'subjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'selfsubjectreviews',
  'componentstatuses', 'flowschemas', 'prioritylevelconfigurations', 'users', 'groups', 'uids', 'userextras',
  'clustertrustbundles', 'ipaddresses', 'servicecidrs', 'deviceclasses',
]);

/**
 * Whether `verb` on `resource` can be authorised by a rule of this kind of role. A namespaced Role grants
 * nothing on cluster-scoped resources, with one exception: `bind` on `clusterroles` is checked in the namespace
 * of the RoleBinding being written, so a Role can let its holder bind ClusterRoles inside its namespace.
 */
export function reachable(rule: Pick<RbacRule, 'namespaced'>, verb: string, resource: string): boolean {
  if (!rule.namespaced) return true;
  if (resource === 'clusterroles' && (verb === 'bind' || verb === '*')) return true;
  return !CLUSTER_SCOPED.has(resource.split('/')[0] ?? resource);
}

export function isRbacRole(object: K8sObject): boolean {
  return (object.kind === 'Role' || object.kind === 'ClusterRole') && object.apiVersion.startsWith('rbac.authorization.k8s.io/');
}

export function rbacRules(object: K8sObject): RbacRule[] {
  if (!isRbacRole(object)) return [];
  const { doc } = object;
  return mapItems(seqIn(object.node, ['rules'], doc), doc).map((rule) => ({
    verbs: stringItems(get(rule, 'verbs', doc), doc),
    resources: stringItems(get(rule, 'resources', doc), doc),
    apiGroups: stringItems(get(rule, 'apiGroups', doc), doc).map((g) => g.value),
    resourceNames: stringItems(get(rule, 'resourceNames', doc), doc),
    namespaced: object.kind === 'Role',
  }));
}

/**
 * Whether the rule grants one of `verbs` (or `*`) on one of `resources` (or `*`) in the core group or one of
 * `groups`, counting only what its kind of role can authorise (see `reachable`).
 */
export function grants(rule: RbacRule, verbs: readonly string[], resources: readonly string[], groups: readonly string[] = ['']): boolean {
  const groupOk = rule.apiGroups.length === 0 || rule.apiGroups.some((g) => g === '*' || groups.includes(g));
  if (!groupOk) return false;
  return resources.some((resource) => {
    if (!rule.resources.some((r) => r.value === '*' || r.value === resource)) return false;
    return rule.verbs.some((v) => (v.value === '*' || verbs.includes(v.value)) && verbs.some((verb) => reachable(rule, v.value === '*' ? verb : v.value, resource)));
  });
}
