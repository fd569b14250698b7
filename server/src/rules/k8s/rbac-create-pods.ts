// RBAC rule can create pods or workloads, or rewrite the pod template of existing ones.
import { k8sRule } from '../../k8s/rule';
import { grants, rbacRules } from '../../k8s/rbac';
import { nodeRange } from '../../k8s/yaml';
import { exampleRole } from '../../k8s/examples';

const WORKLOAD_RESOURCES = new Set(['pods', 'deployments', 'daemonsets', 'statefulsets', 'replicasets', 'replicationcontrollers', 'jobs', 'cronjobs']);
const WRITE_VERBS = ['create', 'update', 'patch'];
/** A Job's pod template is immutable once created, so only `create` starts pods of the holder's choosing. */
const CREATE_ONLY = new Set(['jobs']);

export default k8sRule({
  meta: {
    id: 'k8s/rbac-create-pods',
    target: 'k8s',
    title: 'RBAC rule can create or rewrite pods and workloads',
    severity: 'warning',
    description:
      'Reports a Role or ClusterRole rule that grants `create`, `update` or `patch` (or `*`) on pods or on a workload resource (deployments, daemonsets, statefulsets, replicasets, replicationcontrollers, jobs, cronjobs) by name. Updating a workload rewrites its pod template, and the controller then starts pods from it; updating a pod swaps its container images. A Job\'s pod template is immutable, so only `create` counts for `jobs`.',
    rationale: 'Creating a pod means choosing its image, service account, volumes and security context: the holder can mount any Secret in the namespace and, where admission allows, run privileged on a node.',
    remediation: 'Let a CI system or GitOps controller own workload creation; scope the rule to a namespace and enforce Pod Security admission there.',
    references: [{ title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' }],
    standards: { cis: ['CIS Kubernetes 5.1.4'] },
    messages: {
      grant: 'This rule allows creating `{{resource}}`, and with it running any pod the namespace admits.',
      rewrite: 'This rule allows `{{verb}}` on `{{resource}}`, which rewrites what existing pods run (images, service account, volumes), so its holder can run any pod the namespace admits.',
    },
    equivalents: [],
    peerNotes: {
      'trivy:KSV-0048': 'also counts `delete`, `deletecollection` and `impersonate`.',
      'kube-linter:access-to-create-pods': 'counts `create` only, and works on bindings.',
    },
    examples: {
      bad: [exampleRole('  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [create, update]\n')],
      good: [exampleRole('  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [get, list, watch]\n  - apiGroups: [apps]\n    resources: [deployments/scale]\n    verbs: [update]\n')],
    },
  },
  check({ file, object, report }) {
    for (const rule of rbacRules(object)) {
      const verb = rule.verbs.find((v) => v.value === 'create' || v.value === '*') ?? rule.verbs.find((v) => WRITE_VERBS.includes(v.value));
      if (!verb) continue;
      for (const r of rule.resources) {
        if (!WORKLOAD_RESOURCES.has(r.value) || !grants(rule, WRITE_VERBS, [r.value], ['', 'apps', 'batch'])) continue;
        const creates = verb.value === 'create' || verb.value === '*';
        if (!creates && CREATE_ONLY.has(r.value)) continue;
        const range = nodeRange(file, r.node);
        if (!range) continue;
        if (creates) report({ messageId: 'grant', data: { resource: r.value }, range });
        else report({ messageId: 'rewrite', data: { verb: verb.value, resource: r.value }, range });
      }
    }
  },
});
