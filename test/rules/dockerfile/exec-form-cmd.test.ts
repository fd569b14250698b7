import rule from '../../../server/src/rules/dockerfile/exec-form-cmd';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "s.js"]\n',
    { name: 'Windows', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ping -t localhost\n' },
    { name: 'PowerShell SHELL', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nENTRYPOINT Start-Service x\n' },
    { name: 'exec makes the application PID 1', code: 'FROM python:3.13\nCMD exec gunicorn --bind :$PORT app:app\n' },
    { name: 'HEALTHCHECK in exec form and HEALTHCHECK NONE', code: 'FROM node:22\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]\nFROM node:22\nHEALTHCHECK NONE\nCMD ["node"]\n' },
  ],
  invalid: [
    { code: 'FROM node:22\nCMD node server.js\n', errors: [{ messageId: 'shellForm', range: '2:1-2:4' }], suggestions: ['FROM node:22\nCMD ["node", "server.js"]\n'] },
    { name: 'shell features: no rewrite offered', code: 'FROM node:22\nENTRYPOINT node s.js --port "$PORT"\n', errors: [{ messageId: 'shellForm', range: '2:1-2:11' }], suggestions: [] },
    { name: 'continuation: no rewrite offered; every stage', code: 'FROM a:1 AS b\nCMD run \\\n  x\nFROM b\nCMD serve\n', errors: [{ messageId: 'shellForm', range: '2:1-2:4' }, { messageId: 'shellForm', range: '5:1-5:4' }], suggestions: ['FROM a:1 AS b\nCMD run \\\n  x\nFROM b\nCMD ["serve"]\n'] },
    {
      name: 'HEALTHCHECK CMD in shell form, after options',
      code: 'FROM node:22\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/\nCMD ["node"]\n',
      errors: [{ messageId: 'healthcheckShellForm', range: '2:28-2:31' }],
      suggestions: ['FROM node:22\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]\nCMD ["node"]\n'],
    },
    { name: 'a file without FROM is checked', code: 'CMD node server.js\n', errors: [{ messageId: 'shellForm', range: '1:1-1:4' }], suggestions: ['CMD ["node", "server.js"]\n'] },
  ],
});
