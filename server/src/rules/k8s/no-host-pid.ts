// Pods that join the node's PID namespace.
import { k8sRule } from '../../k8s/rule';
import { hostNamespaceCheck } from '../../k8s/checks';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/no-host-pid',
    target: 'k8s',
    title: 'Pod shares the host PID namespace',
    severity: 'error',
    description: 'Reports a pod spec with `hostPID: true`.',
    rationale: 'The pod sees every process on the node: it can read their environment and command lines (secrets included) and, with ptrace or as root, signal or inspect them.',
    remediation: 'Remove `hostPID: true` (it defaults to false); give node agents that truly need it a dedicated namespace and policy exemption.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/hostNamespaces'], nsa: ['Pod security: do not share host namespaces'], cis: ['CIS Kubernetes 5.2.2'] },
    fix: 'suggestion',
    messages: { shared: 'The pod shares the host\'s PID namespace.', setFalse: 'Set `hostPID: false`' },
    equivalents: ['checkov:CKV_K8S_17', 'kube-linter:host-pid', 'trivy:KSV-0010', 'polaris:hostPIDSet', 'kubesec:HostPID', 'pss:baseline/hostNamespaces'],
    examples: {
      bad: [examplePod('hostPID: true\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('hostPID: false\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check: hostNamespaceCheck('hostPID'),
});
