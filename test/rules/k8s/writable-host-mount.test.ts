import rule from '../../../server/src/rules/k8s/writable-host-mount';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

const HP = 'volumes:\n  - name: logs\n    hostPath:\n      path: /var/log\n';
ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}    volumeMounts:\n      - name: logs\n        mountPath: /host/logs\n        readOnly: true\n${HP}`),
    ...validEverywhere(`${C}    volumeMounts:\n      - {name: cache, mountPath: /cache}\nvolumes:\n  - name: cache\n    emptyDir: {}\n`),
    ...validEverywhere(`${C}${HP}`),
  ],
  invalid: [
    ...invalidEverywhere('block mount', `${C}    volumeMounts:\n      - name: logs\n        mountPath: /host/logs\n${HP}`, [{ messageId: 'writable', range: '6:20-6:30', container: 'app' }], {
      suggestions: [`${C}    volumeMounts:\n      - name: logs\n        mountPath: /host/logs\n        readOnly: true\n${HP}`],
    }),
    ...invalidEverywhere('flow mount, readOnly false', `${C}    volumeMounts: [{name: logs, mountPath: /host/logs, readOnly: false}]\n${HP}`, [{ messageId: 'writable', range: '4:44-4:54' }], {
      suggestions: [`${C}    volumeMounts: [{name: logs, mountPath: /host/logs, readOnly: true}]\n${HP}`],
    }),
    ...invalidEverywhere('init container', `initContainers:\n  - name: init\n    image: busybox:1.36\n    volumeMounts: [{name: logs, mountPath: /l}]\n${C}${HP}`, [{ messageId: 'writable', range: '4:44-4:46', container: 'init' }], {
      suggestions: [`initContainers:\n  - name: init\n    image: busybox:1.36\n    volumeMounts: [{name: logs, mountPath: /l, readOnly: true}]\n${C}${HP}`],
    }),
  ],
});
