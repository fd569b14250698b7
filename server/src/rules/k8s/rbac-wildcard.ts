// RBAC rule with a wildcard.
import { k8sRule } from '../../k8s/rule';
import { rbacRules } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/rbac-wildcard',
    target: 'k8s',
    title: 'RBAC rule with a wildcard',
    severity: 'warning',
    description: 'Reports a Role or ClusterRole rule whose `verbs` or `resources` contain `*`.',
    rationale: 'A wildcard grants every current and future verb or resource, including ones added by CRDs later; it is how accounts end up cluster-admin by accident.',
    remediation: 'List the verbs and resources the account needs explicitly.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.3'] },
    messages: { grant: '{{field}} `*` grants every {{what}}, now and in the future.' },
    equivalents: ['kube-linter:wildcard-in-rules'],
    peerNotes: {
      'checkov:CKV_K8S_49': 'looks only at the first rule, and at `apiGroups` too.',
    },
    examples: {
      bad: [exampleRole('  - apiGroups: [""]\n    resources: ["*"]\n    verbs: [get]\n')],
      good: [exampleRole('  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      for (const [field, items, what] of [['verbs', rule.verbs, 'verb'], ['resources', rule.resources, 'resource']] as const) {
        const star = items.find((i) => i.value === '*');
        const range = star && nodeRange(file, star.node);
        if (range) report({ messageId: 'grant', data: { field, what }, range });
      }
    }
  },
});
