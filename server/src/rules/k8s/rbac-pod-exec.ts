// RBAC rule allows exec or attach into pods.
import { k8sRule } from '../../k8s/rule';
import { grants, rbacRules } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/rbac-pod-exec',
    target: 'k8s',
    title: 'RBAC rule allows exec or attach into pods',
    severity: 'warning',
    description: 'Reports a Role or ClusterRole rule that grants `create` or `get` (or `*`) on `pods/exec` or `pods/attach`. (`get` counts: the WebSocket upgrade used by kubectl is a GET.)',
    rationale: 'Exec and attach run commands inside any pod in scope, with that pod\'s service account token, mounted secrets and network position: it is lateral movement by design.',
    remediation: 'Remove exec and attach from automation roles; grant them to people through short-lived, audited access.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.8'] },
    messages: { grant: 'This rule allows `{{resource}}`: running commands inside pods.' },
    equivalents: [],
    peerNotes: {
      'polaris:clusterrolePodExecAttach': 'also fires on `resources: ["*"]` (`k8s/rbac-wildcard`\'s case) and exempts `admin`, `edit` and `system:*` roles, which we report.',
      'polaris:rolePodExecAttach': 'also fires on `resources: ["*"]` and exempts `admin`, `edit` and `system:*` roles.',
    },
    examples: {
      bad: [exampleRole('  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [create]\n')],
      good: [exampleRole('  - apiGroups: [""]\n    resources: [pods/log]\n    verbs: [get]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      if (!grants(rule, ['create', 'get'], ['pods/exec', 'pods/attach'])) continue;
      for (const r of rule.resources) {
        const range = (r.value === 'pods/exec' || r.value === 'pods/attach') && nodeRange(file, r.node);
        if (range) report({ messageId: 'grant', data: { resource: r.value }, range });
      }
    }
  },
});
