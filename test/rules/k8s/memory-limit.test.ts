import rule from '../../../server/src/rules/k8s/memory-limit';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}    resources:\n      limits:\n        memory: "1"\n`),
    ...validEverywhere('containers:\n  - {name: app, image: nginx:1.27.3, resources: {limits: {memory: 1}}}\n'),
    ...validEverywhere(`${C}    resources: {limits: {memory: 1}}\nephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n`),
  ],
  invalid: [
    ...invalidEverywhere('no resources', C, [{ messageId: 'missing', range: '2:11-2:14', container: 'app' }], {
      suggestions: [`${C}    resources:\n      limits:\n        memory: 512Mi\n`],
    }),
    ...invalidEverywhere('only the other resource set, flow', `${C}    resources: {limits: {cpu: 1}}\n`, [{ messageId: 'missing', range: '2:11-2:14' }], {
      suggestions: [`${C}    resources: {limits: {cpu: 1, memory: 512Mi}}\n`],
    }),
    ...invalidEverywhere('empty flow resources', `${C}    resources: {}\n`, [{ messageId: 'missing', range: '2:11-2:14' }], {
      suggestions: [`${C}    resources: {limits: {memory: 512Mi}}\n`],
    }),
    ...invalidEverywhere('init container', `initContainers:\n  - name: init\n    image: busybox:1.36\n${C}    resources: {limits: {memory: 1}}\n`, [{ messageId: 'missing', range: '2:11-2:15', container: 'init' }]),
  ],
});
