import rule from '../../../server/src/rules/k8s/run-as-root';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`securityContext:\n  runAsNonRoot: true\n${C}`),
    ...validEverywhere(`securityContext:\n  runAsUser: 10001\n${C}`),
    ...validEverywhere(`${C}    securityContext: {runAsNonRoot: true}\n`),
    ...validEverywhere(`securityContext:\n  runAsNonRoot: false\n${C}    securityContext:\n      runAsNonRoot: true\n`),
    ...validEverywhere(`${C}    securityContext:\n      runAsUser: 0\n`),
  ],
  invalid: [
    ...invalidEverywhere('nothing set', C, [{ messageId: 'mayRunAsRoot', range: '2:11-2:14', container: 'app' }], {
      suggestions: [`${C}    securityContext:\n      runAsNonRoot: true\n`],
    }),
    ...invalidEverywhere('container overrides the pod with false', `securityContext:\n  runAsNonRoot: true\n${C}    securityContext:\n      runAsNonRoot: false\n`, [{ messageId: 'mayRunAsRoot', range: '4:11-4:14' }], {
      suggestions: [`securityContext:\n  runAsNonRoot: true\n${C}    securityContext:\n      runAsNonRoot: true\n`],
    }),
    ...invalidEverywhere('explicit null is unset', `securityContext:\n  runAsUser: null\n${C}`, [{ messageId: 'mayRunAsRoot', range: '4:11-4:14' }], {
      suggestions: [`securityContext:\n  runAsUser: null\n${C}    securityContext:\n      runAsNonRoot: true\n`],
    }),
    ...invalidEverywhere('ephemeral container', `${C}    securityContext: {runAsNonRoot: true}\nephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n`, [{ messageId: 'mayRunAsRoot', range: '6:11-6:16', container: 'debug' }]),
  ],
});
