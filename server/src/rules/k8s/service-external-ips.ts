// Services claiming external IPs, the CVE-2020-8554 interception vector.
import { k8sRule } from '../../k8s/rule';
import { keyRange, mapIn, seqIn } from '../../k8s/yaml';
import { exampleService } from '../../k8s/examples';

export default k8sRule({
  meta: {
    id: 'k8s/service-external-ips',
    target: 'k8s',
    title: 'Service sets externalIPs',
    severity: 'warning',
    description: 'Reports a core Service with a non-empty `spec.externalIPs`.',
    rationale: 'Any user who can create a Service with `externalIPs` can make the cluster route traffic for an arbitrary address, including other tenants\' or public services, to their own pods (CVE-2020-8554, unpatched by design).',
    remediation: 'Use a LoadBalancer or an Ingress; block `externalIPs` cluster-wide with an admission policy (the DenyServiceExternalIPs admission plugin).',
    references: [{ title: 'Kubernetes issue 97076: CVE-2020-8554', url: 'https://github.com/kubernetes/kubernetes/issues/97076' }],
    messages: { externalIPs: 'Service `{{name}}` claims external IPs, which can intercept traffic for those addresses.' },
    equivalents: ['trivy:KSV-0108'],
    examples: { bad: [exampleService('  externalIPs: [203.0.113.10]\n  ports: [{port: 80}]\n')], good: [exampleService('  ports: [{port: 80}]\n')] },
  },
  check({ file, object, report }) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') return;
    const spec = mapIn(object.node, ['spec'], object.doc);
    const range = keyRange(file, spec, 'externalIPs');
    if (range && (seqIn(spec, ['externalIPs'], object.doc)?.items.length ?? 0) > 0) report({ messageId: 'externalIPs', data: { name: object.name }, range });
  },
});
