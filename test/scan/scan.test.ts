// scanFiles: .gitignore (nested, negation), config ignores, files.exclude, multi-root, workers, progress, cancel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IgnoreRules, scanFiles, type ScanProgress } from '../../server/src/scan';
import { tempTree } from '../support/tree';

const WORKER = join(__dirname, '..', '..', '..', 'dist', 'scan-worker.js');

const tree = (files: Record<string, string>): string => tempTree('shipshape-scan-', files);

const DF = 'FROM node:latest\n';
const files = {
  '.git/HEAD': 'ref: x\n',
  '.gitignore': 'build/\n*.generated.yaml\n!keep.generated.yaml\n',
  'Dockerfile': DF,
  'app/Dockerfile': DF,
  'app/.gitignore': '/local.yaml\n',
  'app/local.yaml': 'a: 1\n',
  'app/sub/local.yaml': 'a: 1\n',
  'build/Dockerfile': DF,
  'x.generated.yaml': 'a: 1\n',
  'keep.generated.yaml': 'a: 1\n',
  'vendor/Dockerfile': DF,
  'excluded/Dockerfile': DF,
  'node_modules/pkg/Dockerfile': DF,
  'README.md': '# not lintable\n',
};

const rel = (root: string, paths: string[]) => paths.map((p) => relative(root, p).split('\\').join('/'));

test('scan: ignore files, config ignores and files.exclude decide what is linted', async () => {
  const root = tree(files);
  try {
    const summary = await scanFiles([root], {
      workers: 0,
      exclude: ['**/excluded'],
      configIgnore: () => IgnoreRules.parse(root, ['vendor/']),
    });
    assert.deepEqual(rel(root, summary.files.map((f) => f.path)), ['Dockerfile', 'app/Dockerfile', 'app/sub/local.yaml', 'keep.generated.yaml']);
    assert.equal(summary.cancelled, false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('scan: multi-root, per-file config, worker threads and progress', { skip: !existsSync(WORKER) && 'dist/scan-worker.js not built' }, async () => {
  const a = tree({ 'Dockerfile': DF, 'b/Dockerfile': DF });
  const b = tree({ 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    securityContext: {privileged: true}\n' });
  try {
    const seen: ScanProgress[] = [];
    const streamed: string[] = [];
    const summary = await scanFiles([a, b], {
      workers: 2,
      workerScript: WORKER,
      configFor: (path) => (path.startsWith(a) ? { rules: { 'dockerfile/no-latest-tag': 'error' } } : {}),
      onProgress: (p) => seen.push(p),
      onResult: (r) => streamed.push(r.path),
    });
    assert.equal(summary.threads, 2);
    assert.equal(summary.files.length, 3);
    assert.deepEqual([...streamed].sort(), summary.files.map((f) => f.path).sort());
    const latest = summary.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'dockerfile/no-latest-tag');
    assert.deepEqual(latest.map((f) => f.severity), ['error', 'error']);
    assert.ok(summary.files.some((f) => f.findings.some((x) => x.ruleId === 'k8s/no-privileged')));
    assert.deepEqual(seen[seen.length - 1], { done: 3, total: 3, walking: false, findings: summary.findings });
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('scan: ordered results follow the full paths, whichever worker finishes first', { skip: !existsSync(WORKER) && 'dist/scan-worker.js not built' }, async () => {
  const names = ['a/Dockerfile', 'a-b/Dockerfile', 'a0/Dockerfile', 'a/b/c/Dockerfile', 'a/x.yaml', 'Dockerfile', 'z.yaml', 'm/Dockerfile.prod'];
  const root = tree(Object.fromEntries(names.map((n, i) => [n, n.endsWith('.yaml') ? `a: ${'x'.repeat(i * 5000)}\n` : DF])));
  try {
    const streamed: string[] = [];
    const summary = await scanFiles([root, join(root, 'a')], { workers: 2, workerScript: WORKER, ordered: true, onResult: (r) => streamed.push(r.path) });
    const sorted = names.map((n) => join(root, n)).sort();
    assert.deepEqual(streamed, sorted, 'each file once, in path order, also when a later root holds it again');
    assert.deepEqual(summary.files.map((f) => f.path), sorted);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('scan: an aborted scan stops early and says so', async () => {
  const many: Record<string, string> = {};
  for (let i = 0; i < 200; i++) many[`d${i}/Dockerfile`] = DF;
  const root = tree(many);
  try {
    const controller = new AbortController();
    const summary = await scanFiles([root], { workers: 0, signal: controller.signal, onResult: () => controller.abort() });
    assert.equal(summary.cancelled, true);
    assert.ok(summary.files.length < 200, `linted ${summary.files.length} files after abort`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('gitignore rules: anchoring, dir-only, negation, ** and escapes', () => {
  const rules = IgnoreRules.parse('/r', ['*.log', '!important.log', '/root-only.yaml', 'dir/', 'a/**/z.yaml', '\\#hash', 'docs/*.md']);
  const cases: [string, boolean, boolean | undefined][] = [
    ['/r/x.log', false, true],
    ['/r/deep/x.log', false, true],
    ['/r/important.log', false, false],
    ['/r/root-only.yaml', false, true],
    ['/r/sub/root-only.yaml', false, undefined],
    ['/r/dir', true, true],
    ['/r/dir', false, undefined],
    ['/r/x/dir/f.yaml', false, true],
    ['/r/a/z.yaml', false, true],
    ['/r/a/b/c/z.yaml', false, true],
    ['/r/#hash', false, true],
    ['/r/docs/a.md', false, true],
    ['/r/docs/sub/a.md', false, undefined],
    ['/elsewhere/x.log', false, undefined],
  ];
  assert.deepEqual(cases.map(([p, d]) => [p, d, rules.test(p, d)]), cases);
});

test('exportSarif: scans the folders with their .shipshape.yaml and returns SARIF 2.1.0', async () => {
  const root = tree({
    '.git/HEAD': 'x\n',
    '.shipshape.yaml': 'rules:\n  dockerfile/no-latest-tag: error\nignore: [skip/]\n',
    'Dockerfile': DF,
    'skip/Dockerfile': DF,
  });
  try {
    const { exportSarif } = await import('../../server/src/scan/sarif');
    const { RULES } = await import('../../server/src/api');
    const out = await exportSarif([root], { metas: RULES.map((r) => r.meta), toolVersion: '0.0.0-test', workers: 0 });
    const sarif = JSON.parse(out.sarif) as { version: string; runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const latest = sarif.runs[0]!.results.filter((r) => r.ruleId === 'dockerfile/no-latest-tag');
    assert.deepEqual(latest.map((r) => [r.level, r.locations[0]!.physicalLocation.artifactLocation.uri]), [['error', 'Dockerfile']]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('scan: a file too large for the workers heap budget is linted again alone, with the same findings', { skip: !existsSync(WORKER) && 'dist/scan-worker.js not built' }, async () => {
  // One YAML document of ~3 MB: its parse needs far more than a 24 MB old generation.
  const containers = Array.from({ length: 6000 }, (_, i) => `  - name: c${i}\n    image: nginx:1.27.${i}\n    env:\n    - {name: A${i}, value: "${'x'.repeat(300)}"}\n`).join('');
  const big = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers}`;
  const root = tree({ 'big.yaml': big, 'Dockerfile': DF });
  try {
    const budget = await scanFiles([root], { workers: 1, workerScript: WORKER, workerHeap: { youngMb: 1, oldMb: 24 }, ordered: true });
    const plain = await scanFiles([root], { workers: 1, workerScript: WORKER, ordered: true });
    assert.equal(budget.files.length, 2);
    for (const [i, f] of budget.files.entries()) {
      assert.equal(f.skipped, undefined, `${f.path}: ${f.skipped}`);
      assert.deepEqual(f.findings, plain.files[i]!.findings);
    }
    assert.ok(budget.files.find((f) => f.path.endsWith('big.yaml'))!.findings.length > 6000);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
