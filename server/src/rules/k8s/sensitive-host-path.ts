// hostPath volumes onto node directories that hold the keys to the node.
import { k8sRule } from '../../k8s/rule';
import { hostPathVolumes, podSpecOf } from '../../k8s/podspec';
import { examplePod } from '../../k8s/examples';
import { isRuntimeSocketPath } from './container-runtime-socket';

/** Directories whose contents (or whose parents' contents) give control of the node. */
const SENSITIVE = ['/', '/etc', '/proc', '/sys', '/dev', '/boot', '/lib', '/lib64', '/usr', '/bin', '/sbin', '/root', '/home', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/etc/kubernetes', '/var/lib/etcd', '/var/log'];

export function sensitivePath(path: string): string | undefined {
  return SENSITIVE.find((s) => path === s || (s !== '/' && path.startsWith(`${s}/`) && s !== '/var/log' && s !== '/home'));
}

export default k8sRule({
  meta: {
    id: 'k8s/sensitive-host-path',
    target: 'k8s',
    title: 'hostPath onto a sensitive node directory',
    severity: 'error',
    description: `Reports a \`hostPath\` volume whose path is, or lies under, one of ${SENSITIVE.join(', ')} (for /var/log and /home only the directory itself). Container runtime sockets are \`k8s/container-runtime-socket\`'s concern.`,
    rationale: 'These directories hold the node\'s configuration, credentials (kubelet and etcd keys), kernel interfaces and every container\'s files; writing there, and often just reading, is a node takeover.',
    remediation: 'Mount only the narrow file a node agent needs, read-only, or use a dedicated API (the downward API, a CSI driver) instead.',
    references: [{ title: 'Kubernetes: Volumes, hostPath', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
    standards: { pss: ['baseline/hostPathVolumes'], nsa: ['Pod security: restrict hostPath mounts'] },
    messages: { sensitive: 'Volume `{{volume}}` mounts `{{path}}` from the node, inside `{{dir}}`.' },
    equivalents: [],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\nvolumes:\n  - name: etc\n    hostPath:\n      path: /etc\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\nvolumes:\n  - name: data\n    hostPath:\n      path: /mnt/data\n')],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const { volume, path, range } of hostPathVolumes(file, pod)) {
      const dir = isRuntimeSocketPath(path) ? undefined : sensitivePath(path);
      if (dir) report({ messageId: 'sensitive', data: { volume: volume.name, path, dir }, range });
    }
  },
});
