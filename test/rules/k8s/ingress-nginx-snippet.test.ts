import rule from '../../../server/src/rules/k8s/ingress-nginx-snippet';
import { ruleTester } from '../../support/ruleTester';

const ingress = (annotations: string, kind = 'Ingress') =>
  `apiVersion: networking.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: web\n  annotations:\n${annotations}spec:\n  rules:\n    - host: web.example.com\n`;

ruleTester(rule, {
  valid: [
    ingress('    nginx.ingress.kubernetes.io/ssl-redirect: "true"\n'),
    ingress('    nginx.ingress.kubernetes.io/rewrite-target: /\n    cert-manager.io/cluster-issuer: letsencrypt\n'),
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - host: web.example.com\n',
    // Only Ingress objects feed the controller's configuration.
    ingress('    nginx.ingress.kubernetes.io/server-snippet: "return 200;"\n', 'IngressClass'),
  ],
  invalid: [
    {
      code: ingress('    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers "X-Frame-Options: DENY";\n'),
      errors: [{ messageId: 'snippet', range: '6:5-6:54' }],
    },
    {
      code: ingress('    nginx.ingress.kubernetes.io/ssl-redirect: "true"\n    nginx.ingress.kubernetes.io/server-snippet: "location /x { alias /etc/; }"\n'),
      errors: [{ messageId: 'snippet', range: '7:5-7:47' }],
    },
    {
      name: 'auth snippet and another controller\'s snippet key',
      code: ingress('    nginx.ingress.kubernetes.io/auth-snippet: "x"\n    nginx.org/server-snippets: "y"\n'),
      errors: [{ messageId: 'snippet', range: '6:5-6:45' }, { messageId: 'snippet', range: '7:5-7:30' }],
    },
  ],
});
