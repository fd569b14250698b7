import rule from '../../../server/src/rules/compose/host-namespaces';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    network_mode: bridge\n'),
    web('    pid: "service:app"\n    ipc: shareable\n'),
    web('    network_mode: ${MODE:-bridge}\n'),
    web('    userns_mode: "keep-id"\n'),
  ],
  invalid: [
    { code: web('    network_mode: host\n'), errors: [{ messageId: 'network', range: '4:19-4:23' }] },
    { code: web('    pid: host\n    ipc: host\n'), errors: [{ messageId: 'pid', range: '4:10-4:14' }, { messageId: 'ipc', range: '5:10-5:14' }] },
    { code: web('    userns_mode: "host"\n'), errors: [{ messageId: 'userns', range: '4:18-4:24' }] },
    { name: 'from the .env default', code: web('    network_mode: ${NET_MODE:-host}\n'), errors: [{ messageId: 'network', range: '4:19-4:36' }] },
  ],
});
