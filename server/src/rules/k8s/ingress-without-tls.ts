// Ingresses that serve plain HTTP only.
import { k8sRule } from '../../k8s/rule';
import { keyRange, mapIn, seqIn, stringValue } from '../../k8s/yaml';

/**
 * Controller annotations that attach a certificate to the load balancer in place of `spec.tls`: GKE managed and
 * pre-shared certificates, the AWS Load Balancer Controller's ACM certificate, and the Azure Application Gateway
 * controller's certificate. cert-manager's annotations are not among them: cert-manager issues for `spec.tls` hosts.
 */
const TLS_ANNOTATIONS = [
  'networking.gke.io/managed-certificates',
  'ingress.gcp.kubernetes.io/pre-shared-cert',
  'alb.ingress.kubernetes.io/certificate-arn',
  'appgw.ingress.kubernetes.io/appgw-ssl-certificate',
];

const ingress = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n${spec}`;
const RULES = '  rules:\n    - host: web.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: {name: web, port: {number: 80}}\n';

export default k8sRule({
  meta: {
    id: 'k8s/ingress-without-tls',
    target: 'k8s',
    title: 'Ingress without TLS',
    severity: 'warning',
    description:
      'Reports an Ingress with no `spec.tls` entry, unless a controller annotation attaches a certificate instead (GKE `networking.gke.io/managed-certificates` or `ingress.gcp.kubernetes.io/pre-shared-cert`, AWS `alb.ingress.kubernetes.io/certificate-arn`, Azure `appgw.ingress.kubernetes.io/appgw-ssl-certificate`).',
    rationale: 'Without TLS the traffic, including session cookies, tokens and form data, crosses the network in clear text and can be read or altered by anyone on the path.',
    remediation: 'Add a `tls` section with the hosts and a certificate Secret (cert-manager can issue and renew it).',
    references: [{ title: 'Kubernetes: Ingress, TLS', url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls' }],
    standards: { nsa: ['Network separation: encrypt traffic'] },
    messages: { noTls: 'Ingress `{{name}}` has no TLS configuration.' },
    equivalents: [],
    peerNotes: {
      'polaris:tlsSettingsMissing': 'looks at `spec.tls` only; we do not report an Ingress whose controller annotation attaches a certificate (GKE managed or pre-shared certificates, AWS ACM, Azure Application Gateway).',
    },
    examples: { bad: [ingress(RULES)], good: [ingress(`  tls:\n    - hosts: [web.example.com]\n      secretName: web-tls\n${RULES}`)] },
  },
  check({ file, object, report }) {
    if (object.kind !== 'Ingress' || !/^(networking\.k8s\.io|extensions)\//.test(object.apiVersion)) return;
    const spec = mapIn(object.node, ['spec'], object.doc);
    if ((seqIn(spec, ['tls'], object.doc)?.items.length ?? 0) > 0) return;
    const annotations = mapIn(object.node, ['metadata', 'annotations'], object.doc);
    if (TLS_ANNOTATIONS.some((key) => stringValue(annotations?.get(key, true), object.doc)?.trim())) return;
    report({ messageId: 'noTls', data: { name: object.name }, range: keyRange(file, spec, 'tls') ?? object.anchorRange });
  },
});
