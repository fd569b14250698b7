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
    { name: 'SHELL with grouped -Eeuo pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-Eeuo", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar -xz\n' },
    { name: 'set -Eeuo pipefail in the RUN', code: 'FROM debian:12\nRUN set -Eeuo pipefail; curl -fsSL https://x | tar -xz\n' },
    { name: 'bash -o pipefail -c', code: 'FROM debian:12\nRUN bash -o pipefail -c "curl -fsSL https://x | tar -xz"\n' },
    { name: 'half-typed pipe is not enough to judge', code: 'FROM debian:12\nRUN curl https://example.com/x | && echo\n' },
    { name: 'half-typed trailing pipe', code: 'FROM debian:12\nRUN curl https://example.com/x |\n' },
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
    {
      name: 'names the producer that can fail, not echo',
      code: 'FROM alpine:3.20\nRUN echo "$URL" | wget -qO- -i - | tar -xz\n',
      errors: [{ messageId: 'noPipefail', range: '2:5-2:43' }],
      suggestions: ['FROM alpine:3.20\nRUN set -o pipefail && echo "$URL" | wget -qO- -i - | tar -xz\n'],
    },
    {
      name: 'set +o pipefail turns it off again',
      code: 'FROM alpine:3.20\nRUN set -o pipefail; set +o pipefail; make | tee log\n',
      errors: [{ messageId: 'noPipefail', range: '2:39-2:53' }],
      suggestions: [],
    },
    {
      name: 'a file without FROM is checked as a stage with an unknown base',
      code: 'RUN make dist | gzip > d.gz\n',
      errors: [{ messageId: 'noPipefail', range: '1:5-1:21' }],
      suggestions: ['RUN set -o pipefail && make dist | gzip > d.gz\n'],
    },
    { name: 'heredoc with bash (hadolint#1137)', code: 'FROM debian:12\nRUN <<EOF bash\ncurl -s x | tar -xz\nEOF\n', errors: [{ messageId: 'noPipefail', range: '3:1-3:20' }], suggestions: [] },
  ],
});
