// Containers whose root filesystem is writable.
import { k8sRule } from '../../k8s/rule';
import { effective, rangeOr, workload } from '../../k8s/podspec';
import { setContainerSecurity } from '../../k8s/fixes';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/writable-root-filesystem',
    target: 'k8s',
    title: 'Root filesystem is writable',
    severity: 'warning',
    description: 'Reports a container whose `securityContext.readOnlyRootFilesystem` is not `true` (unset means writable).',
    rationale:
      'A writable root filesystem lets an intruder drop tools, rewrite binaries and configuration, and persist for the life of the container. With it read-only, writes go only to the volumes you mount on purpose.',
    remediation: 'Set `readOnlyRootFilesystem: true` and mount an `emptyDir` wherever the process must write (e.g. `/tmp`, caches).',
    references: [{ title: 'Kubernetes: Configure a security context', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' }],
    standards: { nsa: ['Pod security: immutable container file systems'] },
    fix: 'suggestion',
    messages: {
      writable: 'Container `{{container}}` has a writable root filesystem.',
      setTrue: 'Set `readOnlyRootFilesystem: true`',
    },
    equivalents: ['checkov:CKV_K8S_22', 'kube-linter:no-read-only-root-fs', 'trivy:KSV-0014', 'kubesec:ReadOnlyRootFilesystem', 'polaris:notReadOnlyRootFilesystem', 'kube-score:container-security-context-readonlyrootfilesystem'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      readOnlyRootFilesystem: true\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const setting = effective(container, 'readOnlyRootFilesystem');
      if (setting.value === true || (setting.from === 'unset' && container.pod.fragment)) continue;
      report({
        messageId: 'writable',
        data: { container: container.name },
        range: rangeOr(file, setting.node, container),
        container: container.name,
        suggestions: [{ messageId: 'setTrue', edits: setContainerSecurity(file, container, ['readOnlyRootFilesystem'], 'true') }],
      });
    }
  },
});
