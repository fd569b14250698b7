import rule from '../../../server/src/rules/k8s/windows-host-process';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`securityContext:\n  windowsOptions: {hostProcess: false}\n${C}`),
    ...validEverywhere(`securityContext:\n  windowsOptions: {hostProcess: true}\n${C}    securityContext:\n      windowsOptions: {hostProcess: false}\n`),
  ],
  invalid: [
    ...invalidEverywhere('pod level', `securityContext:\n  windowsOptions:\n    hostProcess: true\nhostNetwork: true\n${C}`, [{ messageId: 'hostProcess', range: '3:18-3:22' }]),
    ...invalidEverywhere('container level', `${C}    securityContext:\n      windowsOptions: {hostProcess: true}\n`, [{ messageId: 'hostProcess', range: '5:37-5:41', container: 'app' }]),
    ...invalidEverywhere('pod level once for two containers', `securityContext: {windowsOptions: {hostProcess: true}}\n${C}  - name: side\n    image: busybox:1.36\n`, [{ messageId: 'hostProcess', range: '1:49-1:53' }]),
  ],
});
