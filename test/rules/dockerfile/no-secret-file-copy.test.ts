import rule from '../../../server/src/rules/dockerfile/no-secret-file-copy';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCOPY package.json package-lock.json ./\n',
    { name: 'examples, public keys and certificates', code: 'FROM alpine:3.20\nCOPY .env.example id_rsa.pub certs/ca.pem /x/\n' },
    { name: 'destination is not a source', code: 'FROM alpine:3.20\nCOPY app /root/.npmrc\n' },
    { name: 'heredoc source', code: 'FROM alpine:3.20\nCOPY <<EOF /app/.env\nA=1\nEOF\n' },
  ],
  invalid: [
    { code: 'FROM node:22\nCOPY .npmrc package.json ./\n', errors: [{ messageId: 'secretFile', range: '2:6-2:12' }] },
    { code: 'FROM alpine:3.20\nADD id_rsa /root/.ssh/id_rsa\n', errors: [{ messageId: 'secretFile', range: '2:5-2:11' }] },
    {
      name: 'multi-stage, JSON form and directories',
      code: 'FROM alpine:3.20 AS b\nCOPY ["config/.aws/", "/root/.aws/"]\nFROM b\nCOPY --chown=1000 .env server.key /app/\n',
      errors: [
        { messageId: 'secretFile', range: '2:7-2:21' },
        { messageId: 'secretFile', range: '4:19-4:23' },
        { messageId: 'secretFile', range: '4:24-4:34' },
      ],
    },
  ],
});
