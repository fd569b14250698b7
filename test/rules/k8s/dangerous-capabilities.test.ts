import rule from '../../../server/src/rules/k8s/dangerous-capabilities';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

const caps = (list: string) => `${C}    securityContext:\n      capabilities:\n        add: ${list}\n`;
ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(caps('[NET_BIND_SERVICE]')),
    ...validEverywhere(`${C}    securityContext:\n      capabilities:\n        drop: [SYS_ADMIN]\n`),
  ],
  invalid: [
    ...invalidEverywhere('flow list, removal keeps the others', caps('[NET_BIND_SERVICE, SYS_ADMIN]'), [{ messageId: 'dangerous', range: '6:33-6:42', container: 'app' }], {
      suggestions: [caps('[NET_BIND_SERVICE]')],
    }),
    ...invalidEverywhere('block list, CAP_ prefix and lower case', `${C}    securityContext:\n      capabilities:\n        add:\n          - CAP_SYS_PTRACE\n          - net_raw\n`, [
      { messageId: 'dangerous', range: '7:13-7:27' },
      { messageId: 'dangerous', range: '8:13-8:20' },
    ], {
      suggestions: [`${C}    securityContext:\n      capabilities:\n        add:\n          - net_raw\n`, `${C}    securityContext:\n      capabilities:\n        add:\n          - CAP_SYS_PTRACE\n`],
    }),
    ...invalidEverywhere('ALL alone becomes an empty list', caps('[ALL]'), [{ messageId: 'dangerous', range: '6:15-6:18' }], { suggestions: [caps('[]')] }),
  ],
});
