// Containers that may gain more privileges than their parent process (setuid binaries, file capabilities).
import { k8sRule } from '../../k8s/rule';
import { effective, isWindowsPod, rangeOr, workload } from '../../k8s/podspec';
import { setContainerSecurity } from '../../k8s/fixes';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/allow-privilege-escalation',
    target: 'k8s',
    title: 'Privilege escalation not disabled',
    severity: 'warning',
    description:
      'Reports a container whose `securityContext.allowPrivilegeEscalation` is not `false` (unset defaults to allowed). Only the container level exists for this field. Pods with `spec.os.name: windows` are skipped: the field is Linux-only, and Pod Security Admission exempts them.',
    rationale:
      'Unless `no_new_privs` is set, a process in the container can gain privileges through setuid-root binaries or file capabilities; an attacker with code execution then becomes root inside the container, one step from the node.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container (it is implied true for privileged containers and those with CAP_SYS_ADMIN).',
    references: [{ title: 'Kubernetes: Pod Security Standards, Restricted', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' }],
    standards: { pss: ['restricted/allowPrivilegeEscalation'], nsa: ['Pod security: prevent privilege escalation'], cis: ['CIS Kubernetes 5.2.5'] },
    fix: 'suggestion',
    messages: {
      allowed: 'Container `{{container}}` allows privilege escalation.',
      unset: 'Container `{{container}}` does not set `allowPrivilegeEscalation: false`.',
      setFalse: 'Set `allowPrivilegeEscalation: false`',
    },
    equivalents: ['pss:restricted/allowPrivilegeEscalation'],
    peerNotes: {
      'kube-linter:privilege-escalation-container': 'fires only on an explicit `allowPrivilegeEscalation: true`.',
      'kubesec:AllowPrivilegeEscalation': 'fires only on an explicit `allowPrivilegeEscalation: true`.',
      'checkov:CKV_K8S_20': 'also reports a pod with `spec.os.name: windows`; we skip it, as Pod Security admission does (the field is Linux-only).',
      'trivy:KSV-0001': 'also reports a pod with `spec.os.name: windows`; we skip it, as Pod Security admission does (the field is Linux-only).',
      'polaris:privilegeEscalationAllowed': 'fails only on an explicit `allowPrivilegeEscalation: true` (its schema does not require the field), while we also report it unset, the default that allows escalation. kube-linter `privilege-escalation-container` and kubesec `AllowPrivilegeEscalation` decide the same way as Polaris.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      allowPrivilegeEscalation: false\n')],
    },
  },
  check({ file, object, report }) {
    const w = workload(file, object);
    if (!w || isWindowsPod(w.pod)) return;
    for (const container of w.containers) {
      const setting = effective(container, 'allowPrivilegeEscalation');
      if (setting.value === false || (setting.from === 'unset' && w.pod.fragment)) continue;
      const messageId = setting.from === 'unset' ? 'unset' : 'allowed';
      report({
        messageId,
        data: { container: container.name },
        range: rangeOr(file, setting.node, container),
        container: container.name,
        suggestions: [{ messageId: 'setFalse', edits: setContainerSecurity(file, container, ['allowPrivilegeEscalation'], 'false') }],
      });
    }
  },
});
