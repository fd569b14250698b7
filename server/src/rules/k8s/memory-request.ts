// Containers without a memory request.
import { k8sRule } from '../../k8s/rule';
import { resourceCheck } from '../../k8s/checks';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/memory-request',
    target: 'k8s',
    title: 'No memory request',
    severity: 'info',
    enabledByDefault: false,
    description: 'Reports a container (or init container) without `resources.requests.memory`. A LimitRange in the namespace may supply a default; Shipshape cannot see it from one file.',
    rationale: "Without a memory request the scheduler places the pod as if it used no memory, overcommitting nodes; under pressure such pods are evicted first and their neighbours are squeezed.",
    remediation: 'Set `resources.requests.memory` from the container\'s measured use; the suggestion inserts a starting value to adjust.',
    references: [{ title: 'Kubernetes: Resource management for pods and containers', url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' }],
    standards: { nsa: ['Denial of service: set resource limits'] },
    fix: 'suggestion',
    messages: {
      missing: 'Container `{{container}}` has no memory request.',
      addSnippet: 'Add `requests.memory: {{value}}` (adjust to the measured use)',
    },
    equivalents: ['checkov:CKV_K8S_12', 'kube-linter:unset-memory-requirements', 'trivy:KSV-0016', 'kubesec:RequestsMemory', 'kube-score:container-resources'],
    peerNotes: {
      'polaris:memoryRequestsMissing': 'excludes init containers from its resource checks (`containers: exclude: [initContainer]`); we check them too.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    resources:\n      requests:\n        memory: 256Mi\n')],
    },
  },
  check: resourceCheck('requests', 'memory', '256Mi'),
});
