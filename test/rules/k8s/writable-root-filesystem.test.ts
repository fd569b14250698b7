import rule from '../../../server/src/rules/k8s/writable-root-filesystem';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}    securityContext:\n      readOnlyRootFilesystem: true\n`),
    ...validEverywhere('containers:\n  - {name: app, image: nginx:1.27.3, securityContext: {readOnlyRootFilesystem: true}}\n'),
    ...validEverywhere(`initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: {readOnlyRootFilesystem: true}\n${C}    securityContext: {readOnlyRootFilesystem: true}\n`),
  ],
  invalid: [
    ...invalidEverywhere('unset', C, [{ messageId: 'writable', range: '2:11-2:14', container: 'app' }], { suggestions: [`${C}    securityContext:\n      readOnlyRootFilesystem: true\n`] }),
    ...invalidEverywhere('false, quoted key order kept', `${C}    securityContext:\n      readOnlyRootFilesystem: false\n      runAsNonRoot: true\n`, [{ messageId: 'writable', range: '5:31-5:36' }], {
      suggestions: [`${C}    securityContext:\n      readOnlyRootFilesystem: true\n      runAsNonRoot: true\n`],
    }),
    ...invalidEverywhere('empty securityContext key', `${C}    securityContext:\n`, [{ messageId: 'writable', range: '2:11-2:14' }], {
      suggestions: [`${C}    securityContext:\n      readOnlyRootFilesystem: true\n`],
    }),
  ],
});
