// `shipshape scan` and its configuration: upward discovery, --config, `ignore`, broken configs, .dockerignore facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from './run';
import { tempTree } from '../support/tree';

const LATEST = 'dockerfile/no-latest-tag';
const COPY_CONTEXT = 'dockerfile/copy-context-dockerignore';

const tree = (files: Record<string, string>): string => tempTree('shipshape-cli-config-', files);

interface Found {
  file: string;
  ruleId: string;
  severity: string;
}

function scanJson(args: string[], cwd: string): { status: number | null; findings: Found[]; stderr: string } {
  const r = runCli(['scan', '--format', 'json', '--fail-on', 'none', ...args], { cwd });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: Found[] };
  return { status: r.status, findings: out.findings.map(({ file, ruleId, severity }) => ({ file, ruleId, severity })), stderr: r.stderr };
}

const only = (findings: Found[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.file} ${f.severity}`);

const DF = 'FROM node:latest\nUSER 10001\n';

test('scan: each file uses the nearest .shipshape.yaml, found upward and never above the repository root', () => {
  const outer = tree({
    // Outside the repository: never read, or this broken file would stop the run.
    '.shipshape.yaml': 'rules: [\n',
    'repo/.git/HEAD': 'ref: refs/heads/main\n',
    'repo/.shipshape.yaml': `rules:\n  ${LATEST}: off\n`,
    'repo/app/Dockerfile': DF,
    'repo/team/.shipshape.json': JSON.stringify({ rules: { [LATEST]: 'error' } }),
    'repo/team/svc/Dockerfile': DF,
    'repo/team/svc/.shipshape.yml': `rules:\n  ${LATEST}: info\n`,
    'repo/team/other/Dockerfile': DF,
  });
  const repo = join(outer, 'repo');
  assert.deepEqual(only(scanJson(['.'], repo).findings, LATEST), ['team/other/Dockerfile error', 'team/svc/Dockerfile info']);
  // The config depends on where the file is, not on the working directory.
  assert.deepEqual(only(scanJson(['../team', 'Dockerfile'], join(repo, 'app')).findings, LATEST), ['../team/other/Dockerfile error', '../team/svc/Dockerfile info']);
});

test('scan --config FILE is used for every file instead of discovery', () => {
  const repo = tree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.shipshape.yaml': `rules:\n  ${LATEST}: off\n`,
    'a/Dockerfile': DF,
    'b/.shipshape.yaml': 'rules: [\n',
    'b/Dockerfile': DF,
    'ci/strict.yaml': `rules:\n  ${LATEST}: error\n`,
  });
  assert.deepEqual(only(scanJson(['--config', 'ci/strict.yaml', '.'], repo).findings, LATEST), ['a/Dockerfile error', 'b/Dockerfile error']);
  assert.deepEqual(only(scanJson(['-c', join(repo, 'ci/strict.yaml'), 'a'], repo).findings, LATEST), ['a/Dockerfile error']);
});

test('scan: the config `ignore` patterns and .gitignore skip files when walking directories', () => {
  const repo = tree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\n',
    '.shipshape.yaml': 'ignore:\n  - vendor/\n  - "*.generated.yaml"\n  - "!keep.generated.yaml"\n',
    'Dockerfile': DF,
    'vendor/lib/Dockerfile': DF,
    'build/Dockerfile': DF,
    'x.generated.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: "nginx:latest"}]}\n',
    'keep.generated.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: "nginx:latest"}]}\n',
    'sub/.shipshape.yaml': 'ignore: [local.yaml]\n',
    'sub/local.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: "nginx:latest"}]}\n',
    'sub/Dockerfile': DF,
  });
  const files = [...new Set(scanJson(['.'], repo).findings.map((f) => f.file))].sort();
  assert.deepEqual(files, ['Dockerfile', 'keep.generated.yaml', 'sub/Dockerfile']);
});

test('scan: a config with problems exits 2, prints FILE:LINE:COL for each, and lints nothing (as ESLint does)', () => {
  const repo = tree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'ok/Dockerfile': DF,
    'bad/.shipshape.yaml': `rules:\n  ${LATEST}: loud\n  k8s/no-privilegd: off\nsuppresions: {}\n`,
    'bad/Dockerfile': DF,
  });
  const r = runCli(['scan', '--format', 'json', '.'], { cwd: repo });
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.deepEqual(
    r.stderr.trimEnd().split('\n').map((line) => line.replace(/(: (?:error|warning): [^.]*\.).*$/, '$1')),
    [
      'shipshape: invalid configuration in bad/.shipshape.yaml; nothing was linted',
      'bad/.shipshape.yaml:2:29: error: Expected one of "error", "warning", "info", "hint", "off" or an object, got "loud".',
      'bad/.shipshape.yaml:3:3: warning: Unknown rule `k8s/no-privilegd`.',
      'bad/.shipshape.yaml:4:1: warning: Unknown setting `suppresions`.',
    ],
  );
  // A broken config that applies to none of the scanned files does not matter.
  assert.deepEqual(only(scanJson(['ok'], repo).findings, LATEST), ['ok/Dockerfile warning']);
});

test('scan: `COPY . .` is reported only when no .dockerignore (or <Dockerfile>.dockerignore) sits next to the Dockerfile', () => {
  const COPY = 'FROM node:22.11-bookworm-slim\nCOPY . .\nUSER 10001\n';
  const repo = tree({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'none/Dockerfile': COPY,
    'plain/Dockerfile': COPY,
    'plain/.dockerignore': '.git\n',
    'named/Dockerfile.dev': COPY,
    'named/Dockerfile.dev.dockerignore': '.git\n',
    // Another Dockerfile's ignore file does not count.
    'other/Dockerfile': COPY,
    'other/Dockerfile.prod.dockerignore': '.git\n',
  });
  assert.deepEqual(only(scanJson(['.'], repo).findings, COPY_CONTEXT), ['none/Dockerfile warning', 'other/Dockerfile warning']);
  const stdin = runCli(['scan', '--format', 'json', '--fail-on', 'none', '--stdin-filename', 'plain/Dockerfile', '-'], { cwd: repo, input: COPY });
  assert.deepEqual(only((JSON.parse(stdin.stdout) as { findings: Found[] }).findings, COPY_CONTEXT), [], 'stdin named into a folder with a .dockerignore');
});
