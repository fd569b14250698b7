// Workloads that no NetworkPolicy of their namespace selects, decided across every file of a workspace scan.
import { k8sWorkspaceRule } from '../../k8s/rule';
import { NETWORK_POLICY_MESSAGES, networkFacts, networkPolicyGapsFromFacts, type NetworkFact } from '../../k8s/network';

const deployment = (ns: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${ns}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
const denyAll = (ns: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: ${ns}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`;

export default k8sWorkspaceRule<keyof typeof NETWORK_POLICY_MESSAGES | 'noPolicyUnset' | 'notSelectedUnset', NetworkFact>({
  meta: {
    id: 'k8s/network-policy-coverage',
    target: 'k8s',
    title: 'Workload not selected by any NetworkPolicy',
    severity: 'info',
    description:
      'Reports a workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob) whose pods no NetworkPolicy of the same namespace selects, looking at every file of a workspace scan (the editor\'s Scan Workspace command, `shipshape scan DIR`). Manifests without a namespace are compared with policies without one, since they are applied together. It is not decided while editing a single file that was never scanned.',
    rationale:
      'Without a NetworkPolicy selecting them, pods accept connections from every pod in the cluster and may connect anywhere: one compromised workload can reach every other. The NSA/CISA hardening guide recommends a default-deny policy per namespace with explicit allows. Clusters whose CNI enforces cluster-wide policies outside these manifests (Calico GlobalNetworkPolicy, Cilium clusterwide policies) may be covered anyway, so this is informational.',
    remediation:
      'Add a NetworkPolicy to the namespace: a default-deny one (`podSelector: {}` with `policyTypes: [Ingress, Egress]`) plus policies that allow the traffic each workload needs, selecting its pod template labels.',
    references: [
      { title: 'Kubernetes: Network Policies', url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/' },
      { title: 'Kubernetes: Default policies', url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies' },
      { title: 'NSA/CISA Kubernetes Hardening Guidance (Kubernetes blog)', url: 'https://kubernetes.io/blog/2021/10/05/nsa-cisa-kubernetes-hardening-guidance/' },
    ],
    standards: { nsa: ['Network separation and hardening: NetworkPolicies, default deny'] },
    messages: {
      ...NETWORK_POLICY_MESSAGES,
      noPolicyUnset: '`{{name}}` names no namespace, and no scanned NetworkPolicy without a namespace would be applied with it: its pods accept traffic from every pod in the cluster.',
      notSelectedUnset: '`{{name}}` names no namespace, and no scanned NetworkPolicy without a namespace selects its pods: they accept traffic from every pod in the cluster.',
    },
    // Polaris' missingNetworkPolicy also requires both policy types, and kube-score grades ingress and egress
    // separately: they decide other cases, so they are not claimed.
    equivalents: ['checkov:CKV2_K8S_6', 'kube-linter:non-isolated-pod'],
    examples: {
      bad: [deployment('shop')],
      good: [`${deployment('shop')}---\n${denyAll('shop')}`],
    },
  },
  facts: networkFacts,
  checkWorkspace({ facts, report }) {
    for (const { path, workload, reason } of networkPolicyGapsFromFacts(facts)) {
      const { apiVersion, kind, name, namespace } = workload;
      report({
        messageId: namespace === undefined ? (reason === 'noPolicy' ? 'noPolicyUnset' : 'notSelectedUnset') : reason,
        data: namespace === undefined ? { name } : { name, namespace },
        path,
        range: workload.range,
        object: { apiVersion, kind, name, ...(namespace !== undefined ? { namespace } : {}) },
      });
    }
  },
});
