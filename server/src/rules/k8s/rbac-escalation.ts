// RBAC rule can escalate privileges.
import { k8sRule } from '../../k8s/rule';
import { grants, rbacRules } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

/** What each verb acts on: it escalates only when the rule also names (or wildcards) one of these resources. */
const TARGETS: Record<string, { resources: string[]; groups: string[] }> = {
  escalate: { resources: ['roles', 'clusterroles'], groups: ['rbac.authorization.k8s.io'] },
  bind: { resources: ['roles', 'clusterroles'], groups: ['rbac.authorization.k8s.io'] },
  impersonate: { resources: ['users', 'groups', 'serviceaccounts', 'uids', 'userextras/scopes', 'userextras'], groups: ['', 'authentication.k8s.io'] },
};

export default k8sRule({
  meta: {
    id: 'k8s/rbac-escalation',
    target: 'k8s',
    title: 'RBAC rule can escalate privileges',
    severity: 'error',
    description:
      'Reports a Role or ClusterRole rule with the verbs `escalate` or `bind` on roles or clusterroles, or `impersonate` on users, groups, service accounts or user extras (verbs written explicitly; `*` is reported by `k8s/rbac-wildcard`). The verb must reach its resource: in a namespaced Role, cluster-scoped resources are out of reach, so `escalate` on `clusterroles` or `impersonate` on `users` grants nothing there and is not reported; `bind` on `clusterroles` is, because binding a ClusterRole through a RoleBinding is checked in the Role\'s namespace.',
    rationale: '`escalate` lets the holder write roles with permissions it lacks, `bind` lets it bind any role to itself, and `impersonate` lets it act as any user, group or service account: each is a path to cluster-admin.',
    remediation: 'Remove these verbs; if a controller needs them, restrict them with `resourceNames` to the exact roles or identities involved.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.8'] },
    messages: { grant: 'The `{{verb}}` verb lets its holder gain permissions it does not have.' },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_157': 'covers `bind` only, and reports namespaced Roles that name cluster-scoped resources, which grant nothing.',
      'checkov:CKV_K8S_158': 'covers `escalate` only, and reports namespaced Roles that name cluster-scoped resources, which grant nothing.',
    },
    examples: {
      bad: [exampleRole('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [bind, escalate]\n')],
      good: [exampleRole('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [get, list]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      for (const verb of rule.verbs) {
        const target = TARGETS[verb.value];
        const range = target && grants(rule, [verb.value], target.resources, target.groups) ? nodeRange(file, verb.node) : undefined;
        if (range) report({ messageId: 'grant', data: { verb: verb.value }, range });
      }
    }
  },
});
