import rule from '../../../server/src/rules/dockerfile/pin-base-image-digest';
import { ruleTester } from '../../support/ruleTester';

const D = 'sha256:0e5e4a57c2499249aafc3b40fcd541e9a456aab7296681a3994d631587203f97';

ruleTester(rule, {
  valid: [
    `FROM node:22.11@${D}\n`,
    'FROM scratch\nCOPY app /app\n',
    { name: 'stage built on an earlier stage', code: `FROM golang:1.23@${D} AS build\nFROM build\n` },
    { name: 'image from an ARG with no default is decided elsewhere', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'ARG default that carries a digest', code: `ARG BASE=alpine@${D}\nFROM \${BASE}\n` },
  ],
  invalid: [
    { code: 'FROM node:22.11-bookworm-slim\n', errors: [{ messageId: 'notPinned', range: '1:6-1:30' }] },
    { name: 'registry with a port', code: 'FROM localhost:5000/team/app:1.2 AS app\n', errors: [{ messageId: 'notPinned', range: '1:6-1:33' }] },
    {
      name: 'multi-stage: every external base',
      code: `FROM golang:1.23 AS build\nRUN go build\nFROM gcr.io/distroless/static@${D}\nFROM alpine:3.20\n`,
      errors: [
        { messageId: 'notPinned', range: '1:6-1:17' },
        { messageId: 'notPinned', range: '4:6-4:17' },
      ],
    },
    { name: 'ARG default resolved', code: 'ARG BASE=alpine:3.20\nFROM ${BASE}\n', errors: [{ messageId: 'notPinned', range: '2:6-2:13' }] },
    { name: 'Windows image', code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n', errors: [{ messageId: 'notPinned', range: '2:6-2:51' }] },
  ],
});
