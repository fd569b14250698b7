import rule from '../../../server/src/rules/compose/networks';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [web('    networks: [frontend]\n'), web('    networks:\n      backend:\n        aliases: [api]\n'), web('    network_mode: "service:vpn"\n')],
  invalid: [
    { code: web(''), errors: [{ messageId: 'defaultNetwork', range: '2:3-2:6' }] },
    { code: 'services:\n  a:\n    image: x:1\n  b:\n    image: y:1\n    networks: [n]\n', errors: [{ messageId: 'defaultNetwork', range: '2:3-2:4' }] },
    { code: 'services:\n  web: {image: x}\n', errors: [{ messageId: 'defaultNetwork', range: '2:3-2:6' }] },
  ],
});
