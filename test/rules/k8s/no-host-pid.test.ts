import rule from '../../../server/src/rules/k8s/no-host-pid';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`hostPID: false\n${C}`),
    ...validEverywhere(`${C}    env: [{name: hostPID, value: "true"}]\n`),
  ],
  invalid: [
    ...invalidEverywhere('true with a comment', `hostPID: true # node agent\n${C}`, [{ messageId: 'shared', range: '1:10-1:14' }], { suggestions: [`hostPID: false # node agent\n${C}`] }),
    ...invalidEverywhere('after the containers', `${C}hostPID: true\n`, [{ messageId: 'shared', range: '4:10-4:14' }], { suggestions: [`${C}hostPID: false\n`] }),
    ...invalidEverywhere('quoted key', `"hostPID": true\n${C}`, [{ messageId: 'shared', range: '1:12-1:16' }], { suggestions: [`"hostPID": false\n${C}`] }),
  ],
});
