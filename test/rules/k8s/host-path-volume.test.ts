import rule from '../../../server/src/rules/k8s/host-path-volume';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}volumes:\n  - name: cache\n    emptyDir: {}\n`),
    ...validEverywhere(`${C}volumes:\n  - name: cfg\n    configMap: {name: cfg}\n`),
    ...validEverywhere(C),
  ],
  invalid: [
    ...invalidEverywhere('block', `${C}volumes:\n  - name: logs\n    hostPath:\n      path: /var/log\n`, [{ messageId: 'hostPath', range: '6:5-6:13' }]),
    ...invalidEverywhere('flow', `${C}volumes: [{name: data, hostPath: {path: /mnt/data, type: Directory}}]\n`, [{ messageId: 'hostPath', range: '4:24-4:32' }]),
    ...invalidEverywhere('second volume', `${C}volumes:\n  - name: a\n    emptyDir: {}\n  - hostPath: {path: /srv}\n    name: b\n`, [{ messageId: 'hostPath', range: '7:5-7:13' }]),
  ],
});
