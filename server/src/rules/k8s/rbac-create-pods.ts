// RBAC rule can create pods or workloads.
import { k8sRule } from '../../k8s/rule';
import { grants, rbacRules } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

const WORKLOAD_RESOURCES = new Set(['pods', 'deployments', 'daemonsets', 'statefulsets', 'replicasets', 'replicationcontrollers', 'jobs', 'cronjobs']);

export default k8sRule({
  meta: {
    id: 'k8s/rbac-create-pods',
    target: 'k8s',
    title: 'RBAC rule can create pods or workloads',
    severity: 'warning',
    description: 'Reports a Role or ClusterRole rule that grants `create` (or `*`) on pods or on a workload resource (deployments, daemonsets, statefulsets, replicasets, replicationcontrollers, jobs, cronjobs) by name.',
    rationale: 'Creating a pod means choosing its image, service account, volumes and security context: the holder can mount any Secret in the namespace and, where admission allows, run privileged on a node.',
    remediation: 'Let a CI system or GitOps controller own workload creation; scope the rule to a namespace and enforce Pod Security admission there.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.4'] },
    messages: { grant: 'This rule allows creating `{{resource}}`, and with it running any pod the namespace admits.' },
    equivalents: [],
    examples: {
      bad: [exampleRole('  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [create, update]\n')],
      good: [exampleRole('  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [get, list, watch]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      if (!rule.verbs.some((v) => v.value === 'create' || v.value === '*')) continue;
      for (const r of rule.resources) {
        const range = WORKLOAD_RESOURCES.has(r.value) && grants(rule, ['create'], [r.value], ['', 'apps', 'batch']) ? nodeRange(file, r.node) : undefined;
        if (range) report({ messageId: 'grant', data: { resource: r.value }, range });
      }
    }
  },
});
