import rule from '../../../server/src/rules/compose/image-latest-tag';
import { ruleTester } from '../../support/ruleTester';

const web = (image: string, body = '') => `services:\n  web:\n    image: ${image}\n${body}`;

ruleTester(rule, {
  valid: [
    web('nginx:1.27.3'),
    web('nginx@sha256:8d6421d663b4c28fd3ebc498332f249011d118945588d0a35cb9bc4b8ca09d9e'),
    web('nginx:${TAG}'),
    { name: 'built here: image names the result', code: web('acme/app', '    build: .\n') },
    { name: 'tag from .env', code: web('nginx:${TAG:-latest}'), path: '/w/compose.yaml', files: { '/w/.env': 'TAG=1.27.3\n' } },
  ],
  invalid: [
    { code: web('nginx:latest'), errors: [{ messageId: 'latest', range: '3:18-3:24' }] },
    { code: web('"ghcr.io/acme/app"'), errors: [{ messageId: 'untagged', range: '3:12-3:30' }] },
    { code: web('nginx:${TAG:-latest}'), errors: [{ messageId: 'latest', range: '3:12-3:32' }] },
    { code: web('localhost:5000/app'), errors: [{ messageId: 'untagged', range: '3:12-3:30' }] },
  ],
});
