import rule from '../../../server/src/rules/k8s/automount-service-account-token';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';
const sa = (extra: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n${extra}`;

ruleTester(rule, {
  valid: [
    ...validEverywhere(`automountServiceAccountToken: false\n${C}`),
    ...validEverywhere(`${C}automountServiceAccountToken: false\n`),
    sa('automountServiceAccountToken: false\n'),
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n',
  ],
  invalid: [
    ...invalidEverywhere('explicit true', `automountServiceAccountToken: true\n${C}`, [{ messageId: 'pod', range: '1:31-1:35' }], {
      suggestions: [`automountServiceAccountToken: false\n${C}`],
    }),
    {
      name: 'unset on a Deployment: reported on its name, inserted in the pod spec',
      code: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.3\n`,
      errors: [{ messageId: 'pod', range: '4:9-4:12' }],
      suggestions: [`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.3\n      automountServiceAccountToken: false\n`],
    },
    { code: sa(''), errors: [{ messageId: 'serviceAccount', range: '4:9-4:12' }], suggestions: [sa('automountServiceAccountToken: false\n')] },
    { code: sa('automountServiceAccountToken: true\n'), errors: [{ messageId: 'serviceAccount', range: '5:31-5:35' }], suggestions: [sa('automountServiceAccountToken: false\n')] },
  ],
});
