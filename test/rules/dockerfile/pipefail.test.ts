import rule from '../../../server/src/rules/dockerfile/pipefail';
import { ruleTester } from '../../support/ruleTester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://x | tar -xz\n',
    { name: 'set -o pipefail first', code: 'FROM debian:12\nRUN set -eux -o pipefail; curl -fsSL https://x | tar -xz\n' },
    { name: 'harmless producers', code: 'FROM debian:12\nRUN echo "$SHA  f" | sha256sum -c - && cat a | grep b\n' },
    { name: 'inspection pipelines of official images', code: 'FROM debian:12\nRUN if dpkg -l | grep -i ruby; then exit 1; fi; find /usr/local -type f -exec ldd {} + | awk \'/=>/\' | sort -u | xargs -r apt-mark manual\n' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["bash", "-c", "curl x | tar -xz"]\n' },
    { name: 'PowerShell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Content x | Out-File y\n' },
    { name: 'heredoc that sets pipefail', code: 'FROM debian:12\nRUN <<EOF\nset -eo pipefail\ncurl -fsSL https://x | tar -xz\nEOF\n' },
    { name: 'half-typed: a pipe with nothing after it', code: 'FROM alpine:3.20\nRUN curl https://example.com/x | && echo\n' },
    { name: 'half-typed: a trailing pipe', code: 'FROM alpine:3.20\nRUN curl https://example.com/x |\n' },
    { name: 'inherited SHELL from the parent stage', code: 'FROM debian:12 AS b\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM b\nRUN curl x | tar -xz\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN wget -qO- https://x | tar -xz\n',
      errors: [{ messageId: 'noPipefail', range: '2:5-2:34' }],
      suggestions: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://x | tar -xz\n'],
    },
    {
      name: 'alpine gets the set prefix',
      code: 'FROM alpine:3.20\nRUN curl -fsSL https://x | tar -xz\n',
      errors: [{ messageId: 'noPipefail', range: '2:5-2:35' }],
      suggestions: ['FROM alpine:3.20\nRUN set -o pipefail && curl -fsSL https://x | tar -xz\n'],
    },
    {
      name: 'continuation: the pipeline on the next line',
      code: 'FROM ubuntu:24.04\nRUN set -e; \\\n    make dist | gzip > d.gz\n',
      errors: [{ messageId: 'noPipefail', range: '3:5-3:21' }],
      suggestions: ['FROM ubuntu:24.04\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN set -e; \\\n    make dist | gzip > d.gz\n'],
    },
    { name: 'heredoc with bash (hadolint#1137)', code: 'FROM debian:12\nRUN <<EOF bash\ncurl -s x | tar -xz\nEOF\n', errors: [{ messageId: 'noPipefail', range: '3:1-3:20' }], suggestions: [] },
  ],
});
