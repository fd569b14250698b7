// Seccomp explicitly switched off, by field or legacy annotation.
import type { Node } from 'yaml';
import { k8sRule } from '../../k8s/rule';
import { podAnnotations, workload, writtenSettings } from '../../k8s/podspec';
import { nodeRange } from '../../k8s/yaml';
import { replaceNode } from '../../k8s/edit';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/seccomp-unconfined',
    target: 'k8s',
    title: 'Seccomp set to Unconfined',
    severity: 'error',
    description:
      'Reports `seccompProfile.type: Unconfined` in the effective security context of a container, and the legacy annotations `seccomp.security.alpha.kubernetes.io/pod` or `container.seccomp.security.alpha.kubernetes.io/<name>` set to `unconfined`. Each value is reported once, where it is written.',
    rationale: 'Unconfined removes the system-call filter the runtime would otherwise apply, re-opening the kernel attack surface behind many container escapes.',
    remediation: 'Use `RuntimeDefault`, or a `Localhost` profile that allows the extra calls the workload needs.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/seccompProfile_baseline'], cis: ['CIS Kubernetes 5.7.2'] },
    fix: 'suggestion',
    messages: {
      unconfined: 'Seccomp is `Unconfined` for {{who}}.',
      useRuntimeDefault: 'Use `RuntimeDefault`',
    },
    equivalents: ['trivy:KSV-0104', 'pss:baseline/seccompProfile_baseline'],
    peerNotes: {
      'checkov:CKV_K8S_31': 'also fails a missing profile (`k8s/seccomp-unset`) and a `Localhost` profile, which confines the container; it passes the alpha seccomp annotation, which kubelets ignore since 1.27.',
    },
    examples: {
      bad: [examplePod('securityContext:\n  seccompProfile:\n    type: Unconfined\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('securityContext:\n  seccompProfile:\n    type: RuntimeDefault\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const w = workload(file, object);
    if (!w) return;
    const flag = (node: Node, who: string, replacement: string, container?: string) => {
      const range = nodeRange(file, node);
      if (range) report({ messageId: 'unconfined', data: { who }, range, ...(container ? { container } : {}), suggestions: [{ messageId: 'useRuntimeDefault', edits: replaceNode(file, node, replacement) }] });
    };
    for (const type of writtenSettings(w.containers, 'seccompProfile', 'type')) {
      if (type.value !== 'Unconfined') continue;
      if (type.container) flag(type.node, `container \`${type.container.name}\``, 'RuntimeDefault', type.container.name);
      else flag(type.node, 'every container of the pod', 'RuntimeDefault');
    }
    for (const [key, value] of podAnnotations(w.pod)) {
      if (value.value !== 'unconfined') continue;
      if (key === 'seccomp.security.alpha.kubernetes.io/pod') flag(value, 'the pod (legacy annotation)', 'runtime/default');
      else if (key.startsWith('container.seccomp.security.alpha.kubernetes.io/')) flag(value, `container \`${key.split('/')[1]}\` (legacy annotation)`, 'runtime/default');
    }
  },
});
