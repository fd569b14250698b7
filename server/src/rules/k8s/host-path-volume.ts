// Any hostPath volume: the pod reads or writes the node's filesystem.
import { k8sRule } from '../../k8s/rule';
import { podSpecOf, volumesOf } from '../../k8s/podspec';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/host-path-volume',
    target: 'k8s',
    title: 'hostPath volume',
    severity: 'warning',
    description: 'Reports every `hostPath` volume. Sensitive paths and runtime sockets are also reported by `k8s/sensitive-host-path` and `k8s/container-runtime-socket` with a stronger message.',
    rationale: 'A hostPath volume gives the pod the node\'s files: it couples the pod to one node, bypasses storage quotas and is the most common way out of a container (credentials, logs of other pods, kubelet state).',
    remediation: 'Use `emptyDir`, a ConfigMap or Secret, or a PersistentVolumeClaim; keep hostPath for node agents in dedicated namespaces and mount it read-only.',
    references: [{ title: 'Kubernetes: Volumes, hostPath', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
    standards: { pss: ['baseline/hostPathVolumes'], nsa: ['Pod security: restrict hostPath mounts'] },
    messages: { hostPath: 'Volume `{{volume}}` mounts a path of the node.' },
    equivalents: ['trivy:KSV-0023', 'pss:baseline/hostPathVolumes', 'polaris:hostPathSet'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\nvolumes:\n  - name: logs\n    hostPath:\n      path: /var/log\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\nvolumes:\n  - name: cache\n    emptyDir: {}\n')],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const volume of volumesOf(file, pod)) {
      if (volume.type === 'hostPath' && volume.typeKeyRange) report({ messageId: 'hostPath', data: { volume: volume.name }, range: volume.typeKeyRange });
    }
  },
});
