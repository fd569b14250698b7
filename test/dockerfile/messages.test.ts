// Dockerfile messages print what a variable expands to when the file sets it (no `${VAR}` left in the text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/api';

test('no message prints an unexpanded variable whose value is known', () => {
  const text = [
    'ARG BASE=node',
    'ARG IMAGE=${BASE}:latest',
    'FROM ${IMAGE}',
    'ARG PKG=curl',
    'ARG URL=http://example.com/tool.tgz',
    'ARG SECRET_FILE=id_rsa',
    'ARG MODE=777',
    'ARG SRC=https://example.com/a.tgz',
    'ARG DIR=/usr/bin',
    'RUN apt-get install -y $PKG && pip install ${PKG}',
    'RUN curl -fsSLo /tmp/t.tgz "${URL}" && chmod ${MODE} /tmp/t.tgz',
    'ADD ${SRC} /tmp/',
    'COPY ${SECRET_FILE} /root/',
    'WORKDIR ${DIR}',
    '',
  ].join('\n');
  const config = { rules: { 'dockerfile/pin-os-packages': 'warning' as const, 'dockerfile/require-healthcheck': 'warning' as const } };
  const findings = lint({ path: 'Dockerfile', text }, config).findings.filter((f) => f.ruleId.startsWith('dockerfile/'));
  const ids = new Set(findings.map((f) => f.ruleId));
  for (const id of ['dockerfile/no-latest-tag', 'dockerfile/pin-os-packages', 'dockerfile/pin-language-packages', 'dockerfile/no-plain-http', 'dockerfile/unsafe-permissions', 'dockerfile/add-remote-checksum', 'dockerfile/no-secret-file-copy', 'dockerfile/workdir-system-dir', 'dockerfile/missing-user']) {
    assert.ok(ids.has(id), `${id} fired`);
  }
  for (const f of findings) assert.doesNotMatch(f.message, /\$\{?[A-Z_]+/, `${f.ruleId}: ${f.message}`);
  const byRule = (id: string) => findings.find((f) => f.ruleId === id)?.message ?? '';
  assert.match(byRule('dockerfile/no-latest-tag'), /`node:latest`/);
  assert.match(byRule('dockerfile/no-plain-http'), /`http:\/\/example\.com\/tool\.tgz`/);
  assert.match(byRule('dockerfile/unsafe-permissions'), /`777`/);
});
