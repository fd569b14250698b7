// Services published outside the cluster through node ports or a cloud load balancer.
import { k8sRule } from '../../k8s/rule';
import { get, mapIn, nodeRange, stringValue } from '../../k8s/yaml';
import { exampleService } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/service-exposed',
    target: 'k8s',
    title: 'Service exposed outside the cluster',
    severity: 'info',
    description: 'Reports a core Service of `type: NodePort` or `type: LoadBalancer`.',
    rationale: 'A NodePort opens the port on every node, usually bypassing the edge controls an Ingress or gateway applies (TLS, authentication, WAF, rate limits); a LoadBalancer publishes the service to whatever network the cloud puts it on, often the internet.',
    remediation: 'Use a ClusterIP Service behind an Ingress or Gateway; if a LoadBalancer is intended, make it internal and restrict `loadBalancerSourceRanges`.',
    references: [{ title: 'Kubernetes: Service types', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types' }],
    standards: { nsa: ['Network separation: limit exposed services'] },
    messages: { exposed: 'Service `{{name}}` is of type {{type}} and reachable from outside the cluster.' },
    equivalents: ['kube-linter:exposed-services'],
    examples: { bad: [exampleService('  type: LoadBalancer\n  ports: [{port: 443}]\n')], good: [exampleService('  type: ClusterIP\n  ports: [{port: 443}]\n')] },
  },
  check({ file, object, report }) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') return;
    const node = get(mapIn(object.node, ['spec'], object.doc), 'type', object.doc);
    const type = stringValue(node, object.doc);
    const range = nodeRange(file, node);
    if ((type === 'NodePort' || type === 'LoadBalancer') && range) report({ messageId: 'exposed', data: { name: object.name, type }, range });
  },
});
