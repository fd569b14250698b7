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
