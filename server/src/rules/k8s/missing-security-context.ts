// Containers with no securityContext at either level: every runtime default applies.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { get } from '../../k8s/yaml';
import { setField } from '../../k8s/edit';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/missing-security-context',
    target: 'k8s',
    title: 'No security context',
    severity: 'info',
    description:
      'Reports a container that has no `securityContext` while its pod has none either. A pod-level `securityContext` counts, since its user, group and seccomp settings reach every container.',
    rationale:
      'Without any security context the container runs with the image\'s user (often root), privilege escalation allowed, the default capability set and a writable root filesystem: every hardening knob is at its weakest.',
    remediation: 'Add a `securityContext` that runs as non-root, forbids privilege escalation, drops all capabilities, uses the runtime\'s seccomp profile and a read-only root filesystem; the suggestion inserts one.',
    references: [{ title: 'Kubernetes: Configure a security context', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' }],
    standards: { nsa: ['Pod security: use a security context'] },
    fix: 'suggestion',
    messages: {
      missing: 'Container `{{container}}` has no security context, and neither has its pod.',
      addHardened: 'Add a hardened `securityContext` to the container',
    },
    equivalents: [],
    peerNotes: {
      'trivy:KSV-0118': 'fires on an explicitly empty `securityContext: {}`; we report a missing one, and `{}` passes.',
      'checkov:CKV_K8S_29': 'checks the pod-level context only.',
      'checkov:CKV_K8S_30': 'checks the container-level context only; we accept either level.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('securityContext:\n  runAsNonRoot: true\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const w = workload(file, object);
    if (!w || w.pod.fragment || get(w.pod.node, 'securityContext', w.pod.doc)) return;
    for (const container of w.containers) {
      // Tekton's stepTemplate and an Argo template's own securityContext count as written.
      if (get(container.node, 'securityContext', container.pod.doc) || container.defaults || container.podLevel) continue;
      const value = '{allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}';
      report({
        messageId: 'missing',
        data: { container: container.name },
        range: container.anchorRange,
        container: container.name,
        suggestions: [{ messageId: 'addHardened', edits: setField(file, container.pod.doc, container.node, ['securityContext'], value) }],
      });
    }
  },
});
