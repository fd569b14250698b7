import rule from '../../../server/src/rules/compose/image-not-pinned';
import { ruleTester } from '../../support/ruleTester';

const web = (image: string, body = '') => `services:\n  web:\n    image: ${image}\n${body}`;

ruleTester(rule, {
  valid: [
    web('nginx:1.27.3@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e'),
    web('${IMAGE}'),
    web('acme/app:dev', '    build: .\n'),
  ],
  invalid: [
    { code: web('nginx:1.27.3'), errors: [{ messageId: 'notPinned', range: '3:12-3:24' }] },
    { code: web("'redis:7.4'"), errors: [{ messageId: 'notPinned', range: '3:12-3:23' }] },
    { code: web('postgres:${PG:-17}'), errors: [{ messageId: 'notPinned', range: '3:12-3:30' }] },
  ],
});
