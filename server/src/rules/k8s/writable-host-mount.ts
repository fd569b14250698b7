// hostPath volumes mounted read-write.
import { k8sRule } from '../../k8s/rule';
import { mountsOf, volumesOf, workload } from '../../k8s/podspec';
import { get, nodeRange, scalarValue } from '../../k8s/yaml';
import { setField } from '../../k8s/edit';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/writable-host-mount',
    target: 'k8s',
    title: 'hostPath mounted writable',
    severity: 'warning',
    description: 'Reports a `volumeMounts` entry of a `hostPath` volume without `readOnly: true`.',
    rationale: 'A writable host mount lets a compromised container plant files on the node (cron jobs, binaries, kubelet configuration) and tamper with other pods\' data, turning a container compromise into a node compromise.',
    remediation: 'Add `readOnly: true` to the mount; if the workload must write, give it a dedicated sub-directory and consider a PersistentVolume instead.',
    references: [{ title: 'Kubernetes: Volumes, hostPath', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
    fix: 'suggestion',
    messages: {
      writable: 'Container `{{container}}` mounts host path volume `{{volume}}` writable.',
      setReadOnly: 'Mount it with `readOnly: true`',
    },
    equivalents: ['kube-linter:writable-host-mount'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    volumeMounts:\n      - name: logs\n        mountPath: /host/logs\nvolumes:\n  - name: logs\n    hostPath:\n      path: /var/log\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    volumeMounts:\n      - name: logs\n        mountPath: /host/logs\n        readOnly: true\nvolumes:\n  - name: logs\n    hostPath:\n      path: /var/log\n')],
    },
  },
  check({ file, object, report }) {
    const w = workload(file, object);
    if (!w) return;
    const hostVolumes = volumesOf(file, w.pod).filter((v) => v.type === 'hostPath');
    if (!hostVolumes.length) return;
    for (const container of w.containers) {
      for (const volume of hostVolumes) {
        for (const mount of mountsOf(container, volume.name)) {
          if (scalarValue(get(mount, 'readOnly', w.pod.doc), w.pod.doc) === true) continue;
          const range = nodeRange(file, get(mount, 'mountPath', w.pod.doc)) ?? nodeRange(file, get(mount, 'name', w.pod.doc));
          if (!range) continue;
          report({
            messageId: 'writable',
            data: { container: container.name, volume: volume.name },
            range,
            container: container.name,
            suggestions: [{ messageId: 'setReadOnly', edits: setField(file, w.pod.doc, mount, ['readOnly'], 'true') }],
          });
        }
      }
    }
  },
});
