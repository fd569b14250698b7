// `/proc` mounted without the runtime's masks.
import { k8sRule } from '../../k8s/rule';
import { effective, workload } from '../../k8s/podspec';
import { nodeRange } from '../../k8s/yaml';
import { replaceNode } from '../../k8s/edit';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/proc-mount-unmasked',
    target: 'k8s',
    title: '`/proc` mounted unmasked',
    severity: 'warning',
    description: 'Reports a container with `securityContext.procMount: Unmasked`.',
    rationale: 'The runtime masks and makes read-only parts of `/proc` (`/proc/kcore`, `/proc/sys`, `/proc/sysrq-trigger`, …) that leak host information or let a process change kernel settings; `Unmasked` exposes them all.',
    remediation: 'Remove `procMount` or set it to `Default`.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/procMount'] },
    fix: 'suggestion',
    messages: { unmasked: 'Container `{{container}}` mounts `/proc` unmasked.', setDefault: 'Set `procMount: Default`' },
    equivalents: ['trivy:KSV-0027', 'pss:baseline/procMount', 'polaris:procMount', 'kube-linter:unsafe-proc-mount'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      procMount: Unmasked\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    securityContext:\n      procMount: Default\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const setting = effective(container, 'procMount');
      const range = setting.node && nodeRange(file, setting.node);
      if (setting.value !== 'Unmasked' || !setting.node || !range) continue;
      report({ messageId: 'unmasked', data: { container: container.name }, range, container: container.name, suggestions: [{ messageId: 'setDefault', edits: replaceNode(file, setting.node, 'Default') }] });
    }
  },
});
