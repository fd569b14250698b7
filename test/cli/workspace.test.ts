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

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

/** A Dockerfile floating on a tag, a Compose service and a Deployment pinning the same repository to two digests. */
function imageFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-images-'));
  mkdirSync(join(dir, 'app'));
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, 'app/Dockerfile'), 'FROM registry.example.com/team/app:1.4 AS base\nFROM base\nUSER 10001\n');
  writeFileSync(join(dir, 'compose.yaml'), `services:\n  web:\n    image: registry.example.com/team/app:1.4@${DIGEST_A}\n  api:\n    build: ./app\n    image: registry.example.com/team/app:dev\n`);
  writeFileSync(
    join(dir, 'deploy/web.yaml'),
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/team/app:1.4@${DIGEST_B}\n`,
  );
  return dir;
}

test('scan DIR: Dockerfile FROM, Compose image: and a Deployment disagreeing on one image, one finding per site', () => {
  const dir = imageFixture();
  const IMAGES = 'workspace/image-digest-consistency';
  const r = runCli(['scan', '--format', 'json', '--fail-on', 'none', '--config', onlyRulesConfig([IMAGES]), '.'], { cwd: dir });
  assert.equal(r.stderr, '', r.stderr);
  const found = (JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; message: string; range: { start: { line: number; character: number } } }[] }).findings;
  assert.deepEqual(
    found.map((f) => [f.file, f.range.start.line, f.range.start.character, f.ruleId, f.message.replace(/\s*\(image built and run by .*\)$/, '')]),
    [
      ['app/Dockerfile', 0, 5, IMAGES, '`registry.example.com/team/app` floats on a tag here but is pinned by digest in ../compose.yaml, ../deploy/web.yaml.'],
      ['compose.yaml', 2, 11, IMAGES, `\`registry.example.com/team/app\` is pinned to ${DIGEST_A} here but to another digest in deploy/web.yaml.`],
      ['deploy/web.yaml', 9, 17, IMAGES, `\`registry.example.com/team/app\` is pinned to ${DIGEST_B} here but to another digest in ../compose.yaml.`],
    ],
  );
  // The streamed text report lists them under the cross-file heading, and the old id is gone from the catalogue.
  const text = runCli(['scan', '--fail-on', 'none', '--config', onlyRulesConfig([IMAGES]), '.'], { cwd: dir });
  const lines = text.stdout.split('\n');
  const heading = lines.indexOf('Cross-file findings (workspace rules):');
  assert.ok(heading >= 0, text.stdout);
  assert.deepEqual(lines.slice(heading + 1).filter((l) => l.includes(IMAGES)).map((l) => l.split(' ')[0]), ['app/Dockerfile:1:6', 'compose.yaml:3:12', 'deploy/web.yaml:10:18']);
  const rules = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { rules: { id: string; target: string }[] };
  assert.deepEqual(rules.rules.filter((x) => x.id.endsWith('image-digest-consistency')), [{ ...rules.rules.find((x) => x.id === IMAGES)!, id: IMAGES, target: 'workspace' }]);
});

test('scan DIR: the findings of a Dockerfile a Compose service builds name the service (JSON, SARIF, streamed text)', () => {
  const dir = imageFixture();
  writeFileSync(join(dir, 'other.Dockerfile'), 'FROM node:latest\nUSER 10001\n');
  writeFileSync(join(dir, 'app/Dockerfile'), 'FROM node:latest\nUSER 10001\n');
  const LATEST = 'dockerfile/no-latest-tag';
  const NOTE = '(image built and run by service `api` in ../compose.yaml)';
  const config = onlyRulesConfig([LATEST]);
  const json = runCli(['scan', '--format', 'json', '--fail-on', 'none', '--config', config, '.'], { cwd: dir });
  type Related = { path: string; range: { start: { line: number; character: number } }; message: string };
  const found = (JSON.parse(json.stdout) as { findings: { file: string; message: string; related?: Related[] }[] }).findings;
  assert.deepEqual(
    found.map((f) => [f.file, f.message.endsWith(NOTE), f.related?.map((r) => [r.path, r.range.start.line, r.range.start.character, r.message])]),
    [
      ['app/Dockerfile', true, [['compose.yaml', 4, 11, 'Service `api` builds and runs this image.']]],
      ['other.Dockerfile', false, undefined],
    ],
  );
  const sarif = JSON.parse(runCli(['scan', '--format', 'sarif', '--fail-on', 'none', '--config', config, '.'], { cwd: dir }).stdout) as {
    runs: { results: { message: { text: string }; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  };
  const [built] = sarif.runs[0]!.results;
  assert.ok(built!.message.text.endsWith(NOTE), built!.message.text);
  assert.deepEqual(built!.relatedLocations?.map((l) => l.physicalLocation.artifactLocation.uri), ['compose.yaml']);
  // Streamed text writes the Dockerfile before the workspace is known, then says who runs it under the cross-file heading.
  const text = runCli(['scan', '--fail-on', 'none', '--config', config, '.'], { cwd: dir });
  const lines = text.stdout.split('\n');
  const heading = lines.indexOf('Cross-file findings (workspace rules):');
  assert.ok(heading > 0, text.stdout);
  assert.deepEqual(lines.slice(heading + 1, heading + 2), ['app/Dockerfile  image built and run by service `api` in ../compose.yaml']);
  assert.match(lines.at(-2)!, /^✖ 2 problems in 4 files/);
});
