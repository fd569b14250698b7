// hostPath volumes onto node directories that hold the keys to the node.
import { k8sRule } from '../../k8s/rule';
import { containersOf, hostPathVolumes, mountsOf, podSpecOf } from '../../k8s/podspec';
import { scalarValue } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';
import { isRuntimeSocketPath } from './container-runtime-socket';

/** Directories whose contents (or whose parents' contents) give control of the node. */
const SENSITIVE = ['/', '/etc', '/proc', '/sys', '/dev', '/boot', '/lib', '/lib64', '/usr', '/bin', '/sbin', '/root', '/home', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/etc/kubernetes', '/var/lib/etcd', '/var/log'];

/**
 * Public files inside sensitive directories that node agents and apps commonly mount to trust the same CAs or keep
 * the node's time zone: nothing secret, so read-only mounts of them are not reported.
 */
const PUBLIC = ['/etc/ssl/certs', '/etc/pki/tls/certs', '/etc/pki/ca-trust/extracted', '/etc/ca-certificates', '/usr/share/ca-certificates', '/usr/local/share/ca-certificates', '/etc/localtime', '/etc/timezone', '/usr/share/zoneinfo'];
const isPublic = (path: string) => PUBLIC.some((p) => path === p || path.startsWith(`${p}/`));

export function sensitivePath(path: string): string | undefined {
  return SENSITIVE.find((s) => path === s || (s !== '/' && path.startsWith(`${s}/`) && s !== '/var/log' && s !== '/home'));
}

export default k8sRule({
  meta: {
    id: 'k8s/sensitive-host-path',
    target: 'k8s',
    title: 'hostPath onto a sensitive node directory',
    severity: 'error',
    description: `Reports a \`hostPath\` volume whose path is, or lies under, one of ${SENSITIVE.join(', ')} (for /var/log and /home only the directory itself). Public trust stores and time-zone data (${PUBLIC.join(', ')}) mounted read-only by every container are not reported. Container runtime sockets are \`k8s/container-runtime-socket\`'s concern.`,
    rationale: 'These directories hold the node\'s configuration, credentials (kubelet and etcd keys), kernel interfaces and every container\'s files; writing there, and often just reading, is a node takeover.',
    remediation: 'Mount only the narrow file a node agent needs, read-only, or use a dedicated API (the downward API, a CSI driver) instead.',
    references: [{ title: 'Kubernetes: Volumes, hostPath', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
    standards: { pss: ['baseline/hostPathVolumes'], nsa: ['Pod security: restrict hostPath mounts'] },
    messages: { sensitive: 'Volume `{{volume}}` mounts `{{path}}` from the node, inside `{{dir}}`.' },
    equivalents: [],
    peerNotes: {
      'kube-linter:sensitive-host-mounts': 'matches exact directories only (`/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr`).',
      'trivy:KSV-0121': 'uses another list of directories.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\nvolumes:\n  - name: etc\n    hostPath:\n      path: /etc\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\nvolumes:\n  - name: data\n    hostPath:\n      path: /mnt/data\n')],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    if (!pod) return;
    const containers = containersOf(file, pod);
    const readOnly = (volume: string) => containers.every((c) => mountsOf(c, volume).every((m) => scalarValue(m.get('readOnly', true), pod.doc) === true));
    for (const { volume, path, range } of hostPathVolumes(file, pod)) {
      const clean = path.replace(/\/+$/, '') || '/';
      if (isPublic(clean) && readOnly(volume.name)) continue;
      const dir = isRuntimeSocketPath(path) ? undefined : sensitivePath(path);
      if (dir) report({ messageId: 'sensitive', data: { volume: volume.name, path, dir }, range });
    }
  },
});
