import rule from '../../../server/src/rules/k8s/seccomp-unset';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n${C}`),
    ...validEverywhere(`${C}    securityContext:\n      seccompProfile: {type: Localhost, localhostProfile: p.json}\n`),
    ...validEverywhere(`securityContext:\n  seccompProfile:\n    type: Unconfined\n${C}`),
  ],
  invalid: [
    ...invalidEverywhere('unset', C, [{ messageId: 'unset', range: '2:11-2:14', container: 'app' }], {
      suggestions: [`${C}    securityContext:\n      seccompProfile:\n        type: RuntimeDefault\n`],
    }),
    ...invalidEverywhere('profile without type at the pod level', `securityContext:\n  seccompProfile: {}\n${C}`, [{ messageId: 'unset', range: '4:11-4:14' }]),
    ...invalidEverywhere('second container lacks it, pod level absent', `${C}    securityContext: {seccompProfile: {type: RuntimeDefault}}\n  - name: side\n    image: busybox:1.36\n    securityContext: {runAsNonRoot: true}\n`, [{ messageId: 'unset', range: '5:11-5:15', container: 'side' }], {
      suggestions: [`${C}    securityContext: {seccompProfile: {type: RuntimeDefault}}\n  - name: side\n    image: busybox:1.36\n    securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n`],
    }),
  ],
});
