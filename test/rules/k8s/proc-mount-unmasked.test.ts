import rule from '../../../server/src/rules/k8s/proc-mount-unmasked';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`${C}    securityContext:\n      procMount: Default\n`),
    ...validEverywhere(`securityContext:\n  procMount: Unmasked\n${C}`),
  ],
  invalid: [
    ...invalidEverywhere('block', `${C}    securityContext:\n      procMount: Unmasked\n`, [{ messageId: 'unmasked', range: '5:18-5:26', container: 'app' }], {
      suggestions: [`${C}    securityContext:\n      procMount: Default\n`],
    }),
    ...invalidEverywhere('flow', 'containers: [{name: app, image: nginx:1.27.3, securityContext: {procMount: Unmasked}}]\n', [{ messageId: 'unmasked', range: '1:76-1:84' }], {
      suggestions: ['containers: [{name: app, image: nginx:1.27.3, securityContext: {procMount: Default}}]\n'],
    }),
    ...invalidEverywhere('init container', `initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext:\n      procMount: "Unmasked"\n${C}`, [{ messageId: 'unmasked', range: '5:18-5:28', container: 'init' }], {
      suggestions: [`initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext:\n      procMount: Default\n${C}`],
    }),
  ],
});
