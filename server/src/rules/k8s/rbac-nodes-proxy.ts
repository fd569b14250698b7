// RBAC rule grants nodes/proxy.
import { k8sRule } from '../../k8s/rule';
import { rbacRules, reachable } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/rbac-nodes-proxy',
    target: 'k8s',
    title: 'RBAC rule grants nodes/proxy',
    severity: 'error',
    description: 'Reports a Role or ClusterRole rule that names the `nodes/proxy` resource with any verb.',
    rationale: '`nodes/proxy` reaches the kubelet API of every node through the API server: the holder can run commands in any pod on any node, bypassing admission and most audit logging.',
    remediation: 'Remove `nodes/proxy`; monitoring agents can read metrics from `nodes/metrics` or `nodes/stats` instead.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.8'] },
    messages: { grant: 'This rule grants `nodes/proxy`: commands in any pod through the kubelet.' },
    equivalents: [],
    examples: {
      bad: [exampleRole('  - apiGroups: [""]\n    resources: [nodes/proxy]\n    verbs: [get]\n')],
      good: [exampleRole('  - apiGroups: [""]\n    resources: [nodes/metrics]\n    verbs: [get]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      // Any verb: the kubelet API behind the proxy is reached with GET and POST alike. A namespaced Role cannot
      // grant it (nodes are cluster-scoped).
      if (!rule.verbs.some((v) => reachable(rule, v.value, 'nodes/proxy'))) continue;
      for (const r of rule.resources) {
        const range = r.value === 'nodes/proxy' ? nodeRange(file, r.node) : undefined;
        if (range) report({ messageId: 'grant', range });
      }
    }
  },
});
