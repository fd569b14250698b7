import rule from '../../../server/src/rules/k8s/missing-security-context';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

const HARD = '{allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}';
ruleTester(rule, {
  valid: [
    ...validEverywhere(`securityContext:\n  runAsNonRoot: true\n${C}`),
    ...validEverywhere(`${C}    securityContext:\n      runAsNonRoot: true\n`),
    ...validEverywhere(`securityContext: {}\n${C}`),
  ],
  invalid: [
    ...invalidEverywhere('no context anywhere', C, [{ messageId: 'missing', range: '2:11-2:14', container: 'app' }], { suggestions: [`${C}    securityContext: ${HARD}\n`] }),
    ...invalidEverywhere('only the init container has one', `initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: {runAsNonRoot: true}\n${C}`, [{ messageId: 'missing', range: '6:11-6:14', container: 'app' }]),
    ...invalidEverywhere('flow container', 'containers: [{name: app, image: nginx:1.27.3}]\n', [{ messageId: 'missing', range: '1:21-1:24' }], {
      suggestions: [`containers: [{name: app, image: nginx:1.27.3, securityContext: ${HARD}}]\n`],
    }),
  ],
});
