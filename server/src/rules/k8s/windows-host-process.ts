// Windows HostProcess containers: processes on the host itself.
import type { Node } from 'yaml';
import { k8sRule } from '../../core/types';
import { effectiveIn, workload } from '../../k8s/podspec';
import { nodeRange } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/windows-host-process',
    target: 'k8s',
    title: 'Windows HostProcess container',
    severity: 'error',
    description: 'Reports an effective `windowsOptions.hostProcess: true` (pod or container level). Each value is reported once, where it is written.',
    rationale: 'A HostProcess container runs directly on the Windows node with host networking and access to the host filesystem: it is the Windows equivalent of a privileged container.',
    remediation: 'Run the workload as a normal Windows container; keep HostProcess for node agents on dedicated, tightly controlled namespaces.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/windowsHostProcess'] },
    messages: { hostProcess: 'HostProcess is enabled for {{who}}.' },
    equivalents: ['trivy:KSV-0103', 'pss:baseline/windowsHostProcess', 'polaris:hostProcess'],
    examples: {
      bad: [examplePod('securityContext:\n  windowsOptions:\n    hostProcess: true\nhostNetwork: true\ncontainers:\n  - name: app\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n')],
      good: [examplePod('containers:\n  - name: app\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n')],
    },
  },
  check({ file, object, report }) {
    const seen = new Set<Node>();
    for (const container of workload(file, object)?.containers ?? []) {
      const setting = effectiveIn(container, 'windowsOptions', 'hostProcess');
      if (setting.value !== true || !setting.node || seen.has(setting.node)) continue;
      seen.add(setting.node);
      const range = nodeRange(file, setting.node);
      const who = setting.from === 'container' ? `container \`${container.name}\`` : 'every container of the pod';
      if (range) report({ messageId: 'hostProcess', data: { who }, range, ...(setting.from === 'container' ? { container: container.name } : {}) });
    }
  },
});
