// RBAC rule can read Secrets.
import { k8sRule } from '../../k8s/rule';
import { grants, rbacRules } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/rbac-read-secrets',
    target: 'k8s',
    title: 'RBAC rule can read Secrets',
    severity: 'warning',
    description: 'Reports a Role or ClusterRole rule that grants `get`, `list` or `watch` (or `*`) on `secrets` by name. A `*` resource is reported by `k8s/rbac-wildcard`.',
    rationale: '`list` and `watch` return the contents of every Secret in scope, not just names; `get` reads any Secret whose name the holder can guess. Service account tokens and TLS keys stored there give access to everything else.',
    remediation: 'Grant access to named Secrets with `resourceNames`, or mount the Secret into the pod instead of reading it through the API.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.2'] },
    messages: { grant: 'This rule lets its holder read Secrets (`{{verb}}`).' },
    equivalents: [],
    examples: {
      bad: [exampleRole('  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [get, list]\n')],
      good: [exampleRole('  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      if (!grants(rule, ['get', 'list', 'watch'], ['secrets']) || !rule.resources.some((r) => r.value === 'secrets')) continue;
      const verb = rule.verbs.find((v) => ['get', 'list', 'watch', '*'].includes(v.value));
      const range = verb && nodeRange(file, verb.node);
      if (range && verb) report({ messageId: 'grant', data: { verb: verb.value }, range });
    }
  },
});
