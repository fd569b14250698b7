import rule from '../../../server/src/rules/k8s/default-service-account';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere, workloadVariants } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`serviceAccountName: web\n${C}`),
    ...validEverywhere(`serviceAccount: legacy\n${C}`),
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n',
  ],
  invalid: [
    ...invalidEverywhere('explicit default', `serviceAccountName: default\n${C}`, [{ messageId: 'explicit', range: '1:21-1:28' }]),
    // A missing field belongs to the whole pod: reported on the object's metadata.name, line 4 in every variant.
    ...workloadVariants(C).map((v) => ({ name: `${v.kind}: unset`, code: v.code, errors: [{ messageId: 'unset', range: '4:9-4:12' }] })),
    ...workloadVariants(`serviceAccountName: ""\n${C}`).map((v) => ({ name: `${v.kind}: empty`, code: v.code, errors: [{ messageId: 'unset', range: '4:9-4:12' }] })),
  ],
});
