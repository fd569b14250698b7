// The engine end to end: positions on awkward text (CRLF, tabs, BOM, astral characters, no final newline, later
// documents), severity settings, and rule failures that must never take the other rules down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ruleSetOf, RULES, type Finding } from '../../server/src/api';
import { dockerfileRule } from '../../server/src/dockerfile/rule';
import { k8sRule } from '../../server/src/k8s/rule';
import { SourceFile } from '../../server/src/core/source';
import { formatRange } from '../support/ruleTester';

const only = (...ids: string[]) => ruleSetOf(RULES.filter((r) => ids.includes(r.meta.id)));
const LATEST = only('dockerfile/no-latest-tag');
const PRIV = only('k8s/no-privileged');
const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId} ${formatRange(f)}`);

const POD = (name: string, sc: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext: {privileged: ${sc}}\n`;

test('positions: CRLF, a BOM, tabs and no final newline in a Dockerfile', () => {
  const cases: [string, string][] = [
    ['FROM alpine:3.20\r\nFROM node:latest', '2:11-2:17'],
    // The engine measures the text it is given; hosts that read files drop the BOM first, as editors do.
    ['\uFEFFFROM node:latest\n', '1:12-1:18'],
    ['FROM\tnode:latest\n', '1:11-1:17'],
    ['\t\tFROM   node:latest', '1:15-1:21'],
  ];
  for (const [text, range] of cases) assert.deepEqual(summary(lint({ path: 'Dockerfile', text }, {}, LATEST).findings), [`dockerfile/no-latest-tag ${range}`], JSON.stringify(text));
});

test('positions: astral characters before a finding count as two UTF-16 units, as LSP requires', () => {
  const text = '# 🐳 base image 🐳\nLABEL note="🐳"\nFROM node:latest\n';
  assert.deepEqual(summary(lint({ path: 'Dockerfile', text }, {}, LATEST).findings), ['dockerfile/no-latest-tag 3:11-3:17']);
  const yaml = POD('p', 'true').replace('image: nginx:1.27', 'image: nginx:1.27 # 🐳🐳');
  const f = lint({ path: 'p.yaml', text: yaml }, {}, PRIV).findings;
  assert.deepEqual(summary(f), ['k8s/no-privileged 9:37-9:41']);
  const file = new SourceFile('x', '🐳a');
  assert.deepEqual(file.positionAt(2), { line: 0, character: 2 });
});

test('positions: later documents of a multi-document file, CRLF and no final newline', () => {
  const text = [POD('a', 'false'), POD('b', 'true'), POD('c', 'true')].join('---\n').replace(/\n/g, '\r\n').replace(/\r\n$/, '');
  const f = lint({ path: 'm.yaml', text }, {}, PRIV).findings;
  assert.deepEqual(summary(f), ['k8s/no-privileged 19:37-19:41', 'k8s/no-privileged 29:37-29:41']);
  assert.deepEqual(f.map((x) => x.object), [
    { apiVersion: 'v1', kind: 'Pod', name: 'b', container: 'app' },
    { apiVersion: 'v1', kind: 'Pod', name: 'c', container: 'app' },
  ]);
});

test('severity: overrides apply once, `off` disables, an off-by-default rule can be turned on', () => {
  const text = 'FROM node:latest\n';
  assert.deepEqual(lint({ path: 'Dockerfile', text }, { rules: { 'dockerfile/no-latest-tag': 'error' } }, LATEST).findings.map((f) => f.severity), ['error']);
  assert.deepEqual(lint({ path: 'Dockerfile', text }, { rules: { 'dockerfile/no-latest-tag': 'off' } }, LATEST).findings, []);
  const healthcheck = only('dockerfile/require-healthcheck');
  const plain = 'FROM node:22.11\nUSER 10001\nCMD ["node", "server.js"]\n';
  assert.deepEqual(lint({ path: 'Dockerfile', text: plain }, {}, healthcheck).findings, []);
  assert.equal(lint({ path: 'Dockerfile', text: plain }, { rules: { 'dockerfile/require-healthcheck': 'warning' } }, healthcheck).findings.length, 1);
});

test('a rule that throws yields one internal finding and the other rules still report', () => {
  const boom = dockerfileRule({
    meta: { ...RULES.find((r) => r.meta.id === 'dockerfile/no-sudo')!.meta, id: 'dockerfile/explodes', target: 'dockerfile' },
    check() {
      throw new Error('kaboom');
    },
  });
  const registry = ruleSetOf([boom, ...LATEST.all()]);
  const f = lint({ path: 'Dockerfile', text: 'FROM node:latest\n' }, {}, registry).findings;
  assert.deepEqual(f.map((x) => [x.ruleId, x.message]), [
    ['shipshape/internal-error', 'Rule dockerfile/explodes failed on this file: kaboom'],
    ['dockerfile/no-latest-tag', 'Base image `node:latest` uses the `latest` tag; pin a version.'],
  ]);
});

test('reports are checked against the metadata: unknown message ids and undeclared fixes are rule bugs', () => {
  const meta = RULES.find((r) => r.meta.id === 'k8s/no-privileged')!.meta;
  const bad = (report: Parameters<Parameters<typeof k8sRule>[0]['check']>[0]['report'] extends (s: infer S) => void ? S : never) =>
    k8sRule({ meta: { ...meta, id: 'k8s/bad-report', target: 'k8s' }, check: ({ object, report: r }) => r({ ...report, range: object.anchorRange }) });
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const run = (rule: ReturnType<typeof bad>) => lint({ path: 'p.yaml', text: POD('p', 'false') }, {}, ruleSetOf([rule])).findings.map((f) => f.message);
  assert.match(run(bad({ messageId: 'nope', range: at }))[0]!, /has no message "nope"/);
  assert.match(run(bad({ messageId: 'privileged', range: at }))[0]!, /placeholder \{\{container\}\} has no value/);
  assert.match(run(bad({ messageId: 'privileged', data: { container: 'x' }, range: at, fix: { messageId: 'setFalse', edits: [] } }))[0]!, /reports a fix but meta.fix is suggestion/);
});

test('files that are neither Dockerfiles nor Kubernetes are left alone', () => {
  assert.equal(lint({ path: 'notes.txt', text: 'FROM node:latest' }).kind, 'other');
  const yaml = lint({ path: 'values.yaml', text: 'image: nginx:latest\nprivileged: true\n' });
  assert.deepEqual([yaml.kind, yaml.findings], ['yaml', []]);
  assert.equal(lint({ path: 'anything', text: 'FROM node:latest\n', languageId: 'dockerfile' }).kind, 'dockerfile');
});

test('hostile input: binary bytes, a huge line, an alias bomb and a half-typed Dockerfile end in findings or nothing', () => {
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
  assert.doesNotThrow(() => lint({ path: 'Dockerfile', text: binary }));
  assert.doesNotThrow(() => lint({ path: 'x.yaml', text: binary }));
  assert.doesNotThrow(() => lint({ path: 'Dockerfile', text: `FROM alpine:3.20\nRUN echo ${'a'.repeat(2_000_000)}\n` }));
  const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'data:', '  a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((c, i) => `  ${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
  const bombed = lint({ path: 'bomb.yaml', text: `${bomb}\n` });
  assert.ok(bombed.findings.some((f) => f.ruleId === 'shipshape/yaml-limit'), 'alias bomb refused with a diagnostic');
  const half = lint({ path: 'Dockerfile', text: 'FROM node:latest\nRUN curl -fsSL https://x.example/i.sh | sh\nRUN apt-get install -y \\\n' });
  assert.deepEqual([...new Set(half.findings.map((f) => f.ruleId))].filter((id) => ['dockerfile/no-latest-tag', 'dockerfile/no-pipe-to-shell'].includes(id)).sort(), ['dockerfile/no-latest-tag', 'dockerfile/no-pipe-to-shell']);
});
