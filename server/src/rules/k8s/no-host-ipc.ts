// Pods that join the node's IPC namespace.
import { k8sRule } from '../../k8s/rule';
import { hostNamespaceCheck } from '../../k8s/checks';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/no-host-ipc',
    target: 'k8s',
    title: 'Pod shares the host IPC namespace',
    severity: 'error',
    description: 'Reports a pod spec with `hostIPC: true`.',
    rationale: 'The pod can read and write the shared memory and message queues of processes on the node, leaking or corrupting their data.',
    remediation: 'Remove `hostIPC: true` (it defaults to false); give node agents that truly need it a dedicated namespace and policy exemption.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/hostNamespaces'], nsa: ['Pod security: do not share host namespaces'], cis: ['CIS Kubernetes 5.2.3'] },
    fix: 'suggestion',
    messages: { shared: 'The pod shares the host\'s IPC namespace.', setFalse: 'Set `hostIPC: false`' },
    equivalents: ['checkov:CKV_K8S_18', 'kube-linter:host-ipc', 'trivy:KSV-0008', 'polaris:hostIPCSet', 'kubesec:HostIPC', 'pss:baseline/hostNamespaces'],
    examples: {
      bad: [examplePod('hostIPC: true\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('hostIPC: false\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check: hostNamespaceCheck('hostIPC'),
});
