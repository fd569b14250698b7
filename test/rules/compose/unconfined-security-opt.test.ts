import rule from '../../../server/src/rules/compose/unconfined-security-opt';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    security_opt: [no-new-privileges:true]\n'),
    web('    security_opt:\n      - seccomp:./profile.json\n      - apparmor:docker-default\n'),
    web('    security_opt: ["label:type:container_t"]\n'),
  ],
  invalid: [
    { code: web('    security_opt:\n      - seccomp:unconfined\n'), errors: [{ messageId: 'seccomp', range: '5:9-5:27' }] },
    { code: web('    security_opt: [seccomp=unconfined, "apparmor:unconfined"]\n'), errors: [{ messageId: 'seccomp', range: '4:20-4:38' }, { messageId: 'apparmor', range: '4:40-4:61' }] },
    { code: web('    security_opt:\n      - label=disable\n'), errors: [{ messageId: 'label', range: '5:9-5:22' }] },
  ],
});
