import rule from '../../../server/src/rules/k8s/no-host-network';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`hostNetwork: false\n${C}`),
    ...validEverywhere(`${C}    env: [{name: hostNetwork, value: "true"}]\n`),
  ],
  invalid: [
    ...invalidEverywhere('true with a comment', `hostNetwork: true # node agent\n${C}`, [{ messageId: 'shared', range: '1:14-1:18' }], { suggestions: [`hostNetwork: false # node agent\n${C}`] }),
    ...invalidEverywhere('after the containers', `${C}hostNetwork: true\n`, [{ messageId: 'shared', range: '4:14-4:18' }], { suggestions: [`${C}hostNetwork: false\n`] }),
    ...invalidEverywhere('quoted key', `"hostNetwork": true\n${C}`, [{ messageId: 'shared', range: '1:16-1:20' }], { suggestions: [`"hostNetwork": false\n${C}`] }),
  ],
});
