// Containers that may run as root: neither runAsNonRoot nor a non-zero runAsUser, at either level.
import { k8sRule } from '../../k8s/rule';
import { effective, workload } from '../../k8s/podspec';
import { setContainerSecurity } from '../../k8s/fixes';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/run-as-root',
    target: 'k8s',
    title: 'Container may run as root',
    severity: 'warning',
    description:
      'Reports a container whose effective security context (the container\'s, else the pod\'s) has neither `runAsNonRoot: true` nor a `runAsUser` above 0, so it runs as whatever user the image names, often root. An explicit `runAsUser: 0` is reported by `k8s/run-as-user-zero` instead.',
    rationale:
      'Root in a container is root on the node\'s kernel, limited only by capabilities, seccomp and namespaces; any container escape or writable host mount becomes a node compromise. `runAsNonRoot: true` makes the kubelet refuse to start an image that would run as UID 0.',
    remediation: 'Set `runAsNonRoot: true` (and a numeric `runAsUser` above 10000) in the pod or container `securityContext`, and build the image with a non-root `USER`.',
    references: [{ title: 'Kubernetes: Configure a security context', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' }],
    standards: { pss: ['restricted/runAsNonRoot'], nsa: ['Pod security: use containers built to run as non-root'], cis: ['CIS Kubernetes 5.2.6'] },
    fix: 'suggestion',
    messages: {
      mayRunAsRoot: 'Container `{{container}}` may run as root: set `runAsNonRoot: true` or a non-zero `runAsUser`.',
      setNonRoot: 'Set `runAsNonRoot: true` on the container',
    },
    equivalents: ['kube-linter:run-as-non-root'],
    peerNotes: {
      'checkov:CKV_K8S_23': 'also fails `runAsUser: 0` (`k8s/run-as-user-zero`), and passes pod-level `runAsNonRoot: true` with `runAsUser: 0`, a pod the kubelet refuses to start, which `k8s/run-as-user-zero` reports.',
      'trivy:KSV-0012': 'ignores `runAsUser > 0`, which satisfies this rule.',
      'pss:restricted/runAsNonRoot': 'requires `runAsNonRoot: true` and ignores `runAsUser > 0`, which satisfies this rule.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [
        examplePod('securityContext:\n  runAsNonRoot: true\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n'),
        examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      runAsUser: 10001\n'),
      ],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const nonRoot = effective(container, 'runAsNonRoot');
      const user = effective(container, 'runAsUser');
      if (nonRoot.value === true || (typeof user.value === 'number' && user.value > 0)) continue;
      // UID 0 said out loud is k8s/run-as-user-zero's finding; do not report it twice.
      if (user.value === 0) continue;
      // A patch that writes neither field keeps the base's.
      if (container.pod.fragment && nonRoot.from === 'unset' && user.from === 'unset') continue;
      report({
        messageId: 'mayRunAsRoot',
        data: { container: container.name },
        range: container.anchorRange,
        container: container.name,
        suggestions: [{ messageId: 'setNonRoot', edits: setContainerSecurity(file, container, ['runAsNonRoot'], 'true') }],
      });
    }
  },
});
