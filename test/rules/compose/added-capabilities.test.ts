import rule from '../../../server/src/rules/compose/added-capabilities';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    cap_add: [NET_BIND_SERVICE]\n'),
    web('    cap_add: [SYS_ADMIN]\n'),
    web('    cap_drop: [ALL]\n'),
    { name: 'allowed by option', code: web('    cap_add: [CHOWN]\n'), config: { rules: { 'compose/added-capabilities': { options: { allowed: ['chown'] } } } } },
  ],
  invalid: [
    { code: web('    cap_add: [CHOWN, NET_BIND_SERVICE]\n'), errors: [{ messageId: 'added', range: '4:15-4:20' }] },
    { code: web('    cap_add:\n      - CAP_SETUID\n      - SETGID\n'), errors: [{ messageId: 'added', range: '5:9-5:19' }, { messageId: 'added', range: '6:9-6:15' }] },
    { code: 'x-caps: &caps [FOWNER]\nservices:\n  web:\n    image: x:1\n    cap_add: *caps\n', errors: [{ messageId: 'added', range: '1:16-1:22' }] },
  ],
});
