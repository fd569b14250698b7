// Windows HostProcess containers: processes on the host itself.
import { k8sRule } from '../../k8s/rule';
import { workload, writtenSettings } from '../../k8s/podspec';
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
    for (const setting of writtenSettings(workload(file, object)?.containers ?? [], 'windowsOptions', 'hostProcess')) {
      const range = nodeRange(file, setting.node);
      if (setting.value !== true || !range) continue;
      const who = setting.container ? `container \`${setting.container.name}\`` : 'every container of the pod';
      report({ messageId: 'hostProcess', data: { who }, range, ...(setting.container && { container: setting.container.name }) });
    }
  },
});
