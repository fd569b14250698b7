import rule from '../../../server/src/rules/k8s/host-users';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`hostUsers: false\n${C}`),
    ...validEverywhere(`${C}hostUsers: false\n`),
    // User namespaces cannot be combined with host namespaces; advising them would be wrong.
    ...validEverywhere(`hostNetwork: true\n${C}`),
    ...validEverywhere(`hostPID: true\n${C}`),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  hostUsers: "true"\n',
  ],
  invalid: [
    ...invalidEverywhere('explicit true', `hostUsers: true\n${C}`, [{ messageId: 'hostUsers', range: '1:12-1:16' }], { suggestions: [`hostUsers: false\n${C}`] }),
    ...invalidEverywhere('host namespace switched off', `hostNetwork: false\nhostUsers: true\n${C}`, [{ messageId: 'hostUsers', range: '2:12-2:16' }], {
      suggestions: [`hostNetwork: false\nhostUsers: false\n${C}`],
    }),
    {
      name: 'unset on a Pod: reported on its name',
      code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n`,
      errors: [{ messageId: 'hostUsers', range: '4:9-4:12' }],
      suggestions: [`apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n  hostUsers: false\n`],
    },
  ],
});
