import rule from '../../../server/src/rules/k8s/low-uid';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`securityContext:\n  runAsUser: 10001\n${C}`),
    ...validEverywhere(`securityContext:\n  runAsUser: 0\n${C}`),
    ...validEverywhere(`securityContext:\n  runAsUser: 1000\n${C}    securityContext:\n      runAsUser: 20000\n`),
  ],
  invalid: [
    ...invalidEverywhere('pod level 1000', `securityContext:\n  runAsUser: 1000\n${C}`, [{ messageId: 'lowUid', range: '2:14-2:18' }]),
    ...invalidEverywhere('container level 999', `${C}    securityContext:\n      runAsUser: 999\n`, [{ messageId: 'lowUid', range: '5:18-5:21' }]),
    { name: 'custom threshold', code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsUser: 20000\n  containers:\n    - name: app\n      image: nginx:1.27.3\n`, config: { rules: { 'k8s/low-uid': { severity: 'info', options: { minUid: 50000 } } } }, errors: [{ messageId: 'lowUid', range: '7:16-7:21' }] },
  ],
});
