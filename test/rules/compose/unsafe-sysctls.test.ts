import rule from '../../../server/src/rules/compose/unsafe-sysctls';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    sysctls:\n      net.ipv4.ip_unprivileged_port_start: 80\n'),
    web('    sysctls:\n      - net.ipv4.tcp_keepalive_time=600\n'),
    web('    sysctls: {}\n'),
  ],
  invalid: [
    { code: web('    sysctls:\n      net.ipv4.ip_forward: 1\n'), errors: [{ messageId: 'unsafe', range: '5:7-5:26' }] },
    { code: web('    sysctls:\n      - kernel.shmmax=68719476736\n      - net.ipv4.tcp_syncookies=1\n'), errors: [{ messageId: 'unsafe', range: '5:9-5:34' }] },
    { code: web('    sysctls: {net.core.somaxconn: 1024, kernel/msgmax: 65536}\n'), errors: [{ messageId: 'unsafe', range: '4:15-4:33' }, { messageId: 'unsafe', range: '4:41-4:54' }] },
  ],
});
