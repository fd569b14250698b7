// The GitHub Action (action.yml) run as the runner runs a composite step: the step's `env` with `${{ inputs.* }}`
// filled from the given inputs or their defaults, its `run` under bash in `working-directory`, GITHUB_ACTION_PATH
// and GITHUB_OUTPUT set. The SARIF it writes is what upload-sarif takes; its exit code is the CLI's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';

const ROOT = join(__dirname, '../../..');

interface Step {
  id: string;
  shell: string;
  'working-directory': string;
  env: Record<string, string>;
  run: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

function runAction(workspace: string, inputs: Record<string, string>) {
  const value = (expr: string): string =>
    expr.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => {
      assert.ok(name in action.inputs, `unknown input ${name}`);
      return inputs[name] ?? action.inputs[name]!.default;
    });
  const [step] = action.runs.steps;
  const outputFile = join(mkdtempSync(join(tmpdir(), 'shipshape-gh-')), 'output');
  writeFileSync(outputFile, '');
  const env = { PATH: process.env['PATH'] ?? '', HOME: workspace, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, ...Object.fromEntries(Object.entries(step!.env).map(([k, v]) => [k, value(v)])) };
  const r = spawnSync('bash', ['-e', '-c', step!.run], { cwd: join(workspace, value(step!['working-directory'])), env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=', 2) as [string, string]));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-action-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM node:latest\n');
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, 'deploy/pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    securityContext: {privileged: true}\n');
  writeFileSync(join(dir, 'docs.md'), '# not scanned\n');
  return dir;
}

test('action.yml is a composite action with no Docker, taking paths, fail-on, config and format', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'format', 'output', 'paths', 'working-directory']);
  assert.deepEqual(Object.keys(action.outputs).sort(), ['exit-code', 'report']);
  assert.ok(action.runs.steps.every((s) => !('uses' in s)), 'no docker:// or container steps');
  // Inputs reach the script through env only, so no input can inject shell code.
  for (const step of action.runs.steps) assert.doesNotMatch(step.run, /\$\{\{/);
});

test('the action writes SARIF for upload-sarif and exits as the CLI does', () => {
  const dir = workspace();
  const r = runAction(dir, { paths: 'Dockerfile\n  deploy ', output: 'results/shipshape.sarif' });
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(r.outputs, { report: 'results/shipshape.sarif', 'exit-code': '1' });
  const sarif = JSON.parse(readFileSync(join(dir, 'results/shipshape.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  const uris = new Set(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
  assert.deepEqual([...uris].sort(), ['Dockerfile', 'deploy/pod.yaml']);

  const lenient = runAction(dir, { 'fail-on': 'none' });
  assert.equal(lenient.status, 0, lenient.stderr);
  assert.equal(lenient.outputs['exit-code'], '0');
  assert.ok(JSON.parse(readFileSync(join(dir, 'shipshape.sarif'), 'utf8')));
});

test('the action: text format goes to the log, a config is used, a bad input fails with 2', () => {
  const dir = workspace();
  writeFileSync(join(dir, 'ci.shipshape.yaml'), 'rules:\n  k8s/no-privileged: off\n  dockerfile/no-latest-tag: off\n');
  const text = runAction(dir, { format: 'text', output: 'report.txt', config: 'ci.shipshape.yaml', 'fail-on': 'error' });
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /deploy\/pod\.yaml:/);
  assert.doesNotMatch(text.stdout, /no-privileged|no-latest-tag/);
  assert.equal(readFileSync(join(dir, 'report.txt'), 'utf8'), text.stdout);
  const bad = runAction(dir, { 'fail-on': 'sometimes' });
  assert.equal(bad.status, 2);
  assert.equal(bad.outputs['exit-code'], '2');
  const inSub = runAction(dir, { 'working-directory': 'deploy', paths: '.' });
  assert.equal(inSub.status, 1, inSub.stderr);
});
