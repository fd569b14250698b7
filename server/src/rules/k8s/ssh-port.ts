// Containers exposing SSH.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { get, mapItems, nodeRange, scalarValue, seqIn, stringValue } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/ssh-port',
    target: 'k8s',
    title: 'Container exposes SSH',
    severity: 'warning',
    description: 'Reports a TCP `containerPort: 22` of a container.',
    rationale: 'An SSH server in a container is a second way in that bypasses `kubectl exec` auditing and RBAC, and usually comes with long-lived keys or passwords baked into the image.',
    remediation: 'Remove the SSH server; use `kubectl exec` or ephemeral debug containers, which are authorised and audited by the API server.',
    references: [{ title: 'Kubernetes: Debug running pods', url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/' }],
    messages: { ssh: 'Container `{{container}}` exposes port 22 (SSH).' },
    equivalents: ['kube-linter:ssh-port'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    ports:\n      - containerPort: 22\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    ports:\n      - containerPort: 8080\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const { doc } = container.pod;
      for (const port of mapItems(seqIn(container.node, ['ports'], doc), doc)) {
        const node = get(port, 'containerPort', doc);
        const value = scalarValue(node, doc);
        const protocol = stringValue(get(port, 'protocol', doc), doc) ?? 'TCP';
        const range = nodeRange(file, node);
        if ((value === 22 || value === '22') && protocol.toUpperCase() === 'TCP' && range) report({ messageId: 'ssh', data: { container: container.name }, range, container: container.name });
      }
    }
  },
});
