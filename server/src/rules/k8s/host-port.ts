// Container ports bound on the node's own interfaces.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { get, mapItems, nodeRange, scalarValue, seqIn } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/host-port',
    target: 'k8s',
    title: 'Container binds a host port',
    severity: 'warning',
    description: 'Reports a container port with a non-zero `hostPort`.',
    rationale: 'A host port opens the container on every address of the node, outside Services and often outside NetworkPolicies; it also pins the pod to nodes where the port is free.',
    remediation: 'Remove `hostPort` and expose the container through a Service (ClusterIP, or a LoadBalancer/Ingress at the edge).',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/hostPorts'] },
    messages: { hostPort: 'Container `{{container}}` binds host port {{port}}.' },
    equivalents: ['trivy:KSV-0024', 'pss:baseline/hostPorts', 'polaris:hostPortSet'],
    peerNotes: {
      'checkov:CKV_K8S_26': 'fails any `hostPort` key, including an explicit `hostPort: 0`, which means no host port and which Pod Security Standards allow; we do not report 0.',
    },
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    ports:\n      - containerPort: 8080\n        hostPort: 80\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    ports:\n      - containerPort: 8080\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const { doc } = container.pod;
      for (const port of mapItems(seqIn(container.node, ['ports'], doc), doc)) {
        const node = get(port, 'hostPort', doc);
        const value = scalarValue(node, doc);
        const range = nodeRange(file, node);
        if (value === undefined || value === null || value === 0 || value === '0' || !range) continue;
        report({ messageId: 'hostPort', data: { container: container.name, port: String(value) }, range, container: container.name });
      }
    }
  },
});
