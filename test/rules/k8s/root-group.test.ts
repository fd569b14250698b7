import rule from '../../../server/src/rules/k8s/root-group';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`securityContext:\n  runAsGroup: 10001\n  fsGroup: 10001\n  supplementalGroups: [10001]\n${C}`),
    ...validEverywhere(`securityContext:\n  runAsGroup: 0\n${C}    securityContext:\n      runAsGroup: 10001\n`),
  ],
  invalid: [
    ...invalidEverywhere('pod runAsGroup reported once for two containers', `securityContext:\n  runAsGroup: 0\n${C}  - name: side\n    image: busybox:1.36\n`, [{ messageId: 'runAsGroup', range: '2:15-2:16' }]),
    ...invalidEverywhere('fsGroup and supplementalGroups', `securityContext:\n  fsGroup: 0\n  supplementalGroups: [1000, 0]\n${C}`, [
      { messageId: 'fsGroup', range: '2:12-2:13' },
      { messageId: 'supplemental', range: '3:30-3:31' },
    ]),
    ...invalidEverywhere('container runAsGroup', `${C}    securityContext:\n      runAsGroup: 0\n`, [{ messageId: 'runAsGroup', range: '5:19-5:20', container: 'app' }]),
  ],
});
