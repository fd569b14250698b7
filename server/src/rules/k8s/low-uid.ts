// A non-root UID low enough to collide with accounts on the node.
import { k8sRule } from '../../k8s/rule';
import { effective, rangeOr, workload } from '../../k8s/podspec';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/low-uid',
    target: 'k8s',
    title: 'Container runs with a low UID',
    severity: 'info',
    enabledByDefault: false,
    description:
      'Reports a container whose effective `runAsUser` is between 1 and the `minUid` option (default 10000). Off by default: many well-kept images use UIDs such as 1000 or 65532.',
    rationale:
      'UIDs below 10000 usually exist on the node too. If the container escapes or writes through a host mount, its files and processes belong to a real host account.',
    remediation: 'Pick a UID above 10000 that no host account uses, e.g. `runAsUser: 10001`.',
    references: [{ title: 'Kubernetes: Configure a security context', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' }],
    messages: { lowUid: 'Container `{{container}}` runs as UID {{uid}}, which may belong to a host account (threshold {{min}}).' },
    equivalents: [],
    peerNotes: {
      'checkov:CKV_K8S_40': 'also fails when `runAsUser` is unset; we report only a UID written below the threshold.',
      'trivy:KSV-0020': 'also fires when `runAsUser` is unset; we report only a UID written below the threshold.',
    },
    options: { minUid: { type: 'number', description: 'UIDs below this value are reported.', default: 10000 } },
    examples: {
      bad: [examplePod('securityContext:\n  runAsUser: 1000\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('securityContext:\n  runAsUser: 10001\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, options, report }) {
    const min = typeof options.minUid === 'number' ? options.minUid : 10000;
    for (const container of workload(file, object)?.containers ?? []) {
      const user = effective(container, 'runAsUser');
      if (typeof user.value !== 'number' || user.value <= 0 || user.value >= min) continue;
      report({ messageId: 'lowUid', data: { container: container.name, uid: user.value, min }, range: rangeOr(file, user.node, container), container: container.name });
    }
  },
});
