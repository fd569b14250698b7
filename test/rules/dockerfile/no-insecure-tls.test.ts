import rule from '../../../server/src/rules/dockerfile/no-insecure-tls';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL --cacert /ca.pem https://x -o /t\n',
    { name: 'k as a value, not a flag', code: 'FROM debian:12\nRUN curl -o k https://x && curl -H k https://y\n' },
    { name: '`curl -sHk`: k is the header value (curl option table)', code: 'FROM debian:12\nRUN curl -sHk https://x && curl -fsSLok https://y && curl --user k:k https://z\n' },
    { name: 'pip option values named trusted-host are not the option', code: 'FROM python:3.13\nRUN pip install --index-url https://pypi.org/simple -i https://x/simple flask==3.0.3\n' },
    { name: 'incomplete shell is not judged', code: 'FROM debian:12\nRUN curl -k https://x |\n' },
    { name: 'strict-ssl true and verify on', code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\nRUN npm config set strict-ssl true\n' },
    { name: 'PowerShell stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN curl.exe -k https://x\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -k https://x\n', errors: [{ messageId: 'curlInsecure', range: '2:10-2:12' }], suggestions: ['FROM debian:12\nRUN curl https://x\n'] },
    { name: 'flag group', code: 'FROM debian:12\nRUN curl -fsSLk https://x\n', errors: [{ messageId: 'curlInsecure', range: '2:15-2:16' }], suggestions: ['FROM debian:12\nRUN curl -fsSL https://x\n'] },
    {
      name: 'wget and pip in a continuation',
      code: 'FROM python:3.13\nRUN wget --no-check-certificate https://x \\\n && pip install --trusted-host pypi.example flask==3.0.3\n',
      errors: [
        { messageId: 'wgetNoCheck', range: '2:10-2:32' },
        { messageId: 'pipTrustedHost', range: '3:17-3:44' },
      ],
      suggestions: [
        'FROM python:3.13\nRUN wget https://x \\\n && pip install --trusted-host pypi.example flask==3.0.3\n',
        'FROM python:3.13\nRUN wget --no-check-certificate https://x \\\n && pip install flask==3.0.3\n',
      ],
    },
    {
      name: 'environment switches',
      code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nARG GIT_SSL_NO_VERIFY=false\nRUN export PYTHONHTTPSVERIFY=0 && NPM_CONFIG_STRICT_SSL=false npm ci\n',
      errors: [
        { messageId: 'nodeTls', range: '2:5-2:35' },
        { messageId: 'gitSslNoVerify', range: '3:5-3:28' },
        { messageId: 'pythonHttpsVerify', range: '4:12-4:31' },
        { messageId: 'npmStrictSslEnv', range: '4:35-4:62' },
      ],
    },
    {
      name: 'npm, git and yum config',
      code: 'FROM fedora:41\nRUN npm config set strict-ssl false && git -c http.sslVerify=false clone https://x && echo sslverify=0 >> /etc/yum.conf\n',
      errors: [
        { messageId: 'npmStrictSsl', range: '2:20-2:30' },
        { messageId: 'gitSslVerify', range: '2:47-2:67' },
        { messageId: 'yumSslVerify', range: '2:92-2:103' },
      ],
    },
    { name: 'k after a flag group', code: 'FROM debian:12\nRUN curl -sSkL https://x\n', errors: [{ messageId: 'curlInsecure', range: '2:13-2:14' }], suggestions: ['FROM debian:12\nRUN curl -sSL https://x\n'] },
    {
      name: 'python -m pip with --trusted-host=',
      code: 'FROM python:3.13\nRUN python3 -m pip install --trusted-host=pypi.example flask==3.0.3\n',
      errors: [{ messageId: 'pipTrustedHost', range: '2:28-2:55' }],
      suggestions: ['FROM python:3.13\nRUN python3 -m pip install flask==3.0.3\n'],
    },
    { name: 'a file without FROM is checked', code: 'RUN wget --no-check-certificate https://x\n', errors: [{ messageId: 'wgetNoCheck', range: '1:10-1:32' }], suggestions: ['RUN wget https://x\n'] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\ncurl --insecure https://x\nEOF\n', errors: [{ messageId: 'curlInsecure', range: '3:6-3:16' }], suggestions: ['FROM debian:12\nRUN <<EOF\ncurl https://x\nEOF\n'] },
  ],
});
