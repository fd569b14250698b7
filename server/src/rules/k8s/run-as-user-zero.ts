// An explicit `runAsUser: 0` in the effective security context.
import { k8sRule } from '../../k8s/rule';
import { effective, rangeOr, workload } from '../../k8s/podspec';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/run-as-user-zero',
    target: 'k8s',
    title: 'Container runs as UID 0',
    severity: 'error',
    description: 'Reports a container whose effective `runAsUser` (the container\'s, else the pod\'s) is 0: it runs as root by request.',
    rationale: 'Root in a container is root on the node\'s kernel; a container escape, a writable host mount or a kernel bug then hands over the node.',
    remediation: 'Run as a dedicated non-zero UID (above 10000, to stay clear of host accounts) and set `runAsNonRoot: true`.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Restricted', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' }],
    standards: { pss: ['restricted/runAsUser'], cis: ['CIS Kubernetes 5.2.6'] },
    messages: { rootUser: 'Container `{{container}}` runs as UID 0 (root).' },
    equivalents: ['kube-linter:run-as-non-root', 'trivy:KSV-0105', 'pss:restricted/runAsUser'],
    peerNotes: {
      'checkov:CKV_K8S_23': 'passes pod-level `runAsNonRoot: true` with `runAsUser: 0` because `runAsNonRoot` is true; we report it (the kubelet refuses to start it). It also fails a missing `runAsNonRoot`, which is `k8s/run-as-root`.',
    },
    examples: {
      bad: [examplePod('securityContext:\n  runAsUser: 0\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('securityContext:\n  runAsUser: 0\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      runAsUser: 10001\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const user = effective(container, 'runAsUser');
      if (user.value === 0) report({ messageId: 'rootUser', data: { container: container.name }, range: rangeOr(file, user.node, container), container: container.name });
    }
  },
});
