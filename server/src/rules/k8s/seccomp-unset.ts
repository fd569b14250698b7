// Containers without a seccomp profile at either level: the runtime runs them unconfined.
import { k8sRule } from '../../k8s/rule';
import { effectiveIn, workload } from '../../k8s/podspec';
import { setContainerSecurity } from '../../k8s/fixes';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/seccomp-unset',
    target: 'k8s',
    title: 'No seccomp profile',
    severity: 'warning',
    description:
      'Reports a container whose effective `seccompProfile.type` (the container\'s, else the pod\'s) is unset. `Unconfined` is reported by `k8s/seccomp-unconfined`. The deprecated seccomp annotations are not read: Kubernetes uses the field.',
    rationale:
      'Without a profile the kubelet runs containers `Unconfined` (unless the node enables `SeccompDefault`), so every system call, including rarely used ones behind most kernel escapes, is open to the process.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (or a `Localhost` profile for tighter control).',
    references: [{ title: 'Kubernetes: Restrict a container\'s syscalls with seccomp', url: 'https://kubernetes.io/docs/tutorials/security/seccomp/' }],
    standards: { pss: ['restricted/seccompProfile_restricted'], nsa: ['Pod security: use seccomp'], cis: ['CIS Kubernetes 5.7.2'] },
    fix: 'suggestion',
    messages: {
      unset: 'Container `{{container}}` has no seccomp profile, so it runs unconfined.',
      setRuntimeDefault: 'Set `seccompProfile.type: RuntimeDefault` on the container',
    },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_31': 'fails a `Localhost` profile (it confines the container, and PSS Restricted allows it) and passes the `seccomp.security.alpha.kubernetes.io/pod` annotation (kubelets ignore it since 1.27); we decide both the other way. It also fails `Unconfined`, which is `k8s/seccomp-unconfined`.',
      'trivy:KSV-0030': 'also fails an `Unconfined` profile, which this rule leaves to `k8s/seccomp-unconfined` (Trivy\'s narrower KSV-0104); this rule reports only a missing profile.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('securityContext:\n  seccompProfile:\n    type: RuntimeDefault\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      if (effectiveIn(container, 'seccompProfile', 'type').value !== undefined || container.pod.fragment) continue;
      report({
        messageId: 'unset',
        data: { container: container.name },
        range: container.anchorRange,
        container: container.name,
        suggestions: [{ messageId: 'setRuntimeDefault', edits: setContainerSecurity(file, container, ['seccompProfile', 'type'], 'RuntimeDefault') }],
      });
    }
  },
});
