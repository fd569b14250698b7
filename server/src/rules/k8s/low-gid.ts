// A non-root GID low enough to collide with groups on the node.
import { k8sRule } from '../../k8s/rule';
import { workload, writtenSettings } from '../../k8s/podspec';
import { get, mapIn, nodeRange, stringItems } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/low-gid',
    target: 'k8s',
    title: 'Runs with a low GID',
    severity: 'info',
    enabledByDefault: false,
    description:
      'Reports a GID between 1 and the `minGid` option (default 10000) written as the effective `runAsGroup` of a container, or as the pod\'s `fsGroup` or one of its `supplementalGroups`. Each value is reported once, where it is written. GID 0 is `k8s/root-group`\'s. Off by default, like `k8s/low-uid`: many well-kept images use groups such as 1000 or 65532. Unlike Trivy KSV-0021, an unset `runAsGroup` is not reported (the image\'s group applies, which this rule cannot see), and 10000 itself passes, the same threshold as `k8s/low-uid`.',
    rationale:
      'GIDs below 10000 usually exist on the node too (`docker`, `disk`, `adm`, distribution groups). A process that escapes, or writes through a host mount, acts with that host group\'s rights over its files and devices.',
    remediation: 'Pick GIDs above 10000 that no host group uses, e.g. `runAsGroup: 10001` and `fsGroup: 10001`.',
    references: [{ title: 'Kubernetes: Configure a security context', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' }],
    messages: {
      runAsGroup: '`runAsGroup: {{gid}}` runs {{who}} with a group that may exist on the host (threshold {{min}}).',
      fsGroup: '`fsGroup: {{gid}}` gives the pod\'s volumes to a group that may exist on the host (threshold {{min}}).',
      supplemental: '`supplementalGroups` adds GID {{gid}}, which may exist on the host, to every container (threshold {{min}}).',
    },
    equivalents: [],
    peerNotes: {
      'trivy:KSV-0021': 'also fires when `runAsGroup` is unset, and at exactly 10000.',
      'kubesec:RunAsGroup': 'a positive score for a group above 10000, not a finding.',
    },
    options: { minGid: { type: 'number', description: 'GIDs below this value (and above 0) are reported.', default: 10000 } },
    examples: {
      bad: [examplePod('securityContext:\n  runAsGroup: 1000\n  fsGroup: 1000\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('securityContext:\n  runAsGroup: 10001\n  fsGroup: 10001\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, options, report }) {
    const w = workload(file, object);
    if (!w) return;
    const min = typeof options.minGid === 'number' ? options.minGid : 10000;
    const low = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < min;
    for (const group of writtenSettings(w.containers, 'runAsGroup')) {
      const range = nodeRange(file, group.node);
      if (!low(group.value) || !range) continue;
      const who = group.container ? `container \`${group.container.name}\`` : 'the pod\'s containers';
      report({ messageId: 'runAsGroup', data: { gid: group.value, who, min }, range, ...(group.container && { container: group.container.name }) });
    }
    const sc = mapIn(w.pod.node, ['securityContext'], w.pod.doc);
    const fs = get(sc, 'fsGroup', w.pod.doc);
    const fsValue = (fs as { value?: unknown } | undefined)?.value;
    const fsRange = nodeRange(file, fs);
    if (low(fsValue) && fsRange) report({ messageId: 'fsGroup', data: { gid: fsValue, min }, range: fsRange });
    for (const g of stringItems(get(sc, 'supplementalGroups', w.pod.doc), w.pod.doc)) {
      const gid = Number(g.value);
      const range = nodeRange(file, g.node);
      if (/^\d+$/.test(g.value) && low(gid) && range) report({ messageId: 'supplemental', data: { gid, min }, range });
    }
  },
});
