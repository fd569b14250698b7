// The CLI contract: exit codes, JSON/SARIF/text output, the rules catalogue and stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES, ENGINE_DIAGNOSTICS } from '../../server/src/api';
import { docsUrl, renderIndex } from '../../server/src/docs/render';
import { GOLDEN_RULES, ROOT, WORKSPACE, assertGolden, onlyRulesConfig, runCli } from './run';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const SEVERITIES = ['error', 'warning', 'info', 'hint'];

interface JsonOut {
  version: number;
  tool: { name: string; version: string };
  summary: Record<string, number>;
  findings: {
    file: string;
    ruleId: string;
    severity: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    object?: { apiVersion: string; kind: string; name: string; namespace?: string; container?: string };
    fix: { title: string; edits: unknown[] } | null;
    suggestions: { title: string; edits: unknown[] }[];
  }[];
}

function scanJson(args: string[], cwd = WORKSPACE): { status: number | null; out: JsonOut; stderr: string } {
  const r = runCli(['scan', '--format', 'json', ...args], { cwd });
  assert.equal(r.stderr, '', r.stderr);
  return { status: r.status, out: JSON.parse(r.stdout) as JsonOut, stderr: r.stderr };
}

test('--version prints the package version; --help lists the commands', () => {
  const v = runCli(['--version']);
  assert.deepEqual([v.status, v.stdout.trim()], [0, VERSION]);
  const h = runCli(['--help']);
  assert.equal(h.status, 0);
  assert.match(h.stdout, /scan \[PATH\.\.\.\]/);
  assert.match(h.stdout, /rules/);
  const sh = runCli(['scan', '--help']);
  assert.equal(sh.status, 0);
  assert.match(sh.stdout, /"version": 1/, 'scan --help documents the JSON shape');
  assert.match(sh.stdout, /--fail-on SEVERITY/);
});

test('usage errors exit 2 with a message on stderr', () => {
  const cases: [string[], RegExp][] = [
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['scan', '--frobnicate'], /unknown option '--frobnicate'/],
    [['lint'], /unknown command 'lint'/],
    [[], /missing command/],
    [['scan', '--format', 'xml'], /--format' must be one of text, json, sarif/],
    [['scan', '--fail-on', 'fatal'], /--fail-on' must be one of/],
    [['scan', '--format'], /needs a value/],
    [['rules', '--format', 'sarif'], /must be one of text, json, markdown/],
    [['scan', 'no/such/dir'], /no such file or directory: no\/such\/dir/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stdout, '', `${args.join(' ')} wrote to stdout`);
  }
});

test('a bad config file exits 2 and names the problem', () => {
  const dir = onlyRulesConfig([]).replace(/shipshape\.json$/, '');
  const cases: [string, string, RegExp][] = [
    ['unknown-rule.yaml', 'rules:\n  dockerfile/no-such-rule: error\n', /unknown-rule\.yaml:2:3: warning: Unknown rule `dockerfile\/no-such-rule`/],
    ['bad-level.yaml', 'rules:\n  dockerfile/no-latest-tag: loud\n', /bad-level\.yaml:2:29: error: Expected one of "error", .* got "loud"/],
    ['bad-key.yaml', 'rulez: {}\n', /bad-key\.yaml:1:1: warning: Unknown setting `rulez`/],
    ['bad-yaml.yaml', 'rules: [\n', /bad-yaml\.yaml:2:1: error: Config not read/],
    ['bad-registries.json', '{"trustedRegistries": "ghcr.io"}', /bad-registries\.json:1:23: error: Expected a list of strings/],
  ];
  for (const [name, text, message] of cases) {
    writeFileSync(join(dir, name), text);
    const r = runCli(['scan', '--config', join(dir, name), 'Dockerfile']);
    assert.equal(r.status, 2, name);
    assert.match(r.stderr, message, name);
    assert.match(r.stderr, /^shipshape: invalid configuration in .*; nothing was linted$/m, name);
    assert.equal(r.stdout, '', `${name}: a broken config lints nothing`);
  }
  const missing = runCli(['scan', '--config', join(dir, 'nope.yaml')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read config file/);
});

test('exit codes follow --fail-on (default: warning)', () => {
  const config = onlyRulesConfig(GOLDEN_RULES);
  const exit = (args: string[]): number | null => runCli(['scan', '--config', config, ...args]).status;
  // Dockerfile has only warnings from the golden rules; k8s/workloads.yaml has errors.
  assert.equal(exit(['Dockerfile']), 1, 'warnings fail by default');
  assert.equal(exit(['--fail-on', 'error', 'Dockerfile']), 0);
  assert.equal(exit(['--fail-on', 'warning', 'Dockerfile']), 1);
  assert.equal(exit(['--fail-on', 'error', 'k8s/workloads.yaml']), 1);
  assert.equal(exit(['--fail-on', 'none', '.']), 0, 'none never fails');
  assert.equal(exit(['clean']), 0, 'a clean directory passes');
  assert.equal(exit(['--fail-on', 'hint', 'clean']), 0);
  // A file named explicitly that is neither a Dockerfile nor a manifest is one info notice (shipshape/skipped-file).
  assert.equal(exit(['clean', 'docs/README.md']), 0);
  assert.equal(exit(['--fail-on', 'info', 'clean', 'docs/README.md']), 1);
});

test('JSON output matches the golden file (golden rules only)', () => {
  const { status, out } = scanJson(['--config', onlyRulesConfig(GOLDEN_RULES), '.']);
  assert.equal(status, 1);
  assert.deepEqual(out.tool, { name: 'shipshape', version: VERSION });
  // tool.version is the only volatile field.
  assertGolden('scan.json', `${JSON.stringify({ ...out, tool: { ...out.tool, version: '<version>' } }, null, 2)}\n`);
});

test('JSON findings carry file, rule, severity, message, 0-based range, Kubernetes object and fix availability', () => {
  const { out } = scanJson(['.']);
  assert.equal(out.version, 1);
  assert.ok(out.findings.length > 0);
  for (const f of out.findings) {
    assert.deepEqual(Object.keys(f).filter((k) => !['object'].includes(k)).sort(), ['file', 'fix', 'message', 'messageId', 'range', 'ruleId', 'severity', 'suggestions']);
    assert.ok(SEVERITIES.includes(f.severity));
    assert.ok(!f.file.startsWith('/') && !f.file.includes('\\'), `relative posix path: ${f.file}`);
    assert.ok(f.range.start.line >= 0 && f.range.start.character >= 0);
    assert.ok(f.fix === null || (typeof f.fix.title === 'string' && f.fix.edits.length > 0));
    if (f.file.startsWith('k8s/') && !f.ruleId.startsWith('shipshape/')) {
      assert.ok(f.object, `${f.ruleId} in ${f.file} has no object`);
      assert.equal(typeof f.object.apiVersion, 'string');
      assert.equal(typeof f.object.kind, 'string');
      assert.equal(typeof f.object.name, 'string');
    }
  }
  const privileged = out.findings.filter((f) => f.ruleId === 'k8s/no-privileged');
  assert.deepEqual(
    privileged.map((f) => f.object),
    [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop', container: 'setup' },
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop', container: 'web' },
    ],
  );
  assert.deepEqual(privileged[0]!.range, { start: { line: 28, character: 24 }, end: { line: 28, character: 28 } });
  const sum = SEVERITIES.reduce((n, s) => n + (out.summary[s] ?? 0), 0);
  assert.equal(out.summary.findings, out.findings.length);
  assert.equal(sum, out.findings.length);
  assert.ok(!out.findings.some((f) => f.file === 'docs/README.md'), 'non-container files are not reported');
  const compose = out.findings.filter((f) => f.file === 'k8s/compose.yaml');
  assert.ok(compose.length > 0 && compose.every((f) => f.ruleId.startsWith('compose/')), 'a Compose file is linted as Compose, never as Kubernetes');
  assert.deepEqual(compose.find((f) => f.ruleId === 'compose/no-privileged')?.object, { apiVersion: 'compose', kind: 'service', name: 'web' });
  assert.ok(out.findings.some((f) => f.ruleId === 'shipshape/parse-error' && f.file === 'k8s/broken.yaml'));
});

test('text output matches the snapshot; colour only when asked or on a TTY', () => {
  const config = onlyRulesConfig(GOLDEN_RULES);
  const r = runCli(['scan', '--config', config, '.']);
  assert.equal(r.status, 1);
  // eslint-disable-next-line no-control-regex -- matching the ANSI escape character is the point of this assertion
  assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colours when stdout is not a TTY');
  assertGolden('scan.txt', r.stdout);
  assert.match(r.stdout, /^Dockerfile:2:11 +warning +Base image `node:latest` uses the `latest` tag; pin a version\. +dockerfile\/no-latest-tag$/m);
  const coloured = runCli(['scan', '--color', '--config', config, 'Dockerfile']);
  // eslint-disable-next-line no-control-regex -- matching the ANSI escape character is the point of this assertion
  assert.match(coloured.stdout, /\u001b\[33mwarning/);
  const noColor = runCli(['scan', '--config', config, 'Dockerfile'], { env: { NO_COLOR: '1' } });
  // eslint-disable-next-line no-control-regex -- matching the ANSI escape character is the point of this assertion
  assert.doesNotMatch(noColor.stdout, /\u001b\[/);
  const clean = runCli(['scan', '--config', config, 'clean']);
  assert.deepEqual([clean.status, clean.stdout], [0, 'No problems found in 2 files.\n']);
});

test('SARIF 2.1.0: driver with rule metadata, results with 1-based regions and rule indexes', () => {
  const r = runCli(['scan', '--format', 'sarif', '--fail-on', 'none', '.']);
  assert.equal(r.status, 0, r.stderr);
  const sarif = JSON.parse(r.stdout) as {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, any>[] } }; // eslint-disable-line @typescript-eslint/no-explicit-any
      results: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      columnKind: string;
      originalUriBaseIds: Record<string, { uri: string }>;
    }[];
  };
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.equal(sarif.runs.length, 1);
  const run = sarif.runs[0]!;
  const driver = run.tool.driver;
  assert.equal(driver.name, 'Shipshape');
  assert.equal(driver.version, VERSION);
  assert.match(driver.informationUri, /^https:\/\//);
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.match(run.originalUriBaseIds['%SRCROOT%']!.uri, /^file:\/\/.*\/$/);
  const ids = driver.rules.map((rule) => rule.id as string);
  assert.deepEqual(ids, [...RULES.map((x) => x.meta.id).sort(), ...Object.keys(ENGINE_DIAGNOSTICS)]);
  for (const { meta } of RULES) {
    const rule = driver.rules.find((x) => x.id === meta.id)!;
    assert.equal(typeof rule.name, 'string');
    assert.ok(rule.shortDescription.text.length > 0 && rule.fullDescription.text.length > 0);
    assert.ok(rule.help.text.length > 0);
    assert.match(rule.help.markdown, new RegExp(`^# ${meta.id}`));
    assert.equal(rule.helpUri, docsUrl(meta.id));
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    for (const eq of meta.equivalents) assert.ok(rule.properties.tags.includes(eq), `${meta.id} tags lack ${eq}`);
  }
  assert.ok(run.results.length > 0);
  for (const result of run.results) {
    assert.equal(driver.rules[result.ruleIndex]?.id, result.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    assert.ok(result.message.text.length > 0);
    const loc = result.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(!loc.artifactLocation.uri.startsWith('/'));
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endLine >= loc.region.startLine);
  }
  const latest = run.results.find((x) => x.ruleId === 'dockerfile/no-latest-tag' && x.locations[0].physicalLocation.artifactLocation.uri === 'Dockerfile');
  assert.deepEqual(latest?.locations[0].physicalLocation.region, { startLine: 2, startColumn: 11, endLine: 2, endColumn: 17 });
  const privileged = run.results.find((x) => x.ruleId === 'k8s/no-privileged');
  assert.deepEqual(privileged?.fixes?.[0], {
    description: { text: 'Set `privileged: false`' },
    artifactChanges: [
      {
        artifactLocation: { uri: 'k8s/workloads.yaml', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { startLine: 29, startColumn: 25, endLine: 29, endColumn: 29 }, insertedContent: { text: 'false' } }],
      },
    ],
  });
});

test('rules --format json lists every rule with its contract fields; markdown is the generated index', () => {
  const r = runCli(['rules', '--format', 'json']);
  assert.equal(r.status, 0);
  const out = JSON.parse(r.stdout) as { version: number; rules: Record<string, unknown>[] };
  assert.equal(out.version, 1);
  assert.deepEqual(out.rules.map((x) => x.id), RULES.map((x) => x.meta.id).sort());
  for (const { meta } of RULES) {
    const rule = out.rules.find((x) => x.id === meta.id)!;
    assert.deepEqual(rule, {
      id: meta.id,
      title: meta.title,
      target: meta.target,
      severity: meta.severity,
      enabledByDefault: meta.enabledByDefault !== false,
      fix: meta.fix ?? null,
      equivalents: meta.equivalents,
      messageEquivalents: meta.messageEquivalents ?? {},
      description: meta.description,
      docsUrl: docsUrl(meta.id),
    });
  }
  const md = runCli(['rules', '--format', 'markdown']);
  assert.deepEqual([md.status, md.stdout], [0, `${renderIndex(RULES.map((x) => x.meta))}\n`]);
  const text = runCli(['rules']);
  assert.equal(text.status, 0);
  for (const { meta } of RULES) assert.match(text.stdout, new RegExp(`^${meta.id} `, 'm'));
});

test('stdin: - with --stdin-filename, and YAML sniffed without it', () => {
  const config = onlyRulesConfig(GOLDEN_RULES);
  const docker = runCli(['scan', '--format', 'json', '--config', config, '--stdin-filename', 'Dockerfile', '-'], { input: 'FROM alpine:latest\nUSER 1\n' });
  assert.equal(docker.status, 1, docker.stderr);
  const d = JSON.parse(docker.stdout) as JsonOut;
  assert.deepEqual(
    d.findings.map((f) => [f.file, f.ruleId, f.range]),
    [['Dockerfile', 'dockerfile/no-latest-tag', { start: { line: 0, character: 12 }, end: { line: 0, character: 18 } }]],
  );
  const pod = readFileSync(join(WORKSPACE, 'k8s/workloads.yaml'), 'utf8');
  const yaml = runCli(['scan', '--format', 'json', '--config', config, '-'], { input: pod });
  const y = JSON.parse(yaml.stdout) as JsonOut;
  assert.deepEqual(y.findings.map((f) => [f.file, f.ruleId, f.object?.container]), [
    ['stdin', 'k8s/no-privileged', 'setup'],
    ['stdin', 'k8s/no-privileged', 'web'],
  ]);
  const sniffed = runCli(['scan', '--format', 'json', '--config', config, '-'], { input: '# build\nFROM ubuntu\n' });
  assert.deepEqual((JSON.parse(sniffed.stdout) as JsonOut).findings.map((f) => f.ruleId), ['dockerfile/no-latest-tag']);
  const twice = runCli(['scan', '-', '-']);
  assert.equal(twice.status, 2);
});

test('a UTF-8 byte-order mark is dropped before linting, so columns match what editors show', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bom-'));
  writeFileSync(join(dir, 'Dockerfile'), '\uFEFFFROM node:latest\n');
  const config = onlyRulesConfig(['dockerfile/no-latest-tag']);
  const r = runCli(['scan', '--format', 'json', '--fail-on', 'none', '--config', config, 'Dockerfile'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: { ruleId: string; range: unknown }[] };
  assert.deepEqual(out.findings.map((f) => [f.ruleId, f.range]), [['dockerfile/no-latest-tag', { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } }]]);
});
