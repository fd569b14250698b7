import rule from '../../../server/src/rules/compose/restart-policy';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [web('    restart: unless-stopped\n'), web('    restart: on-failure:5\n'), web('    deploy:\n      restart_policy:\n        condition: on-failure\n')],
  invalid: [
    { code: web(''), errors: [{ messageId: 'missing', range: '2:3-2:6' }] },
    { code: web('    restart: "no"\n'), errors: [{ messageId: 'never', range: '4:14-4:18' }] },
    { code: web('    deploy:\n      replicas: 2\n'), errors: [{ messageId: 'missing', range: '2:3-2:6' }] },
  ],
});
