import rule from '../../../server/src/rules/compose/read-only-filesystem';
import { ruleTester } from '../../support/ruleTester';

const web = (body: string) => `services:\n  web:\n    image: nginx:1.27.3\n${body}`;

ruleTester(rule, {
  valid: [
    web('    read_only: true\n'),
    web('    read_only: "true"\n'),
    'x-ro: &ro\n  read_only: true\nservices:\n  web:\n    <<: *ro\n    image: x:1\n',
  ],
  invalid: [
    { code: web(''), errors: [{ messageId: 'writable', range: '2:3-2:6' }], suggestions: [web('    read_only: true\n')] },
    { code: web('    read_only: false # TODO\n'), errors: [{ messageId: 'writable', range: '4:16-4:21' }], suggestions: [web('    read_only: true # TODO\n')] },
    { code: 'services:\n  web: {image: x}\n', errors: [{ messageId: 'writable', range: '2:3-2:6' }], suggestions: ['services:\n  web: {image: x, read_only: true}\n'] },
  ],
});
