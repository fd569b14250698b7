import rule from '../../../server/src/rules/k8s/service-external-ips';
import { ruleTester } from '../../support/ruleTester';

const service = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;

ruleTester(rule, {
  valid: [
    service('  ports: [{port: 80}]\n'),
    service('  externalIPs: []\n  ports: [{port: 80}]\n'),
    service('  type: LoadBalancer\n  loadBalancerIP: 203.0.113.10\n'),
  ],
  invalid: [
    { code: service('  externalIPs: [203.0.113.10]\n'), errors: [{ messageId: 'externalIPs', range: '6:3-6:14' }] },
    { code: service('  ports: [{port: 80}]\n  externalIPs:\n    - 198.51.100.7\n    - 198.51.100.8\n'), errors: [{ messageId: 'externalIPs', range: '7:3-7:14' }] },
    { code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {externalIPs: [10.0.0.1]}\n', errors: [{ messageId: 'externalIPs', range: '4:8-4:19' }] },
  ],
});
