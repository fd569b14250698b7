// SARIF for code scanning: valid against the SARIF 2.1.0 schema, fingerprints that follow a finding when unrelated
// lines move, URIs relative to the scanned root that never climb out, and the message id of every finding.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../../server/src/api';
import { FINGERPRINT_KEY } from '../../server/src/cli/format/sarif';
import { ROOT, runCli } from './run';

// sarif-2.1.0-rtm.5.json: the SARIF 2.1.0 schema (JSON Schema draft-04) as shipped in the npm package
// @microsoft/jest-sarif (MIT), vendored so the test needs no network.
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The schema's language-tag pattern is not valid with the `u` flag; JSON Schema patterns are ECMA-262 without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  message: { text: string; id?: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifRule {
  id: string;
  help: { text: string; markdown: string };
  messageStrings?: Record<string, { text: string }>;
  properties: { tags: string[]; 'security-severity'?: string };
}
interface SarifLog {
  runs: { tool: { driver: { rules: SarifRule[] } }; originalUriBaseIds: Record<string, { uri: string }>; results: SarifResult[] }[];
}

function sarifScan(args: string[], cwd: string): SarifLog['runs'][number] {
  const r = runCli(['scan', '--format', 'sarif', '--fail-on', 'none', ...args], { cwd });
  assert.equal(r.status, 0, r.stderr);
  const log = JSON.parse(r.stdout) as SarifLog;
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  return log.runs[0]!;
}

const DOCKERFILE = ['FROM node:latest', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get install -y git', 'CMD node server.js', ''];
const MANIFEST = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:latest',
  '      securityContext:',
  '        privileged: true',
  '',
];

function workspace(dockerfile: string[], manifest: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-sarif-'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile.join('\n'));
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, 'deploy/pod.yaml'), manifest.join('\n'));
  return dir;
}

/** fingerprint -> "uri:line" */
function byFingerprint(results: readonly SarifResult[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of results) {
    const loc = r.locations[0]!.physicalLocation;
    const print = r.partialFingerprints[FINGERPRINT_KEY]!;
    assert.ok(!out.has(print), `duplicate fingerprint ${print}`);
    out.set(print, `${loc.artifactLocation.uri}:${loc.region.startLine}`);
  }
  return out;
}

test('the fixture workspace scan is valid SARIF 2.1.0 with help, tags, severity and message ids', () => {
  const run = sarifScan(['.'], join(ROOT, 'test/fixtures/workspace'));
  const rules = run.tool.driver.rules;
  for (const { meta } of RULES) {
    const rule = rules.find((r) => r.id === meta.id)!;
    assert.match(rule.help.markdown, new RegExp(`^# ${meta.id}`));
    assert.ok(rule.properties.tags.includes('security'));
    const score = Number(rule.properties['security-severity']);
    assert.ok(score > 0 && score <= 10, `${meta.id}: security-severity ${rule.properties['security-severity']}`);
    assert.deepEqual(Object.keys(rule.messageStrings ?? {}).sort(), Object.keys(meta.messages).sort());
    for (const { text } of Object.values(rule.messageStrings ?? {})) assert.doesNotMatch(text, /\{\{/, 'placeholders are SARIF-style {0}');
  }
  assert.ok(run.results.length > 5);
  for (const result of run.results) {
    const rule = rules[result.ruleIndex!]!;
    if (!result.ruleId.startsWith('shipshape/')) {
      assert.ok(result.message.id && rule.messageStrings?.[result.message.id], `${result.ruleId}: message id ${result.message.id}`);
    }
    assert.match(result.partialFingerprints[FINGERPRINT_KEY]!, /^[0-9a-f]{32}:\d+$/);
  }
});

test('fingerprints survive unrelated lines moving and change when the flagged line does', () => {
  const before = byFingerprint(sarifScan(['.'], workspace(DOCKERFILE, MANIFEST)).results);
  assert.ok(before.size >= 4, `${before.size} findings`);

  const moved = workspace(
    ['# syntax=docker/dockerfile:1', '', '# a build for the web app', ...DOCKERFILE.slice(0, 2), '', 'ENV A=1', ...DOCKERFILE.slice(2)],
    ['# the web pod', ...MANIFEST.slice(0, 4), '  labels:', '    app: web', ...MANIFEST.slice(4)],
  );
  const after = byFingerprint(sarifScan(['.'], moved).results);
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'the same findings keep their fingerprints');
  assert.notDeepEqual([...after.values()].sort(), [...before.values()].sort(), 'while their lines moved');

  const edited = workspace(['FROM node:current', ...DOCKERFILE.slice(1)], MANIFEST);
  const changed = byFingerprint(sarifScan(['.'], edited).results);
  const lost = [...before.keys()].filter((k) => !changed.has(k)).map((k) => before.get(k));
  const onLine1 = [...before.values()].filter((v) => v === 'Dockerfile:1');
  assert.ok(onLine1.length > 0);
  assert.deepEqual(lost, onLine1, 'only the findings on the edited line are new');
});

test('two identical findings on identical lines get distinct fingerprints', () => {
  const dir = workspace(['FROM node:20', 'RUN apt-get install -y git', 'RUN apt-get install -y git', ''], MANIFEST);
  const run = sarifScan(['Dockerfile'], dir);
  const prints = run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]!);
  assert.equal(new Set(prints).size, prints.length);
});

test('artifact URIs are relative to the scanned root and never start with ../', () => {
  const dir = workspace(DOCKERFILE, MANIFEST);
  const inside = sarifScan(['.'], dir);
  assert.equal(fileURLToPath(inside.originalUriBaseIds['%SRCROOT%']!.uri), `${dir}/`);
  assert.deepEqual([...new Set(inside.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri))].sort(), ['Dockerfile', 'deploy/pod.yaml']);

  // From a sibling folder: the root becomes the folder holding every scanned file.
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  const outside = sarifScan(['../deploy', '../Dockerfile'], elsewhere);
  const root = fileURLToPath(outside.originalUriBaseIds['%SRCROOT%']!.uri);
  assert.equal(root, `${dir}/`);
  for (const r of outside.results) {
    const { uri } = r.locations[0]!.physicalLocation.artifactLocation;
    assert.ok(!uri.startsWith('../') && !uri.startsWith('/'), uri);
    assert.ok(readFileSync(join(root, decodeURIComponent(uri)), 'utf8').length > 0, `${uri} resolves against %SRCROOT%`);
  }
  const only = sarifScan(['../deploy'], elsewhere);
  assert.equal(fileURLToPath(only.originalUriBaseIds['%SRCROOT%']!.uri), `${join(dir, 'deploy')}/`);
  assert.deepEqual([...new Set(only.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri))], ['pod.yaml']);
});

test('JSON findings carry the message id of the message that fired', () => {
  const r = runCli(['scan', '--format', 'json', '--fail-on', 'none', '.'], { cwd: workspace(DOCKERFILE, MANIFEST) });
  const out = JSON.parse(r.stdout) as { findings: { ruleId: string; messageId: string | null; message: string }[] };
  assert.ok(out.findings.length >= 4);
  for (const f of out.findings) {
    const meta = RULES.find((x) => x.meta.id === f.ruleId)?.meta;
    if (meta) assert.ok(f.messageId !== null && f.messageId in meta.messages, `${f.ruleId}: ${f.messageId}`);
    else assert.ok(f.messageId === null || typeof f.messageId === 'string');
  }
  assert.ok(out.findings.some((f) => f.ruleId === 'k8s/no-privileged' && f.messageId === 'privileged'));
});
