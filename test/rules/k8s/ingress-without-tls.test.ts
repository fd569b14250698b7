import rule from '../../../server/src/rules/k8s/ingress-without-tls';
import { ruleTester } from '../../support/ruleTester';

const ingress = (spec: string, apiVersion = 'networking.k8s.io/v1', annotations = '') =>
  `apiVersion: ${apiVersion}\nkind: Ingress\nmetadata:\n  name: web\n${annotations ? `  annotations:\n${annotations}` : ''}spec:\n${spec}`;
const RULES = '  rules:\n    - host: web.example.com\n      http:\n        paths:\n          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n';

ruleTester(rule, {
  valid: [
    ingress(`  tls:\n    - hosts: [web.example.com]\n      secretName: web-tls\n${RULES}`),
    ingress(`  tls: [{hosts: [web.example.com], secretName: web-tls}]\n${RULES}`, 'extensions/v1beta1'),
    // A controller annotation attaches the certificate (corpus: GKE elastic-stack tutorial).
    ingress(RULES, undefined, '    networking.gke.io/managed-certificates: elastic-stack\n    kubernetes.io/ingress.class: gce\n'),
    ingress(RULES, undefined, '    ingress.gcp.kubernetes.io/pre-shared-cert: "web-cert"\n'),
    ingress(RULES, undefined, '    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/abc\n'),
    ingress(RULES, undefined, '    appgw.ingress.kubernetes.io/appgw-ssl-certificate: web-cert\n'),
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  gatewayClassName: x\n  listeners: []\n',
  ],
  invalid: [
    { code: ingress(RULES), errors: [{ messageId: 'noTls', range: '4:9-4:12' }] },
    { code: ingress(`  tls: []\n${RULES}`), errors: [{ messageId: 'noTls', range: '6:3-6:6' }] },
    { code: ingress(RULES, 'networking.k8s.io/v1beta1'), errors: [{ messageId: 'noTls', range: '4:9-4:12' }] },
    { name: 'cert-manager issues only for spec.tls hosts', code: ingress(RULES, undefined, '    cert-manager.io/cluster-issuer: letsencrypt\n'), errors: [{ messageId: 'noTls', range: '4:9-4:12' }] },
    { name: 'an empty certificate annotation', code: ingress(RULES, undefined, '    networking.gke.io/managed-certificates: ""\n'), errors: [{ messageId: 'noTls', range: '4:9-4:12' }] },
  ],
});
