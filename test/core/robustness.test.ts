// Inputs that are the normal state of a file in an editor (half-typed shell, cut-off instructions, odd bytes) and
// every input the mutation fuzzer (`npm run fuzz`) ever found failing: no rule may throw on them, and every range
// must lie inside the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { RULES, SHIPPED } from '../../server/src/api';

/** Every rule on, at its default severity or `warning` for rules that are off by default. */
const ALL_ON = { rules: Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.enabledByDefault === false ? 'warning' : r.meta.severity])) };

const HALF_TYPED_DOCKERFILES: [string, string][] = [
  ['a pipe with nothing after it', 'FROM alpine:3.20\nRUN curl https://example.com/x | && echo\n'],
  ['a trailing pipe', 'FROM alpine:3.20\nRUN curl https://example.com/x |\n'],
  ['a trailing pipe before a continuation', 'FROM alpine:3.20\nRUN curl https://example.com/x | \\\n'],
  ['a pipe at the start', 'FROM alpine:3.20\nRUN | tar -xz\n'],
  ['two pipes', 'FROM alpine:3.20\nRUN curl x | | sh\n'],
  ['a dangling &&', 'FROM debian:12\nRUN apt-get update &&\n'],
  ['a dangling ||', 'FROM debian:12\nRUN apt-get update ||\n'],
  ['a dangling ;', 'FROM debian:12\nRUN ;\n'],
  ['an open quote', 'FROM debian:12\nRUN echo "unterminated | sh\n'],
  ['an open $(', 'FROM debian:12\nRUN echo $(curl https://x | sh\n'],
  ['an open backtick', 'FROM debian:12\nRUN echo `curl https://x | sh\n'],
  ['an open subshell', 'FROM debian:12\nRUN (curl https://x | sh\n'],
  ['an open brace group', 'FROM debian:12\nRUN { curl https://x | sh\n'],
  ['an if without fi', 'FROM debian:12\nRUN if curl https://x | sh; then echo\n'],
  ['a for without done', 'FROM debian:12\nRUN for p in a b; do apt-get install -y $p\n'],
  ['a case without esac', 'FROM debian:12\nRUN case "$x" in a) curl x | sh ;;\n'],
  ['a redirect without a target', 'FROM debian:12\nRUN curl https://x >\n'],
  ['a heredoc without its end', 'FROM debian:12\nRUN <<EOF\ncurl https://x | sh\n'],
  ['a shell heredoc without its end', 'FROM debian:12\nRUN cat <<EOF | sh\necho hi\n'],
  ['sudo with nothing after it', 'FROM debian:12\nRUN sudo\n'],
  ['apt-get install with no packages', 'FROM debian:12\nRUN apt-get install -y\n'],
  ['pip install with no packages', 'FROM python:3.12\nRUN pip install\n'],
  ['chmod with no operands', 'FROM debian:12\nRUN chmod\n'],
  ['a lone backslash', 'FROM debian:12\nRUN \\\n'],
  ['an empty RUN', 'FROM debian:12\nRUN\n'],
  ['FROM with only a flag', 'FROM --platform=linux/amd64\n'],
  ['COPY with only --from', 'FROM debian:12\nCOPY --from=\n'],
  ['USER with an empty value', 'FROM debian:12\nUSER\n'],
  ['ENV with only a key', 'FROM debian:12\nENV A\n'],
  ['a NUL byte', 'FROM debian:12\nRUN echo \u0000 | sh\n'],
];

/** No internal-error finding, and every range within the text (lines exist, characters within the line). */
function assertSound(path: string, text: string): void {
  const result = lint({ path, text }, ALL_ON, SHIPPED);
  const errors = result.findings.filter((f) => f.ruleId === 'shipshape/internal-error').map((f) => f.message);
  assert.deepEqual(errors, [], JSON.stringify(text));
  const lines = text.split(/\r\n|\r|\n/);
  for (const f of result.findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length, `${f.ruleId} ${JSON.stringify(f.range)} outside ${JSON.stringify(text)}`);
    }
  }
}

for (const [name, text] of HALF_TYPED_DOCKERFILES) {
  test(`half-typed Dockerfile: ${name}`, () => assertSound('Dockerfile', text));
}
