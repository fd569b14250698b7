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
  }));
}

/** Whether the rule grants `verb` (or `*`) on the core-group or `group` resource `resource` (or `*`). */
export function grants(rule: RbacRule, verbs: readonly string[], resources: readonly string[], groups: readonly string[] = ['']): boolean {
  const verbOk = rule.verbs.some((v) => v.value === '*' || verbs.includes(v.value));
  const groupOk = rule.apiGroups.length === 0 || rule.apiGroups.some((g) => g === '*' || groups.includes(g));
  const resOk = rule.resources.some((r) => r.value === '*' || resources.includes(r.value));
  return verbOk && groupOk && resOk;
}
