import rule from '../../../server/src/rules/k8s/host-aliases';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`dnsConfig:\n  nameservers: [10.0.0.10]\n${C}`),
    ...validEverywhere(`${C}    env: [{name: hostAliases, value: x}]\n`),
  ],
  invalid: [
    ...invalidEverywhere('block', `hostAliases:\n  - ip: 10.0.0.1\n    hostnames: [api.example.com]\n${C}`, [{ messageId: 'hostAliases', range: '1:1-1:12' }]),
    ...invalidEverywhere('after containers', `${C}hostAliases: [{ip: 127.0.0.1, hostnames: [foo.local]}]\n`, [{ messageId: 'hostAliases', range: '4:1-4:12' }]),
    ...invalidEverywhere('empty list still written', `hostAliases: []\n${C}`, [{ messageId: 'hostAliases', range: '1:1-1:12' }]),
  ],
});
