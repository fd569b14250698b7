import rule from '../../../server/src/rules/k8s/ingress-without-tls';
import { ruleTester } from '../../support/ruleTester';

const ingress = (spec: string, apiVersion = 'networking.k8s.io/v1') => `apiVersion: ${apiVersion}\nkind: Ingress\nmetadata:\n  name: web\nspec:\n${spec}`;
const RULES = '  rules:\n    - host: web.example.com\n      http:\n        paths:\n          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n';

ruleTester(rule, {
  valid: [
    ingress(`  tls:\n    - hosts: [web.example.com]\n      secretName: web-tls\n${RULES}`),
    ingress(`  tls: [{hosts: [web.example.com], secretName: web-tls}]\n${RULES}`, 'extensions/v1beta1'),
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: g\nspec:\n  gatewayClassName: x\n  listeners: []\n',
  ],
  invalid: [
    { code: ingress(RULES), errors: [{ messageId: 'noTls', range: '4:9-4:12' }] },
    { code: ingress(`  tls: []\n${RULES}`), errors: [{ messageId: 'noTls', range: '6:3-6:6' }] },
    { code: ingress(RULES, 'networking.k8s.io/v1beta1'), errors: [{ messageId: 'noTls', range: '4:9-4:12' }] },
  ],
});
