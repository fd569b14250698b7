import rule from '../../../server/src/rules/dockerfile/require-healthcheck';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-fsS", "http://localhost/"]\n',
    { name: 'explicit NONE', code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the parent stage', code: 'FROM nginx:1.27 AS b\nHEALTHCHECK CMD curl -f http://l/\nFROM b\n' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\n', errors: [{ messageId: 'missing', range: '1:6-1:16' }] },
    { name: 'only in a build stage', code: 'FROM golang:1.23 AS b\nHEALTHCHECK CMD x\nFROM alpine:3.20\n', errors: [{ messageId: 'missing', range: '3:6-3:17' }] },
    { name: 'Windows image', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n', errors: [{ messageId: 'missing', range: '2:6-2:51' }] },
  ],
});
