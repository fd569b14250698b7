import rule from '../../../server/src/rules/dockerfile/no-copy-whole-stage';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /out/app /app\n',
    { name: 'root of the build context, not of a stage', code: 'FROM alpine:3.20\nCOPY / /srv/\n' },
    { name: 'a directory under root', code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /rootfs/ /\n' },
    { name: 'ADD with a root source is not COPY --from', code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n' },
    { name: 'a scratch stage that only collects build output', code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch AS artifacts\nCOPY --from=build /out/app /app\nCOPY --from=build /out/LICENSE /\nFROM alpine:3.20\nCOPY --from=artifacts / /\n' },
    { name: 'a scratch stage named through an ARG, or by index', code: 'ARG OUT=out\nFROM golang:1.23 AS build\nFROM scratch AS out\nCOPY --from=build /app /\nFROM alpine:3.20\nARG OUT\nCOPY --from=${OUT} / /\nCOPY --from=1 / /opt/\n' },
    { name: 'exec form, specific file', code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b ["/etc/passwd", "/etc/passwd"]\n' },
  ],
  invalid: [
    { name: 'stage root to root (hadolint DL3067)', code: 'FROM debian:12 AS b\nFROM scratch\nCOPY --from=b / /\n', errors: [{ messageId: 'wholeStage', range: '3:15-3:16' }] },
    { name: 'image root to a subdirectory', code: 'FROM alpine:3.20\nCOPY --from=node:22.11-bookworm-slim / /node-root/\n', errors: [{ messageId: 'wholeStage', range: '2:38-2:39' }] },
    { name: 'exec form with /. and a continuation', code: 'FROM debian:12 AS b\nFROM scratch\nCOPY --link \\\n  --from=b ["/.", "/"]\n', errors: [{ messageId: 'wholeStage', range: '4:13-4:17' }] },
    { name: 'a scratch stage that also runs something is a whole filesystem', code: 'FROM busybox:1.37 AS tools\nFROM scratch AS base\nCOPY --from=tools /bin /bin\nRUN ["/bin/sh", "-c", "echo x > /x"]\nFROM alpine:3.20\nCOPY --from=base / /\n', errors: [{ messageId: 'wholeStage', range: '6:18-6:19' }] },
    { name: 'ONBUILD', code: 'FROM alpine:3.20\nONBUILD COPY --from=builder / /\n', errors: [{ messageId: 'wholeStage', range: '2:29-2:30' }] },
  ],
});
