import rule from '../../../server/src/rules/k8s/apparmor-override';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`securityContext:\n  appArmorProfile: {type: RuntimeDefault}\n${C}    securityContext:\n      appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}\n`),
    ...validEverywhere(C, 'annotations:\n  container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-nginx\n'),
  ],
  invalid: [
    ...invalidEverywhere('pod level Unconfined', `securityContext:\n  appArmorProfile:\n    type: Unconfined\n${C}`, [{ messageId: 'overridden', range: '3:11-3:21' }]),
    ...invalidEverywhere('container level', `${C}    securityContext:\n      appArmorProfile: {type: Unconfined}\n`, [{ messageId: 'overridden', range: '5:31-5:41', container: 'app' }]),
    ...invalidEverywhere('annotation', C, [{ messageId: 'overridden', range: '2:55-2:65', inMetadata: true }], {
      metadata: 'annotations:\n  container.apparmor.security.beta.kubernetes.io/app: unconfined\n',
    }),
  ],
});
