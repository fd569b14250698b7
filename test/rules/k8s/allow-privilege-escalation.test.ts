import rule from '../../../server/src/rules/k8s/allow-privilege-escalation';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(`${C}    securityContext:\n      allowPrivilegeEscalation: false\n`),
    ...validEverywhere('containers:\n  - {name: app, image: nginx:1.27.3, securityContext: {allowPrivilegeEscalation: false}}\n'),
    ...validEverywhere(`initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: {allowPrivilegeEscalation: false}\n${C}    securityContext:\n      allowPrivilegeEscalation: false\n`),
    // Windows pods: the field is Linux-only and PSA exempts them.
    ...validEverywhere(`os:\n  name: windows\n${C}`),
    ...validEverywhere(`os: {name: windows}\n${C}    securityContext:\n      allowPrivilegeEscalation: true\n`),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n',
  ],
  invalid: [
    ...invalidEverywhere('unset, no securityContext', C, [{ messageId: 'unset', range: '2:11-2:14', container: 'app' }], {
      suggestions: [`${C}    securityContext:\n      allowPrivilegeEscalation: false\n`],
    }),
    ...invalidEverywhere('explicit true keeps its comment', `${C}    securityContext:\n      allowPrivilegeEscalation: true # legacy\n`, [{ messageId: 'allowed', range: '5:33-5:37' }], {
      suggestions: [`${C}    securityContext:\n      allowPrivilegeEscalation: false # legacy\n`],
    }),
    ...invalidEverywhere('flow style securityContext without the field', 'containers:\n  - {name: app, image: nginx:1.27.3, securityContext: {runAsNonRoot: true}}\n', [{ messageId: 'unset', range: '2:12-2:15' }], {
      suggestions: ['containers:\n  - {name: app, image: nginx:1.27.3, securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}}\n'],
    }),
    ...invalidEverywhere('a pod-level value does not exist for this field', `securityContext:\n  allowPrivilegeEscalation: false\n${C}`, [{ messageId: 'unset', range: '4:11-4:14' }], {
      suggestions: [`securityContext:\n  allowPrivilegeEscalation: false\n${C}    securityContext:\n      allowPrivilegeEscalation: false\n`],
    }),
    ...invalidEverywhere('a Linux pod is checked', `os:\n  name: linux\n${C}`, [{ messageId: 'unset', range: '4:11-4:14' }]),
    ...invalidEverywhere('init container checked too', `initContainers:\n  - name: init\n    image: busybox:1.36\n${C}    securityContext:\n      allowPrivilegeEscalation: false\n`, [{ messageId: 'unset', range: '2:11-2:15', container: 'init' }]),
  ],
});
