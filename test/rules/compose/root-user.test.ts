import rule from '../../../server/src/rules/compose/root-user';
import { ruleTester } from '../../support/ruleTester';

const svc = (body: string) => `services:\n  app:\n${body}`;

ruleTester(rule, {
  valid: [
    svc('    image: node:22.11\n    user: "10001:10001"\n'),
    svc('    image: postgres:17.2\n'),
    svc('    image: ghcr.io/acme/app:1.0\n'),
    { name: 'Dockerfile sets a non-root user', code: svc('    build: ./api\n'), path: '/w/compose.yaml', files: { '/w/api/Dockerfile': 'FROM node:22.11\nUSER node\n' } },
    { name: 'Dockerfile not readable: unknown', code: svc('    build: ./api\n'), path: '/w/compose.yaml' },
    { name: 'service user overrides the image', code: svc('    build: .\n    user: app\n'), path: '/w/compose.yaml', files: { '/w/Dockerfile': 'FROM node:22.11\n' } },
    { name: 'user from an unknown variable', code: svc('    image: node:22.11\n    user: ${UID}\n') },
  ],
  invalid: [
    { code: svc('    image: postgres:17.2\n    user: root\n'), errors: [{ messageId: 'rootUser', range: '4:11-4:15' }] },
    { code: svc('    image: node:22.11\n    user: "0:0"\n'), errors: [{ messageId: 'rootUser', range: '4:11-4:16' }] },
    { code: svc('    image: nginx:1.27.3\n'), errors: [{ messageId: 'imageRoot', range: '3:12-3:24' }] },
    {
      name: 'builds from a Dockerfile whose final stage runs as root',
      code: svc('    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n'),
      path: '/w/compose.yaml',
      files: { '/w/api/Dockerfile.prod': 'FROM golang:1.23 AS build\nUSER 10001\nFROM alpine:3.20\nCOPY --from=build /app /app\n' },
      errors: [{ messageId: 'builtRoot', range: '5:19-5:34' }],
    },
    {
      name: 'build target stage with USER root',
      code: svc('    build: {context: ., target: dev}\n'),
      path: '/w/compose.yaml',
      files: { '/w/Dockerfile': 'FROM node:22.11 AS dev\nUSER root\nFROM node:22.11\nUSER node\n' },
      errors: [{ messageId: 'builtRoot', range: '3:12-3:37' }],
    },
  ],
});
