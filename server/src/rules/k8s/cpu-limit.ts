// Containers without a cpu limit.
import { k8sRule } from '../../k8s/rule';
import { resourceCheck } from '../../k8s/checks';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/cpu-limit',
    target: 'k8s',
    title: 'No CPU limit',
    severity: 'info',
    description: 'Reports a container (or init container) without `resources.limits.cpu`. A LimitRange in the namespace may supply a default; Shipshape cannot see it from one file.',
    rationale: "Without a CPU limit a busy or compromised container (a crypto miner is the classic case) can starve every other pod on the node. Some teams deliberately omit CPU limits to avoid throttling; set this rule off if you do.",
    remediation: 'Set `resources.limits.cpu` from the container\'s measured use; the suggestion inserts a starting value to adjust.',
    references: [{ title: 'Kubernetes: Resource management for pods and containers', url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' }],
    standards: { nsa: ['Denial of service: set resource limits'] },
    fix: 'suggestion',
    messages: {
      missing: 'Container `{{container}}` has no cpu limit.',
      addSnippet: 'Add `limits.cpu: {{value}}` (adjust to the measured use)',
    },
    equivalents: ['checkov:CKV_K8S_11', 'kube-linter:unset-cpu-requirements', 'trivy:KSV-0011', 'kubesec:LimitsCPU', 'kube-score:container-resources'],
    peerNotes: {
      'polaris:cpuLimitsMissing': 'excludes init containers from its resource checks (`containers: exclude: [initContainer]`); we check them too.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    resources:\n      limits:\n        cpu: 500m\n')],
    },
  },
  check: resourceCheck('limits', 'cpu', '500m'),
});
