import rule from '../../../server/src/rules/k8s/unsafe-sysctls';
import { ruleTester } from '../../support/ruleTester';
import { invalidEverywhere, validEverywhere } from '../../support/workloads';

const C = 'containers:\n  - name: app\n    image: nginx:1.27.3\n';

ruleTester(rule, {
  valid: [
    ...validEverywhere(C),
    ...validEverywhere(`securityContext:\n  sysctls:\n    - {name: net.ipv4.tcp_syncookies, value: "1"}\n    - {name: net/ipv4/ip_unprivileged_port_start, value: "0"}\n${C}`),
    ...validEverywhere(`securityContext:\n  sysctls: []\n${C}`),
  ],
  invalid: [
    ...invalidEverywhere('kernel.msgmax', `securityContext:\n  sysctls:\n    - name: kernel.msgmax\n      value: "65536"\n${C}`, [{ messageId: 'unsafe', range: '3:13-3:26' }]),
    ...invalidEverywhere('one of two', `securityContext:\n  sysctls:\n    - {name: net.ipv4.tcp_syncookies, value: "1"}\n    - {name: net.core.somaxconn, value: "1024"}\n${C}`, [{ messageId: 'unsafe', range: '4:14-4:32' }]),
    ...invalidEverywhere('vm sysctl', `securityContext: {sysctls: [{name: vm.max_map_count, value: "262144"}]}\n${C}`, [{ messageId: 'unsafe', range: '1:36-1:52' }]),
  ],
});
