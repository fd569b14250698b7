// Probes and lifecycle hooks aimed at another host.
import { k8sRule } from '../../k8s/rule';
import { workload } from '../../k8s/podspec';
import { get, mapIn, nodeRange, stringValue } from '../../k8s/yaml';
import { examplePod } from '../../k8s/examples';

const HANDLERS: readonly (readonly string[])[] = [
  ['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop'],
];

export default k8sRule({
  meta: {
    id: 'k8s/probe-host',
    target: 'k8s',
    title: 'Probe or lifecycle hook targets another host',
    severity: 'warning',
    description: 'Reports an `httpGet.host` or `tcpSocket.host` in a container\'s liveness, readiness or startup probe or in a `postStart`/`preStop` hook. The kubelet makes these requests from the node.',
    rationale: 'The kubelet sends the request from the node\'s network, so a `host` lets a pod author make the node call any address it can reach (metadata services, the API server, other tenants): a server-side request forgery by manifest.',
    remediation: 'Remove `host` so the kubelet targets the pod\'s own IP; check other services from inside the container.',
    references: [{ title: 'Kubernetes: Pod Security Standards, Baseline', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' }],
    standards: { pss: ['baseline/hostProbesAndHostLifecycle'] },
    messages: { host: 'The {{handler}} of container `{{container}}` targets host `{{host}}`.' },
    equivalents: ['pss:baseline/hostProbesAndHostLifecycle'],
    examples: {
      bad: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    livenessProbe:\n      httpGet:\n        host: 169.254.169.254\n        path: /\n        port: 80\n')],
      good: [examplePod('containers:\n  - name: app\n    image: nginx:1.27.3\n    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: 8080\n')],
    },
  },
  check({ file, object, report }) {
    for (const container of workload(file, object)?.containers ?? []) {
      const { doc } = container.pod;
      for (const path of HANDLERS) {
        const handler = mapIn(container.node, path, doc);
        if (!handler) continue;
        for (const action of ['httpGet', 'tcpSocket']) {
          const node = get(mapIn(handler, [action], doc), 'host', doc);
          const host = stringValue(node, doc);
          const range = nodeRange(file, node);
          if (host && range) report({ messageId: 'host', data: { handler: path.join('.'), container: container.name, host }, range, container: container.name });
        }
      }
    }
  },
});
