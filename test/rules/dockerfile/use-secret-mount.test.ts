import rule from '../../../server/src/rules/dockerfile/use-secret-mount';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n',
    { name: 'declared but not expanded by RUN', code: 'FROM node:22\nARG NPM_TOKEN\nRUN npm ci\n' },
    { name: 'not a secret name', code: 'FROM node:22\nARG NODE_VERSION\nRUN echo $NODE_VERSION\n' },
    { name: 'longer variable name', code: 'FROM node:22\nARG NPM_TOKEN\nRUN echo $NPM_TOKEN_FILE\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nARG NPM_TOKEN\nRUN echo "//r/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\n',
      errors: [{ messageId: 'argInRun', range: '3:27-3:37' }],
      suggestions: ['FROM node:22\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//r/:_authToken=$NPM_TOKEN" > .npmrc && npm ci\n'],
    },
    {
      name: 'two uses keep the ARG',
      code: 'FROM node:22\nARG GH_TOKEN\nRUN git clone https://${GH_TOKEN}@x/r\nRUN curl -H "Authorization: $GH_TOKEN" https://x\n',
      errors: [
        { messageId: 'argInRun', range: '3:23-3:34' },
        { messageId: 'argInRun', range: '4:29-4:38' },
      ],
      suggestions: [
        'FROM node:22\nARG GH_TOKEN\nRUN --mount=type=secret,id=gh_token,env=GH_TOKEN git clone https://${GH_TOKEN}@x/r\nRUN curl -H "Authorization: $GH_TOKEN" https://x\n',
        'FROM node:22\nARG GH_TOKEN\nRUN git clone https://${GH_TOKEN}@x/r\nRUN --mount=type=secret,id=gh_token,env=GH_TOKEN curl -H "Authorization: $GH_TOKEN" https://x\n',
      ],
    },
    {
      name: 'heredoc body in a later stage',
      code: 'FROM alpine:3.20\nARG API_KEY\nRUN <<EOF\ncurl -H "X-Key: $API_KEY" https://x\nEOF\n',
      errors: [{ messageId: 'argInRun', range: '4:17-4:25' }],
    },
  ],
});
