// `shipshape scan DIR` treats the directory as a workspace: cross-file rules (k8s/network-policy-coverage) report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onlyRulesConfig, runCli } from './run';

const RULE = 'k8s/network-policy-coverage';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: nginx:1.27}]\n';
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-ingress\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Ingress]\n';

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-ws-'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app/deploy.yaml'), DEPLOYMENT);
  return dir;
}

interface Json {
  findings: { file: string; ruleId: string; severity: string; range: unknown; object?: unknown }[];
}

function scan(cwd: string, ...args: string[]): Json {
  const r = runCli(['scan', '--format', 'json', '--fail-on', 'none', '--config', onlyRulesConfig([RULE]), ...args], { cwd });
  assert.equal(r.stderr, '', r.stderr);
  assert.equal(r.status, 0);
  return JSON.parse(r.stdout) as Json;
}

test('scan DIR: a Deployment of namespace shop without a NetworkPolicy is reported on its name', () => {
  const dir = fixture();
  const picked = scan(dir, '.').findings.map(({ file, ruleId, severity, range, object }) => ({ file, ruleId, severity, range, object }));
  assert.deepEqual(picked, [
    {
      file: 'app/deploy.yaml',
      ruleId: RULE,
      severity: 'info',
      range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } },
      object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' },
    },
  ]);
});

test('scan DIR: a NetworkPolicy in another file selecting the pods silences it', () => {
  const dir = fixture();
  mkdirSync(join(dir, 'net'));
  writeFileSync(join(dir, 'net/policy.yaml'), POLICY);
  assert.deepEqual(scan(dir, '.').findings, []);
  // A policy selecting other pods does not.
  writeFileSync(join(dir, 'net/policy.yaml'), POLICY.replace('{app: web}', '{app: api}'));
  assert.deepEqual(scan(dir, '.').findings.map((f) => [f.file, f.ruleId]), [['app/deploy.yaml', RULE]]);
});

test('scan FILE...: a list of files is not a workspace, so the cross-file rule stays quiet', () => {
  const dir = fixture();
  assert.deepEqual(scan(dir, 'app/deploy.yaml').findings, []);
});

test('scan DIR: text and SARIF carry the workspace finding too; severity config applies', () => {
  const dir = fixture();
  const text = runCli(['scan', '--fail-on', 'none', '--config', onlyRulesConfig([RULE]), '.'], { cwd: dir });
  assert.match(text.stdout, /app\/deploy\.yaml:4:9 +info +No NetworkPolicy in namespace `shop`/);
  const sarif = runCli(['scan', '--format', 'sarif', '--fail-on', 'none', '--config', onlyRulesConfig([RULE]), '.'], { cwd: dir });
  const run = (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }[] }[] }[] }).runs[0]!;
  assert.deepEqual(run.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri]), [[RULE, 'note', 'app/deploy.yaml']]);
  writeFileSync(join(dir, '.shipshape.yaml'), `rules:\n  ${RULE}: off\n`);
  const off = runCli(['scan', '--format', 'json', '--fail-on', 'none', '.'], { cwd: dir });
  assert.deepEqual((JSON.parse(off.stdout) as Json).findings.filter((f) => f.ruleId === RULE), []);
});

test('scan DIR text: files in path order as they stream, cross-file findings after them, one summary', () => {
  const dir = fixture();
  const latest = 'FROM node:latest\n';
  // `a-b` sorts before `a/` and `a0` after it: the text follows the order of the full paths.
  for (const path of ['a/Dockerfile', 'a-b/Dockerfile', 'a0/Dockerfile', 'app/z/Dockerfile']) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), latest);
  }
  const config = onlyRulesConfig([RULE, 'dockerfile/no-latest-tag']);
  const text = runCli(['scan', '--fail-on', 'none', '--config', config, '.'], { cwd: dir });
  assert.equal(text.status, 0, text.stderr);
  const lines = text.stdout.split('\n');
  const files = lines.filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.split(':')[0]);
  assert.deepEqual(files, ['a-b/Dockerfile', 'a/Dockerfile', 'a0/Dockerfile', 'app/z/Dockerfile', 'app/deploy.yaml']);
  const heading = lines.indexOf('Cross-file findings (workspace rules):');
  assert.ok(heading > 0 && lines.findIndex((l) => l.startsWith('app/deploy.yaml:')) > heading, text.stdout);
  assert.match(lines.at(-2)!, /^✖ 5 problems in 5 files \(0 errors, 4 warnings, 1 info, 0 hints\)$/);
  // The same findings as the JSON report, which merges them per file.
  const json = scan(dir, '--config', config, '.');
  assert.equal(json.findings.length, 5);
});

test('scan inputs: command-line order with stdin in the middle, each file once', () => {
  const dir = fixture();
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'b/Dockerfile'), 'FROM node:latest\n');
  writeFileSync(join(dir, 'app/Dockerfile'), 'FROM node:latest\n');
  const config = onlyRulesConfig(['dockerfile/no-latest-tag']);
  const r = runCli(['scan', '--fail-on', 'none', '--config', config, '--stdin-filename', 'Dockerfile', 'b', '-', 'app', 'b/Dockerfile'], { cwd: dir, input: 'FROM alpine:latest\n' });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.split(':')[0]);
  assert.deepEqual(files, ['b/Dockerfile', 'Dockerfile', 'app/Dockerfile']);
  assert.match(r.stdout, /✖ 3 problems in 4 files/);
});
