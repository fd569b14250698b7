// .shipshape.yaml: parsing, validation with ranges in the config file, fallbacks, discovery and precedence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RULES, lint } from '../../server/src/api';
import { ConfigResolver, mergeConfigs, parseConfig, type ConfigFs } from '../../server/src/config';

const metas = RULES.map((r) => r.meta);
const at = (d: { range: { start: { line: number; character: number } } }) => `${d.range.start.line + 1}:${d.range.start.character + 1}`;

test('config: a valid file becomes a LintConfig and ignore patterns', () => {
  const text = [
    'rules:',
    '  dockerfile/no-latest-tag: off',
    '  k8s/no-privileged: {severity: warning}',
    'trustedRegistries: [registry.example.com]',
    'ignore: ["vendor/", "!vendor/keep.yaml"]',
    'suppressions:',
    '  peers: false',
    '  requireReason: true',
    '',
  ].join('\n');
  const config = parseConfig('/r/.shipshape.yaml', text, metas);
  assert.deepEqual(config.diagnostics, []);
  assert.deepEqual(config.lint, {
    rules: { 'dockerfile/no-latest-tag': 'off', 'k8s/no-privileged': { severity: 'warning' } },
    trustedRegistries: ['registry.example.com'],
    suppressions: { peers: false, requireReason: true },
  });
  assert.deepEqual(config.ignore, ['vendor/', '!vendor/keep.yaml']);
});

test('config: errors get ranges in the config file and only the broken entries are dropped', () => {
  const text = ['rules:', '  dockerfile/no-latest-tag: warn', '  k8s/no-privilegd: off', '  k8s/no-privileged: info', 'trustedRegistries: registry.example.com', 'suppresions: {}', ''].join('\n');
  const config = parseConfig('/r/.shipshape.yaml', text, metas);
  assert.deepEqual(
    config.diagnostics.map((d) => `${at(d)} ${d.severity} ${d.message}`),
    [
      '2:29 error Expected one of "error", "warning", "info", "hint", "off" or an object, got "warn". This entry is ignored.',
      '3:3 warning Unknown rule `k8s/no-privilegd`. This entry is ignored.',
      '5:20 error Expected a list of strings, got string. This entry is ignored.',
      '6:1 warning Unknown setting `suppresions`. This entry is ignored.',
    ],
  );
  assert.deepEqual(config.lint, { rules: { 'k8s/no-privileged': 'info' } });
});

test('config: a YAML syntax error leaves the defaults and says where', () => {
  const config = parseConfig('/r/.shipshape.yaml', 'rules:\n  a: [\n', metas);
  assert.equal(config.diagnostics.length > 0, true);
  assert.equal(config.diagnostics[0]!.severity, 'error');
  assert.deepEqual(config.lint, {});
});

test('config: .shipshape.json is read by the same parser, with ranges', () => {
  const config = parseConfig('/r/.shipshape.json', '{\n  "rules": {"k8s/no-privileged": 3}\n}\n', metas);
  assert.deepEqual(config.diagnostics.map(at), ['2:34']);
});

function memoryFs(files: Record<string, string>, dirs: string[] = []): ConfigFs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: (p) => {
      reads.push(p);
      return files[p];
    },
    exists: (p) => p in files || dirs.includes(p),
  };
}

test('config: found upward from the file, nearest first, stopping at the repository root', () => {
  const fs = memoryFs(
    {
      '/outside/.shipshape.yaml': 'rules: {k8s/no-privileged: off}\n',
      '/outside/repo/.shipshape.yml': 'rules: {k8s/no-privileged: info}\n',
      '/outside/repo/sub/.shipshape.json': '{"rules": {"k8s/no-privileged": "hint"}}',
      '/other/.shipshape.yaml': 'rules: {k8s/no-privileged: off}\n',
    },
    ['/outside/repo/.git', '/other/repo/.git'],
  );
  const resolver = new ConfigResolver(fs, metas);
  assert.equal(resolver.forFile('/outside/repo/sub/deep/pod.yaml')?.path, '/outside/repo/sub/.shipshape.json');
  assert.equal(resolver.forFile('/outside/repo/x/pod.yaml')?.path, '/outside/repo/.shipshape.yml');
  // The search stops at the directory holding .git: the config above the repository does not apply.
  assert.equal(resolver.forFile('/other/repo/a/pod.yaml'), undefined);
  const reads = fs.reads.length;
  resolver.forFile('/outside/repo/x/other.yaml');
  assert.equal(fs.reads.length, reads, 'cached per directory');
});

test('config: --config FILE is used for every file', () => {
  const fs = memoryFs({ '/cfg/ci.yaml': 'rules: {k8s/no-privileged: off}\n', '/r/.shipshape.yaml': 'rules: {}\n' });
  const resolver = new ConfigResolver(fs, metas, [], '/cfg/ci.yaml');
  assert.equal(resolver.forFile('/r/a.yaml')?.path, join('/cfg', 'ci.yaml'));
});

test('config: precedence is CLI > file > editor settings > defaults, per rule, options merged', () => {
  const editor = { rules: { 'k8s/no-privileged': 'hint' as const, 'dockerfile/no-latest-tag': 'off' as const } };
  const file = { rules: { 'k8s/no-privileged': { severity: 'warning' as const, options: { a: 1 } } }, suppressions: { requireReason: true } };
  const cli = { rules: { 'k8s/no-privileged': 'error' as const }, suppressions: { peers: false } };
  assert.deepEqual(mergeConfigs(editor, file, cli), {
    rules: { 'k8s/no-privileged': { severity: 'error', options: { a: 1 } }, 'dockerfile/no-latest-tag': 'off' },
    suppressions: { requireReason: true, peers: false },
  });
});

test('config: the parsed config drives the engine', () => {
  const { lint: config } = parseConfig('/r/.shipshape.yaml', 'rules:\n  dockerfile/no-latest-tag: error\n', metas);
  const [finding] = lint({ path: 'Dockerfile', text: 'FROM node:latest\n' }, config).findings.filter((f) => f.ruleId === 'dockerfile/no-latest-tag');
  assert.equal(finding?.severity, 'error');
});

test('config: an open .shipshape.yaml is linted into findings in the config file itself', async () => {
  const { lintDocument } = await import('../../server/src/lsp/diagnostics');
  const result = lintDocument({ uri: 'file:///w/.shipshape.yaml', languageId: 'yaml', getText: () => 'rules:\n  k8s/no-privileged: loud\n' }, {});
  assert.deepEqual(result.findings.map((f) => [f.ruleId, f.severity, at(f)]), [['shipshape/config', 'error', '2:22']]);
});
