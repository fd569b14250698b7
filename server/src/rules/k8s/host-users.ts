// Pods that share the node's user namespace (no `hostUsers: false`).
import { k8sRule } from '../../k8s/rule';
import { podField, podRangeOr, podSpecOf } from '../../k8s/podspec';
import { setPodField } from '../../k8s/fixes';
import { examplePod } from '../../k8s/examples';

/** A pod in its own user namespace cannot share the host's network, PID or IPC namespace; the API rejects the mix. */
const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'];

export default k8sRule({
  meta: {
    id: 'k8s/host-users',
    target: 'k8s',
    title: 'Pod does not use a user namespace',
    severity: 'info',
    enabledByDefault: false,
    description:
      'Reports a pod spec without `hostUsers: false`. Pods that share a host namespace (`hostNetwork`, `hostPID` or `hostIPC: true`) are not reported, because user namespaces cannot be combined with them. Advisory and off by default: user namespaces need Kubernetes 1.33+ (or the feature gate) and a runtime and filesystem that support ID-mapped mounts.',
    rationale:
      'With `hostUsers: false` the container\'s UIDs, root included, are mapped to unprivileged UIDs on the node, so a process that escapes the container is nobody on the host. It blunts whole classes of container-escape CVEs that need real root.',
    remediation: 'Set `hostUsers: false` in the pod spec once the cluster supports user namespaces; volumes are then ID-mapped for the pod.',
    references: [{ title: 'Kubernetes: user namespaces', url: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/' }],
    standards: { nsa: ['Pod security: use containers built to run as non-root'] },
    fix: 'suggestion',
    messages: {
      hostUsers: 'The pod shares the node\'s user namespace; container root is root on the node.',
      setFalse: 'Set `hostUsers: false`',
    },
    equivalents: [],
    peerNotes: {
      'kubesec:HostUsers': 'also advises pods with host namespaces, where the API rejects `hostUsers: false`; we skip those pods.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('hostUsers: false\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const pod = podSpecOf(object);
    // Only a real PodSpec has `hostUsers` (workflow and task CRDs do not).
    if (pod?.podFields !== 'pod') return;
    const setting = podField(pod, 'hostUsers');
    if (setting?.value === false || HOST_NAMESPACES.some((key) => podField(pod, key)?.value === true)) return;
    report({ messageId: 'hostUsers', range: podRangeOr(file, setting, object), suggestions: [{ messageId: 'setFalse', edits: setPodField(file, pod, ['hostUsers'], 'false') }] });
  },
});
