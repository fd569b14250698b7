// RBAC rule can write roles or role bindings.
import { k8sRule } from '../../k8s/rule';
import { grants, rbacRules } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

const RBAC_RESOURCES = ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'];
const WRITE_VERBS = ['create', 'update', 'patch'];

export default k8sRule({
  meta: {
    id: 'k8s/rbac-manage-rbac',
    target: 'k8s',
    title: 'RBAC rule can write roles or role bindings',
    severity: 'warning',
    description:
      'Reports a Role or ClusterRole rule that grants `create`, `update` or `patch` (or `*`) on roles, rolebindings, clusterroles or clusterrolebindings of `rbac.authorization.k8s.io`, by name. In a namespaced Role only roles and rolebindings count: it grants nothing on the cluster-scoped kinds. `escalate` and `bind` are `k8s/rbac-escalation`\'s; verbs only through `*` are also `k8s/rbac-wildcard`\'s. Trivy KSV-0050 (older versions) reports a similar set with `delete` and without `patch`, and KSV-0055 only `get`+`patch` on rolebindings under `apiGroups: ["*"]`; they decide other cases, so neither is claimed.',
    rationale:
      'Whoever writes bindings hands out every permission they hold, to any user, group or service account, including identities outside the team; whoever writes roles can widen the roles others are bound to. Kubernetes\' escalation check stops only grants beyond the writer\'s own rights, and an `escalate` or `bind` anywhere removes even that. This is why the RBAC good practices list it among the rights that amount to cluster control.',
    remediation: 'Manage roles and bindings through GitOps or a reviewed pipeline, and keep write access to them out of workload and user roles.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.8'] },
    messages: { write: 'This rule allows `{{verb}}` on `{{resource}}`: its holder can hand its permissions to anyone.' },
    equivalents: [],
    peerNotes: {
      'trivy:KSV-0050': 'has two published variants (write verbs with `delete` but without `patch`; `escalate`/`bind`/`impersonate` on roles and rolebindings); neither decides our cases.',
      'trivy:KSV-0055': 'fires only for `get` and `patch` on rolebindings under `apiGroups: ["*"]`.',
    },
    examples: {
      bad: [exampleRole('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [rolebindings]\n    verbs: [create, patch]\n')],
      good: [exampleRole('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [rolebindings]\n    verbs: [get, list, watch]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      const verb = rule.verbs.find((v) => WRITE_VERBS.includes(v.value)) ?? rule.verbs.find((v) => v.value === '*');
      if (!verb) continue;
      for (const r of rule.resources) {
        const range = RBAC_RESOURCES.includes(r.value) && grants(rule, WRITE_VERBS, [r.value], ['rbac.authorization.k8s.io']) ? nodeRange(file, r.node) : undefined;
        if (range) report({ messageId: 'write', data: { verb: verb.value, resource: r.value }, range });
      }
    }
  },
});
