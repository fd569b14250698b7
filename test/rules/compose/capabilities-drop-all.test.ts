import rule from '../../../server/src/rules/compose/capabilities-drop-all';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    cap_drop: [ALL]\n'),
    web('    cap_drop:\n      - all\n'),
    'x-hardened: &hardened\n  cap_drop: [ALL]\nservices:\n  web:\n    <<: *hardened\n    image: x:1\n',
    'services:\n  base:\n    image: x:1\n    cap_drop: [CAP_ALL]\n  web:\n    extends: base\n',
  ],
  invalid: [
    {
      code: web(''),
      errors: [{ messageId: 'notDropped', range: '2:3-2:6' }],
      suggestions: [web('    cap_drop: [ALL]\n')],
    },
    {
      code: web('    cap_drop:\n      - NET_RAW # keep\n'),
      errors: [{ messageId: 'notDropped', range: '5:7-5:23' }],
      suggestions: [web('    cap_drop:\n      - NET_RAW # keep\n      - ALL\n')],
    },
    {
      name: 'flow service',
      code: 'services:\n  web: {image: "x:1", cap_drop: [NET_RAW]}\n',
      errors: [{ messageId: 'notDropped', range: '2:33-2:42' }],
      suggestions: ['services:\n  web: {image: "x:1", cap_drop: [NET_RAW, ALL]}\n'],
    },
  ],
});
