import rule from '../../../server/src/rules/dockerfile/workdir-system-dir';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /app\n',
    { name: 'root and lookalikes', code: 'FROM alpine:3.20\nWORKDIR /\nWORKDIR /usr/src/app\nWORKDIR /devtools\n' },
    { name: 'Windows', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\Windows\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nWORKDIR /usr/bin\n', errors: [{ messageId: 'systemDir', range: '2:9-2:17' }] },
    { code: 'FROM alpine:3.20\nWORKDIR /proc/self/\n', errors: [{ messageId: 'systemDir', range: '2:9-2:20' }] },
    { name: 'through a variable, multi-stage', code: 'FROM alpine:3.20 AS a\nFROM a\nENV D=/etc\nWORKDIR $D/app\n', errors: [{ messageId: 'systemDir', range: '4:9-4:15' }] },
  ],
});
