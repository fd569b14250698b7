import rule from '../../../server/src/rules/dockerfile/missing-user';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22.11\nUSER 10001\nCMD ["node", "s.js"]\n',
    { name: 'user set in the parent stage', code: 'FROM node:22.11 AS base\nUSER node\nFROM base\nCMD ["node"]\n' },
    { name: 'non-root image', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { name: 'Windows image', code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD ["cmd"]\n' },
    { name: 'scratch with nothing to run', code: 'FROM scratch\nCOPY a /a\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22.11\nCMD ["node", "s.js"]\n',
      errors: [{ messageId: 'missing', range: '1:6-1:16' }],
      suggestions: ['FROM node:22.11\nUSER 10001\nCMD ["node", "s.js"]\n'],
    },
    {
      name: 'inserted before trailing ENTRYPOINT and CMD; multi-stage',
      code: 'FROM golang:1.23 AS b\nUSER 1000\nFROM alpine:3.20\nCOPY --from=b /app /app\nENTRYPOINT ["/app"]\nEXPOSE 80\nCMD ["--serve"]\n',
      errors: [{ messageId: 'missing', range: '3:6-3:17' }],
      suggestions: ['FROM golang:1.23 AS b\nUSER 1000\nFROM alpine:3.20\nCOPY --from=b /app /app\nUSER 10001\nENTRYPOINT ["/app"]\nEXPOSE 80\nCMD ["--serve"]\n'],
    },
    {
      name: 'appended at the end without a final newline',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
      errors: [{ messageId: 'missing', range: '1:6-1:17' }],
      suggestions: ['FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 10001\n'],
    },
    {
      name: 'CRLF file keeps its line breaks',
      code: 'FROM alpine:3.20\r\nCMD ["sh"]\r\n',
      errors: [{ messageId: 'missing', range: '1:6-1:17' }],
      suggestions: ['FROM alpine:3.20\r\nUSER 10001\r\nCMD ["sh"]\r\n'],
    },
  ],
});
