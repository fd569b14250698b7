import rule from '../../../server/src/rules/k8s/run-as-user-zero';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`securityContext:\n  runAsUser: 0\n${C}    securityContext:\n      runAsUser: 10001\n`),
    ...validEverywhere(`securityContext:\n  runAsUser: 1000\n${C}`),
  ],
  invalid: [
    ...invalidEverywhere('pod level', `securityContext:\n  runAsUser: 0\n${C}`, [{ messageId: 'rootUser', range: '2:14-2:15', container: 'app' }]),
    ...invalidEverywhere('container level', `${C}    securityContext:\n      runAsUser: 0\n`, [{ messageId: 'rootUser', range: '5:18-5:19' }]),
    ...invalidEverywhere('flow style', 'containers: [{name: app, image: nginx:1.27.3, securityContext: {runAsUser: 0}}]\n', [{ messageId: 'rootUser', range: '1:76-1:77' }]),
  ],
});
