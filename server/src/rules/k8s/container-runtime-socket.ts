// The container runtime's API socket (or its directory) mounted into a pod.
import { k8sRule } from '../../k8s/rule';
import { hostPathVolumes, podSpecOf } from '../../k8s/podspec';
import { examplePod } from '../../k8s/examples';

/** Sockets of Docker, containerd, CRI-O, Podman and the old dockershim, and the directories that contain them. */
const SOCKETS = [
  '/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock', '/run/crio/crio.sock', '/var/run/dockershim.sock', '/run/podman/podman.sock', '/var/run/podman/podman.sock',
  '/var/run/cri-dockerd.sock', '/run/k3s/containerd/containerd.sock',
];
const SOCKET_DIRS = ['/var/run', '/run', '/var/run/containerd', '/run/containerd', '/var/run/crio', '/run/crio', '/run/podman', '/var/run/podman', '/var/run/docker', '/run/k3s/containerd'];

export function isRuntimeSocketPath(path: string): boolean {
  return SOCKETS.includes(path) || SOCKET_DIRS.includes(path) || /\/(docker|containerd|crio|podman|dockershim|cri-dockerd)\.sock$/.test(path);
}

export default k8sRule({
  meta: {
    id: 'k8s/container-runtime-socket',
    target: 'k8s',
    title: 'Container runtime socket mounted',
    severity: 'error',
    description:
      'Reports a `hostPath` volume onto the socket of Docker, containerd, CRI-O or Podman, or onto a directory that contains one (`/var/run`, `/run`, `/run/containerd`, …). Broader than peers that look only for `docker.sock`.',
    rationale: 'Whoever talks to the runtime socket can start a privileged container with the node\'s root filesystem mounted: it is root on the node, without any of the pod\'s own restrictions applying.',
    remediation: 'Do not mount the socket. Build images with a daemonless builder (BuildKit rootless, Kaniko, Buildah) and read node metadata through the Kubernetes API.',
    references: [{ title: 'Kubernetes: Volumes, hostPath', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
    standards: { pss: ['baseline/hostPathVolumes'], cis: ['CIS Docker 5.31: do not mount the Docker socket'] },
    messages: { socket: 'Volume `{{volume}}` exposes the container runtime through `{{path}}`.' },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_27': 'looks for `/var/run/docker.sock` only; we also report the containerd, CRI-O and Podman sockets and the directories that hold them.',
      'trivy:KSV-0006': 'looks for `docker.sock` only.',
      'kube-linter:docker-sock': 'looks for `docker.sock` only.',
      'kubesec:DockerSock': 'looks for `/var/run/docker.sock` only.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: docker:27-cli\nvolumes:\n  - name: sock\n    hostPath:\n      path: /run/containerd/containerd.sock\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\nvolumes:\n  - name: cache\n    emptyDir: {}\n')],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const { volume, path, range } of hostPathVolumes(file, pod)) {
      if (isRuntimeSocketPath(path)) report({ messageId: 'socket', data: { volume: volume.name, path }, range });
    }
  },
});
