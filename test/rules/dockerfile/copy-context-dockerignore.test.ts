import rule from '../../../server/src/rules/dockerfile/copy-context-dockerignore';
import { ruleTester } from '../../support/ruleTester';

const none = { context: { hasDockerignore: false } };

ruleTester(rule, {
  valid: [
    { name: 'unknown context: quiet', code: 'FROM node:22\nCOPY . .\n' },
    { code: 'FROM node:22\nCOPY . .\n', config: { context: { hasDockerignore: true } } },
    { name: 'specific files', code: 'FROM node:22\nCOPY package.json src/ ./\n', config: none },
    { name: 'from a stage, specific path', code: 'FROM node:22 AS b\nFROM node:22\nCOPY --from=b /app /app\n', config: none },
    { name: 'from a stage, whole filesystem: no-copy-whole-stage', code: 'FROM node:22 AS b\nFROM scratch\nCOPY --from=b . /\n', config: none },
  ],
  invalid: [
    { code: 'FROM node:22\nCOPY . .\n', config: none, errors: [{ messageId: 'noDockerignore', range: '2:6-2:7' }] },
    { name: 'ADD ./ and ONBUILD', code: 'FROM node:22\nADD ./ /app\nONBUILD COPY * /app/\n', config: none, errors: [{ messageId: 'noDockerignore', range: '2:5-2:7' }, { messageId: 'noDockerignore', range: '3:14-3:15' }] },
    { name: 'source on a continuation line', code: 'FROM node:22\nCOPY \\\n  ./ /app/\n', config: none, errors: [{ messageId: 'noDockerignore', range: '3:3-3:5' }] },
  ],
});
