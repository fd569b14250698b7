import rule from '../../../server/src/rules/k8s/added-capabilities';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

const caps = (list: string) => `${C}    securityContext:\n      capabilities:\n        add: ${list}\n`;
ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(caps('[NET_BIND_SERVICE]')),
    ...validEverywhere(caps('[SYS_ADMIN]')),
    { name: 'allowed by option', code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n      securityContext:\n        capabilities:\n          add: [CHOWN]\n`, config: { rules: { 'k8s/added-capabilities': { options: { allowed: ['CHOWN'] } } } } },
  ],
  invalid: [
    ...invalidEverywhere('CHOWN', caps('[CHOWN]'), [{ messageId: 'added', range: '6:15-6:20', container: 'app' }]),
    ...invalidEverywhere('two, one dangerous (other rule)', caps('[SETUID, SYS_ADMIN, KILL]'), [
      { messageId: 'added', range: '6:15-6:21' },
      { messageId: 'added', range: '6:34-6:38' },
    ]),
    ...invalidEverywhere('init container', `initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: {capabilities: {add: [CHOWN]}}\n${C}`, [{ messageId: 'added', range: '4:44-4:49', container: 'init' }]),
  ],
});
