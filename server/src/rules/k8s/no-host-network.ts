// Pods that join the node's network namespace.
import { k8sRule } from '../../k8s/rule';
import { hostNamespaceCheck } from '../../k8s/checks';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/no-host-network',
    target: 'k8s',
    title: 'Pod uses the host network',
    severity: 'error',
    description: 'Reports a pod spec with `hostNetwork: true`.',
    rationale: 'The pod sees every interface of the node: it can sniff traffic of other pods and the node, reach services bound to localhost (the kubelet, cloud metadata endpoints) and bypass NetworkPolicies.',
    remediation: 'Remove `hostNetwork: true` (it defaults to false); give node agents that truly need it a dedicated namespace and policy exemption.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/hostNamespaces'], nsa: ['Pod security: do not share host namespaces'], cis: ['CIS Kubernetes 5.2.4'] },
    fix: 'suggestion',
    messages: { shared: 'The pod shares the host\'s network namespace.', setFalse: 'Set `hostNetwork: false`' },
    equivalents: ['checkov:CKV_K8S_19', 'kube-linter:host-network', 'trivy:KSV-0009', 'polaris:hostNetworkSet', 'kubesec:HostNetwork', 'pss:baseline/hostNamespaces'],
    examples: {
      bad: [examplePod('hostNetwork: true\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('hostNetwork: false\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check: hostNamespaceCheck('hostNetwork'),
});
