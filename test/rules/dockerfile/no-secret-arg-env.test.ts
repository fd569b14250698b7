import rule from '../../../server/src/rules/dockerfile/no-secret-arg-env';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM postgres:17\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n',
    { name: 'allow-listed suffixes and public keys (moby/buildkit#5504, #5410, #5775)', code: 'FROM alpine:3.20\nARG TOKEN_VERSION=1\nENV PUBLIC_KEY=abc KEY_NAME=k KMS_KEY_ALIAS=a AWS_REGION=x PASSWORD_PROMPT_STRING=p\n' },
    { name: 'official images: GPG key fingerprints', code: 'FROM python:3.13\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\nENV NGINX_GPGKEYS a b\n' },
    { name: 'substring is not a word (CC, MONKEY)', code: 'FROM alpine:3.20\nENV CC=gcc MONKEY=1 TOKENIZER_PATH=/x\n' },
    { name: 'the allow-list option also covers well-known names', code: 'FROM alpine:3.20\nARG AWS_ACCESS_KEY_ID\n', config: { rules: { 'dockerfile/no-secret-arg-env': { options: { allowedNames: ['AWS_ACCESS_KEY_ID'] } } } } },
    { name: 'option extends the allow-list', code: 'FROM alpine:3.20\nENV AUTH=basic\n', config: { rules: { 'dockerfile/no-secret-arg-env': { options: { allowedNames: ['AUTH'] } } } } },
  ],
  invalid: [
    { code: 'FROM node:22\nARG NPM_TOKEN\n', errors: [{ messageId: 'arg', range: '2:5-2:14' }] },
    { code: 'FROM postgres:17\nENV POSTGRES_PASSWORD=postgres\n', errors: [{ messageId: 'env', range: '2:5-2:22' }] },
    {
      name: 'legacy ENV form, several names, camelCase and qualified keys',
      code: 'FROM alpine:3.20\nENV apiSecret value\nARG AWS_SECRET_ACCESS_KEY STRIPE_API_KEY=1\n',
      errors: [
        { messageId: 'env', range: '2:5-2:14' },
        { messageId: 'arg', range: '3:5-3:26' },
        { messageId: 'arg', range: '3:27-3:41' },
      ],
    },
    { name: 'well-known credential names', code: 'FROM alpine:3.20\nARG AWS_ACCESS_KEY_ID\nENV HF_TOKEN=x\n', errors: [{ messageId: 'arg', range: '2:5-2:22' }, { messageId: 'env', range: '3:5-3:13' }] },
    { name: 'global ARG before FROM with a default', code: 'ARG NPM_TOKEN=\nARG AWS_ACCESS_KEY_ID\nFROM node:22\nRUN npm ci\n', errors: [{ messageId: 'arg', range: '1:5-1:14' }, { messageId: 'arg', range: '2:5-2:22' }] },
    { name: 'a file without FROM is checked', code: 'ENV DB_PASSWORD=x\nRUN true\n', errors: [{ messageId: 'env', range: '1:5-1:16' }] },
    { name: 'global ARG and ONBUILD', code: 'ARG GITHUB_TOKEN\nFROM alpine:3.20\nONBUILD ENV DB_PASSWORD=x\n', errors: [{ messageId: 'arg', range: '1:5-1:17' }, { messageId: 'env', range: '3:13-3:24' }] },
  ],
});
