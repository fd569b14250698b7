import rule from '../../../server/src/rules/k8s/seccomp-unconfined';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`securityContext:\n  seccompProfile:\n    type: Unconfined\n${C}    securityContext:\n      seccompProfile: {type: RuntimeDefault}\n`),
    ...validEverywhere(C, 'annotations:\n  seccomp.security.alpha.kubernetes.io/pod: runtime/default\n'),
  ],
  invalid: [
    ...invalidEverywhere('pod level', `securityContext:\n  seccompProfile:\n    type: Unconfined\n${C}`, [{ messageId: 'unconfined', range: '3:11-3:21' }], {
      suggestions: [`securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n${C}`],
    }),
    ...invalidEverywhere('container level', `${C}    securityContext:\n      seccompProfile: {type: Unconfined}\n`, [{ messageId: 'unconfined', range: '5:30-5:40', container: 'app' }], {
      suggestions: [`${C}    securityContext:\n      seccompProfile: {type: RuntimeDefault}\n`],
    }),
    ...invalidEverywhere('legacy annotation', C, [{ messageId: 'unconfined', range: '2:45-2:55', inMetadata: true }], {
      metadata: 'annotations:\n  seccomp.security.alpha.kubernetes.io/pod: unconfined\n',
      suggestions: [C],
      suggestionsMetadata: ['annotations:\n  seccomp.security.alpha.kubernetes.io/pod: runtime/default\n'],
    }),
  ],
});
