// Root group (GID 0) as primary, filesystem or supplemental group.
import { k8sRule } from '../../k8s/rule';
import { podField, workload, writtenSettings } from '../../k8s/podspec';
import { mapIn, nodeRange, stringItems, get } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/root-group',
    target: 'k8s',
    title: 'Runs with the root group',
    severity: 'warning',
    description:
      'Reports GID 0 as the effective `runAsGroup` of a container, or as the pod\'s `fsGroup` or one of its `supplementalGroups`. Each offending value is reported once, where it is written.',
    rationale:
      'Group 0 owns many files on the node and in images (`/etc`, sockets, device nodes); a process in the root group can read or write them through any host mount or after an escape, even when its UID is not 0.',
    remediation: 'Use a dedicated non-zero group, e.g. `runAsGroup: 10001` and `fsGroup: 10001`, and drop 0 from `supplementalGroups`.',
    references: [{ title: 'Kubernetes: Configure a security context', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' }],
    messages: {
      runAsGroup: '`runAsGroup: 0` runs {{who}} with the root group.',
      fsGroup: '`fsGroup: 0` gives the pod\'s volumes to the root group.',
      supplemental: '`supplementalGroups` adds the root group (0) to every container.',
    },
    equivalents: ['trivy:KSV-0116'],
    examples: {
      bad: [examplePod('securityContext:\n  runAsGroup: 0\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
      good: [examplePod('securityContext:\n  runAsGroup: 10001\n  fsGroup: 10001\ncontainers:\n  - name: app\n    image: nginx:1.27.3\n')],
    },
  },
  check({ file, object, report }) {
    const w = workload(file, object);
    if (!w) return;
    for (const group of writtenSettings(w.containers, 'runAsGroup')) {
      const range = nodeRange(file, group.node);
      if (group.value !== 0 || !range) continue;
      const who = group.container ? `container \`${group.container.name}\`` : 'the pod\'s containers';
      report({ messageId: 'runAsGroup', data: { who }, range, ...(group.container && { container: group.container.name }) });
    }
    const sc = mapIn(w.pod.node, ['securityContext'], w.pod.doc);
    if (!sc && !podField(w.pod, 'securityContext')) return;
    const fs = get(sc, 'fsGroup', w.pod.doc);
    if (fs && (fs as { value?: unknown }).value === 0) {
      const range = nodeRange(file, fs);
      if (range) report({ messageId: 'fsGroup', range });
    }
    for (const g of stringItems(get(sc, 'supplementalGroups', w.pod.doc), w.pod.doc)) {
      const range = nodeRange(file, g.node);
      if (g.value === '0' && range) report({ messageId: 'supplemental', range });
    }
  },
});
