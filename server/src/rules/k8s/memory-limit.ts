// Containers without a memory limit.
import { k8sRule } from '../../k8s/rule';
import { resourceCheck } from '../../k8s/checks';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/memory-limit',
    target: 'k8s',
    title: 'No memory limit',
    severity: 'warning',
    description: 'Reports a container (or init container) without `resources.limits.memory`. A LimitRange in the namespace may supply a default; Shipshape cannot see it from one file.',
    rationale: "Without a memory limit one container can take the node's memory: the kernel's OOM killer then picks victims among other pods, and a memory leak or a decompression bomb becomes a denial of service for its neighbours.",
    remediation: 'Set `resources.limits.memory` from the container\'s measured use; the suggestion inserts a starting value to adjust.',
    references: [{ title: 'Kubernetes: Resource management for pods and containers', url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' }],
    standards: { nsa: ['Denial of service: set resource limits'] },
    fix: 'suggestion',
    messages: {
      missing: 'Container `{{container}}` has no memory limit.',
      addSnippet: 'Add `limits.memory: {{value}}` (adjust to the measured use)',
    },
    equivalents: ['checkov:CKV_K8S_13', 'kube-linter:unset-memory-requirements', 'trivy:KSV-0018', 'kubesec:LimitsMemory', 'kube-score:container-resources'],
    peerNotes: {
      'polaris:memoryLimitsMissing': 'excludes init containers from its resource checks (`containers: exclude: [initContainer]`); we check them too.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    resources:\n      limits:\n        memory: 512Mi\n')],
    },
  },
  check: resourceCheck('limits', 'memory', '512Mi'),
});
