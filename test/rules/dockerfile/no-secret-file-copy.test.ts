import rule from '../../../server/src/rules/dockerfile/no-secret-file-copy';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCOPY package.json package-lock.json ./\n',
    { name: 'examples, public keys and certificates', code: 'FROM alpine:3.20\nCOPY .env.example id_rsa.pub certs/ca.pem /x/\n' },
    { name: 'key imported with gpg --import is a public key', code: 'FROM debian:12\nCOPY release.key /tmp/\nRUN gpg --batch --import /tmp/release.key\n' },
    { name: 'key copied to a .pub name', code: 'FROM alpine:3.20\nCOPY signing.key /etc/apk/keys/signing.pub\n' },
    { name: 'apt-key add and rpm --import', code: 'FROM rockylinux:9\nCOPY repo.key vendor.key /keys/\nRUN apt-key add /keys/repo.key && rpm --import /keys/vendor.key\n' },
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
    { name: 'a key imported in another stage is still a secret here', code: 'FROM debian:12 AS a\nCOPY server.key /k/\nFROM debian:12\nCOPY server.key /k/\nRUN gpg --import /k/server.key\n', errors: [{ messageId: 'secretFile', range: '2:6-2:16' }] },
    { name: 'a key used for something else', code: 'FROM debian:12\nCOPY tls.key /etc/ssl/private/\nRUN chmod 600 /etc/ssl/private/tls.key\n', errors: [{ messageId: 'secretFile', range: '2:6-2:13' }] },
  ],
});
