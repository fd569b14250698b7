// Containers running privileged.
import { k8sRule } from '../../k8s/rule';
import { containersOf, effective, podSpecOf } from '../../k8s/podspec';
import { nodeRange } from '../../k8s/yaml';

export default k8sRule({
  meta: {
    id: 'k8s/no-privileged',
    target: 'k8s',
    title: 'Container runs privileged',
    severity: 'error',
    description: 'Reports a container whose `securityContext.privileged` is `true`.',
    rationale:
      'A privileged container has every capability and the host\'s devices; escaping to the node is trivial. It removes almost every isolation boundary Kubernetes offers.',
    remediation: 'Remove `privileged: true` (or set it to `false`) and grant only the specific capabilities the workload needs.',
    references: [
      { title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    ],
    standards: { pss: ['baseline/privileged'], nsa: ['Pod security: non-root, unprivileged containers'], cis: ['CIS Kubernetes 5.2.2'] },
    fix: 'suggestion',
    messages: {
      privileged: 'Container `{{container}}` runs privileged.',
      setFalse: 'Set `privileged: false`',
    },
    equivalents: ['checkov:CKV_K8S_16', 'kube-linter:privileged-container', 'trivy:KSV-0017', 'pss:baseline/privileged', 'kubesec:Privileged', 'polaris:runAsPrivileged'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: false\n'],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const container of containersOf(file, pod)) {
      const setting = effective(container, 'privileged');
      if (setting.value !== true || !setting.node) continue;
      const range = nodeRange(file, setting.node);
      if (!range) continue;
      report({
        messageId: 'privileged',
        data: { container: container.name },
        range,
        container: container.name,
        suggestions: [{ messageId: 'setFalse', edits: [{ range, newText: 'false' }] }],
      });
    }
  },
});
