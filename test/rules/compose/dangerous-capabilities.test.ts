import rule from '../../../server/src/rules/compose/dangerous-capabilities';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    cap_add: [NET_BIND_SERVICE]\n'),
    web('    cap_drop: [SYS_ADMIN]\n'),
    web('    cap_add:\n      - CHOWN\n'),
  ],
  invalid: [
    { code: web('    cap_add: [SYS_ADMIN, CHOWN]\n'), errors: [{ messageId: 'dangerous', range: '4:15-4:24' }] },
    { code: web('    cap_add:\n      - cap_net_admin\n      - ALL\n'), errors: [{ messageId: 'dangerous', range: '5:9-5:22' }, { messageId: 'dangerous', range: '6:9-6:12' }] },
    {
      name: 'inherited and own lists both count',
      code: 'services:\n  base:\n    image: x:1\n    cap_add: [SYS_PTRACE]\n  web:\n    extends: base\n    cap_add: [NET_RAW]\n',
      errors: [
        { messageId: 'dangerous', range: '4:15-4:25' },
        { messageId: 'dangerous', range: '4:15-4:25' },
        { messageId: 'dangerous', range: '7:15-7:22' },
      ],
    },
  ],
});
