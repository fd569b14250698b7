import rule from '../../../server/src/rules/k8s/no-host-ipc';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`hostIPC: false\n${C}`),
    ...validEverywhere(`${C}    env: [{name: hostIPC, value: "true"}]\n`),
  ],
  invalid: [
    ...invalidEverywhere('true with a comment', `hostIPC: true # node agent\n${C}`, [{ messageId: 'shared', range: '1:10-1:14' }], { suggestions: [`hostIPC: false # node agent\n${C}`] }),
    ...invalidEverywhere('after the containers', `${C}hostIPC: true\n`, [{ messageId: 'shared', range: '4:10-4:14' }], { suggestions: [`${C}hostIPC: false\n`] }),
    ...invalidEverywhere('quoted key', `"hostIPC": true\n${C}`, [{ messageId: 'shared', range: '1:12-1:16' }], { suggestions: [`"hostIPC": false\n${C}`] }),
  ],
});
