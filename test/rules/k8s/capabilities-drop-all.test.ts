import rule from '../../../server/src/rules/k8s/capabilities-drop-all';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}    securityContext:\n      capabilities:\n        drop: [ALL]\n`),
    ...validEverywhere(`${C}    securityContext:\n      capabilities:\n        drop:\n          - all\n`),
    ...validEverywhere('containers: [{name: app, image: nginx:1.27.3, securityContext: {capabilities: {drop: ["ALL"]}}}]\n'),
  ],
  invalid: [
    ...invalidEverywhere('no securityContext', C, [{ messageId: 'notDropped', range: '2:11-2:14', container: 'app' }], {
      suggestions: [`${C}    securityContext:\n      capabilities:\n        drop: [ALL]\n`],
    }),
    ...invalidEverywhere('drop list without ALL, block', `${C}    securityContext:\n      capabilities:\n        drop:\n          - NET_RAW # spoofing\n`, [{ messageId: 'notDropped', range: '7:11-7:31' }], {
      suggestions: [`${C}    securityContext:\n      capabilities:\n        drop:\n          - NET_RAW # spoofing\n          - ALL\n`],
    }),
    ...invalidEverywhere('drop list without ALL, flow', `${C}    securityContext:\n      capabilities: {drop: [NET_RAW]}\n`, [{ messageId: 'notDropped', range: '5:28-5:37' }], {
      suggestions: [`${C}    securityContext:\n      capabilities: {drop: [NET_RAW, ALL]}\n`],
    }),
    ...invalidEverywhere('capabilities without drop', `${C}    securityContext:\n      runAsNonRoot: true\n      capabilities:\n        add: [NET_BIND_SERVICE]\n`, [{ messageId: 'notDropped', range: '2:11-2:14' }], {
      suggestions: [`${C}    securityContext:\n      runAsNonRoot: true\n      capabilities:\n        add: [NET_BIND_SERVICE]\n        drop: [ALL]\n`],
    }),
  ],
});
