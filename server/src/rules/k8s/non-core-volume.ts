// Volume types outside the Restricted standard's list, gitRepo above all.
import { k8sRule } from '../../k8s/rule';
import { podSpecOf, volumesOf } from '../../k8s/podspec';
import { examplePod } from '../../k8s/examples';

/** Volume types the Restricted standard allows; hostPath is reported by k8s/host-path-volume. */
const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret', 'hostPath', 'image']);

export default k8sRule({
  meta: {
    id: 'k8s/non-core-volume',
    target: 'k8s',
    title: 'Non-core volume type',
    severity: 'warning',
    description:
      'Reports a volume whose type is not one of configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret or image (hostPath has its own rule). `gitRepo` gets a stronger message.',
    rationale:
      'In-tree volume plugins such as nfs, iscsi, rbd, cephfs or flexVolume are mounted by the node with the node\'s privileges and credentials, outside the storage admin\'s PersistentVolume controls. `gitRepo` runs `git` on the node with a repository the pod author chooses, a known path to code execution on the node (CVE-2024-10220).',
    remediation: 'Use a PersistentVolumeClaim (the admin defines the storage), or for `gitRepo` an init container that clones into an `emptyDir`.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Restricted', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' }],
    standards: { pss: ['restricted/restrictedVolumes'] },
    messages: {
      nonCore: 'Volume `{{volume}}` uses the `{{type}}` volume type directly.',
      gitRepo: 'Volume `{{volume}}` uses `gitRepo`, which runs git on the node; clone in an init container instead.',
    },
    equivalents: [],
    peerNotes: {
      'pss:restricted/restrictedVolumes': 'also covers `hostPath`, which is `k8s/host-path-volume`\'s concern.',
      'trivy:KSV-0028': 'also covers `hostPath`.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\nvolumes:\n  - name: src\n    gitRepo:\n      repository: https://example.com/repo.git\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\nvolumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data\n')],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const volume of volumesOf(file, pod)) {
      if (!volume.type || ALLOWED.has(volume.type) || !volume.typeKeyRange) continue;
      report({ messageId: volume.type === 'gitRepo' ? 'gitRepo' : 'nonCore', data: volume.type === 'gitRepo' ? { volume: volume.name } : { volume: volume.name, type: volume.type }, range: volume.typeKeyRange });
    }
  },
});
