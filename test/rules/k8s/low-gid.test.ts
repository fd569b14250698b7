import rule from '../../../server/src/rules/k8s/low-gid';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';
// Off by default: every case switches it on.
const on = <T extends { code: string }>(cases: T[], options?: Record<string, unknown>): T[] =>
  cases.map((c) => ({ ...c, config: { rules: { 'k8s/low-gid': options ? { severity: 'info', options } : 'info' } } }));

ruleTester(rule, {
  valid: [
    ...on(validEverywhere(`securityContext:\n  runAsGroup: 10001\n  fsGroup: 10001\n  supplementalGroups: [10002, 20000]\n${C}`)),
    // GID 0 belongs to k8s/root-group.
    ...on(validEverywhere(`securityContext:\n  runAsGroup: 0\n  fsGroup: 0\n${C}`)),
    ...on(validEverywhere(`securityContext:\n  runAsGroup: 1000\n${C}    securityContext:\n      runAsGroup: 20000\n`)),
    ...on(validEverywhere(`securityContext:\n  runAsGroup: 10000\n${C}`)),
    ...on(validEverywhere(C)),
  ],
  invalid: [
    ...on(invalidEverywhere('pod runAsGroup 1000', `securityContext:\n  runAsGroup: 1000\n${C}`, [{ messageId: 'runAsGroup', range: '2:15-2:19' }])),
    ...on(invalidEverywhere('container runAsGroup 999', `${C}    securityContext:\n      runAsGroup: 999\n`, [{ messageId: 'runAsGroup', range: '5:19-5:22', container: 'app' }])),
    ...on(invalidEverywhere('fsGroup and supplementalGroups', `securityContext:\n  fsGroup: 2000\n  supplementalGroups: [4, 10001]\n${C}`, [
      { messageId: 'fsGroup', range: '2:12-2:16' },
      { messageId: 'supplemental', range: '3:24-3:25' },
    ])),
    ...on(invalidEverywhere('init container', `initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext:\n      runAsGroup: 100\n${C}`, [{ messageId: 'runAsGroup', range: '5:19-5:22', container: 'init' }])),
    ...on([{ name: 'custom threshold', code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsGroup: 20000\n  containers:\n    - name: app\n      image: nginx:1.27.3\n`, errors: [{ messageId: 'runAsGroup', range: '7:17-7:22' }] }], { minGid: 50000 }),
  ],
});
