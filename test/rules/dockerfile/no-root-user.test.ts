import rule from '../../../server/src/rules/dockerfile/no-root-user';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 10001\n',
    { name: 'no USER is missing-user, not this rule', code: 'FROM alpine:3.20\n' },
    { name: 'root only in a build stage', code: 'FROM golang:1.23 AS b\nUSER root\nFROM alpine:3.20\nUSER 10001\n' },
    { name: 'Windows non-admin user', code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nUSER root\nCMD ["sh"]\n',
      errors: [{ messageId: 'root', range: '2:6-2:10' }],
      suggestions: ['FROM alpine:3.20\nUSER 10001\nCMD ["sh"]\n'],
    },
    { name: 'uid 0 with group', code: 'FROM alpine:3.20\nUSER 0:0\n', errors: [{ messageId: 'root', range: '2:6-2:9' }], suggestions: ['FROM alpine:3.20\nUSER 10001\n'] },
    {
      name: 'inherited from the parent stage: no edit in the parent',
      code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["sh"]\n',
      errors: [{ messageId: 'root', range: '2:6-2:10' }],
      suggestions: [],
    },
    { name: 'Windows administrator', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n', errors: [{ messageId: 'root', range: '3:6-3:28' }], suggestions: [] },
    { name: 'variable resolved', code: 'FROM alpine:3.20\nARG RUNAS=root\nUSER $RUNAS\n', errors: [{ messageId: 'root', range: '3:6-3:12' }] },
  ],
});
