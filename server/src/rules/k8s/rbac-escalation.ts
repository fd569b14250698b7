// RBAC rule can escalate privileges.
import { k8sRule } from '../../k8s/rule';
import { rbacRules } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/rbac-escalation',
    target: 'k8s',
    title: 'RBAC rule can escalate privileges',
    severity: 'error',
    description: 'Reports a Role or ClusterRole rule with the verbs `escalate`, `bind` or `impersonate` (explicitly; `*` is reported by `k8s/rbac-wildcard`).',
    rationale: '`escalate` lets the holder write roles with permissions it lacks, `bind` lets it bind any role to itself, and `impersonate` lets it act as any user, group or service account: each is a path to cluster-admin.',
    remediation: 'Remove these verbs; if a controller needs them, restrict them with `resourceNames` to the exact roles or identities involved.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.8'] },
    messages: { grant: 'The `{{verb}}` verb lets its holder gain permissions it does not have.' },
    equivalents: [],
    examples: {
      bad: [exampleRole('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [bind, escalate]\n')],
      good: [exampleRole('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [get, list]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      for (const verb of rule.verbs) {
        const range = ['escalate', 'bind', 'impersonate'].includes(verb.value) ? nodeRange(file, verb.node) : undefined;
        if (range) report({ messageId: 'grant', data: { verb: verb.value }, range });
      }
    }
  },
});
