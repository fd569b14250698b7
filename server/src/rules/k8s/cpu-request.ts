// Containers without a cpu request.
import { k8sRule } from '../../k8s/rule';
import { resourceCheck } from '../../k8s/checks';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/cpu-request',
    target: 'k8s',
    title: 'No CPU request',
    severity: 'info',
    enabledByDefault: false,
    description: 'Reports a container (or init container) without `resources.requests.cpu`. A LimitRange in the namespace may supply a default; Shipshape cannot see it from one file.',
    rationale: "Without a CPU request the pod gets the smallest CPU share under contention and the scheduler cannot place it sensibly.",
    remediation: 'Set `resources.requests.cpu` from the container\'s measured use; the suggestion inserts a starting value to adjust.',
    references: [{ title: 'Kubernetes: Resource management for pods and containers', url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' }],
    standards: { nsa: ['Denial of service: set resource limits'] },
    fix: 'suggestion',
    messages: {
      missing: 'Container `{{container}}` has no cpu request.',
      addSnippet: 'Add `requests.cpu: {{value}}` (adjust to the measured use)',
    },
    equivalents: ['checkov:CKV_K8S_10', 'kube-linter:unset-cpu-requirements', 'trivy:KSV-0015', 'kubesec:RequestsCPU', 'kube-score:container-resources'],
    peerNotes: {
      'polaris:cpuRequestsMissing': 'excludes init containers from its resource checks (`containers: exclude: [initContainer]`); we check them too.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    resources:\n      requests:\n        cpu: 100m\n')],
    },
  },
  check: resourceCheck('requests', 'cpu', '100m'),
});
