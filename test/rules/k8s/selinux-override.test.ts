import rule from '../../../server/src/rules/k8s/selinux-override';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`securityContext:\n  seLinuxOptions:\n    level: "s0:c123,c456"\n${C}`),
    ...validEverywhere(`securityContext:\n  seLinuxOptions: {type: container_init_t, level: "s0:c1,c2"}\n${C}    securityContext:\n      seLinuxOptions: {type: container_t}\n`),
    ...validEverywhere(`securityContext:\n  seLinuxOptions: {user: "", role: ""}\n${C}`),
  ],
  invalid: [
    ...invalidEverywhere('pod type spc_t', `securityContext:\n  seLinuxOptions:\n    type: spc_t\n${C}`, [{ messageId: 'type', range: '3:11-3:16' }]),
    ...invalidEverywhere('container user and role', `${C}    securityContext:\n      seLinuxOptions: {user: system_u, role: sysadm_r}\n`, [
      { messageId: 'userRole', range: '5:30-5:38', container: 'app' },
      { messageId: 'userRole', range: '5:46-5:54', container: 'app' },
    ]),
    ...invalidEverywhere('pod type reported even when the container sets its own options', `securityContext:\n  seLinuxOptions: {type: spc_t}\n${C}    securityContext:\n      seLinuxOptions: {type: container_t}\n`, [{ messageId: 'type', range: '2:26-2:31' }]),
    ...invalidEverywhere('pod user and role reported even when the container sets its own options', `securityContext:\n  seLinuxOptions: {user: system_u, role: system_r}\n${C}    securityContext:\n      seLinuxOptions: {level: "s0:c1,c2"}\n`, [
      { messageId: 'userRole', range: '2:26-2:34' },
      { messageId: 'userRole', range: '2:42-2:50' },
    ]),
    ...invalidEverywhere('init container role', `initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext:\n      seLinuxOptions: {role: sysadm_r}\n${C}`, [{ messageId: 'userRole', range: '5:30-5:38', container: 'init' }]),
    ...invalidEverywhere('pod value reported once for two containers', `securityContext:\n  seLinuxOptions: {type: unconfined_t}\n${C}  - name: side\n    image: busybox:1.36\n`, [{ messageId: 'type', range: '2:26-2:38' }]),
  ],
});
