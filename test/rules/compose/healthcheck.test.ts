import rule from '../../../server/src/rules/compose/healthcheck';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n'),
    web('    healthcheck:\n      test: curl -f http://localhost/ || exit 1\n      disable: false\n'),
    'x-hc: &hc\n  healthcheck:\n    test: ["CMD", "true"]\nservices:\n  web:\n    <<: *hc\n    image: x:1\n',
  ],
  invalid: [
    { code: web(''), errors: [{ messageId: 'missing', range: '2:3-2:6' }] },
    { code: web('    healthcheck:\n      disable: true\n'), errors: [{ messageId: 'disabled', range: '5:16-5:20' }] },
    { code: web('    healthcheck:\n      test: ["NONE"]\n'), errors: [{ messageId: 'disabled', range: '5:13-5:21' }] },
  ],
});
