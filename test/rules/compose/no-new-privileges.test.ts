import rule from '../../../server/src/rules/compose/no-new-privileges';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    security_opt: [no-new-privileges:true]\n'),
    web('    security_opt:\n      - no-new-privileges\n'),
    web('    security_opt: ["no-new-privileges=true", "seccomp:default.json"]\n'),
    'x-sec: &sec\n  security_opt: [no-new-privileges:true]\nservices:\n  web:\n    <<: *sec\n    image: x:1\n',
  ],
  invalid: [
    { code: web(''), errors: [{ messageId: 'missing', range: '2:3-2:6' }], suggestions: [web('    security_opt: [no-new-privileges:true]\n')] },
    {
      code: web('    security_opt:\n      - apparmor:docker-default\n'),
      errors: [{ messageId: 'missing', range: '5:7-5:32' }],
      suggestions: [web('    security_opt:\n      - apparmor:docker-default\n      - no-new-privileges:true\n')],
    },
    { code: web('    security_opt: [no-new-privileges:false]\n'), errors: [{ messageId: 'disabled', range: '4:20-4:43' }] },
  ],
});
