// The files people actually have: Dockerfile names in use, files that cannot be linted (one notice each, the others
// reported as usual, the exit code following the findings), the size limit as a setting, and config globs.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isYamlName } from '../../server/src/core/detect';
import { isDockerfileName } from '../../server/src/dockerfile/detect';
import { decodeText, languageByContent } from '../../server/src/scan/lintFile';

const detectKind = (path: string): string => (isDockerfileName(path) ? 'dockerfile' : isYamlName(path) ? 'yaml' : 'other');
import { scanFiles } from '../../server/src/scan';
import { workspaceConfig } from '../../server/src/config/node';
import { RULES } from '../../server/src/api';
import { runCli } from '../cli/run';
import { tempTree } from '../support/tree';

const tree = (files: Record<string, string | Buffer>): string => tempTree('shipshape-skip-', files);

const DF = 'FROM node:latest\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    securityContext: {privileged: true}\n';

test('Dockerfile names in real repositories, in any case; names that only look like one are not', () => {
  const cases: [string, string][] = [
    ['Dockerfile', 'dockerfile'],
    ['dockerfile', 'dockerfile'],
    ['DOCKERFILE', 'dockerfile'],
    ['Dockerfile.dev', 'dockerfile'],
    ['Dockerfile-windows', 'dockerfile'],
    ['Dockerfile_arm', 'dockerfile'],
    ['Dockerfile-WINDOWS_LTSC2022', 'dockerfile'],
    ['app/Dockerfile-alpine3.20', 'dockerfile'],
    ['app.Dockerfile', 'dockerfile'],
    ['app.dockerfile', 'dockerfile'],
    ['build.DOCKERFILE', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['Containerfile.fedora', 'dockerfile'],
    ['Containerfile-ubi9', 'dockerfile'],
    ['app.Containerfile', 'dockerfile'],
    ['Dockerfile.dockerignore', 'other'],
    ['app.Dockerfile.dockerignore', 'other'],
    ['Dockerfile.md', 'other'],
    ['dockerfile_test.go', 'other'],
    ['Dockerfile-parser.js', 'other'],
    ['Dockerfiles', 'other'],
    ['MyDockerfile', 'other'],
    ['.dockerfile', 'other'],
    ['deploy.yaml', 'yaml'],
    ['Dockerfile.yaml', 'yaml'],
  ];
  assert.deepEqual(cases.map(([name]) => [name, detectKind(name)]), cases);
});

test('content decides for a file whose name says nothing', () => {
  const cases: [string, string | undefined][] = [
    ['FROM alpine:3.20\n', 'dockerfile'],
    ['# syntax=docker/dockerfile:1\n\n# build\narg VERSION=1\nFROM alpine:$VERSION\n', 'dockerfile'],
    ['\uFEFFFROM alpine\r\n', 'dockerfile'],
    ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n', 'yaml'],
    ['hello world\nFROM alpine\n', undefined],
    ['{"apiVersion": "v1"}\n', undefined],
    ['', undefined],
  ];
  assert.deepEqual(cases.map(([text]) => [text, languageByContent(text)]), cases);
});

test('bytes to text: UTF-8 with or without BOM, UTF-16 with BOM; binary and invalid UTF-8 are skipped', () => {
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM alpine\n', 'utf16le')]);
  const utf16be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('FROM alpine\n', 'utf16le').swap16()]));
  assert.deepEqual(decodeText(Buffer.from('FROM alpine\n')), { text: 'FROM alpine\n' });
  assert.deepEqual(decodeText(Buffer.from('\uFEFFFROM alpine\n')), { text: 'FROM alpine\n' });
  assert.deepEqual(decodeText(utf16le), { text: 'FROM alpine\n' });
  assert.deepEqual(decodeText(utf16be), { text: 'FROM alpine\n' });
  assert.deepEqual(decodeText(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x00])), { skipped: 'it is a binary file' });
  assert.deepEqual(decodeText(Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28])), { skipped: 'it is not valid UTF-8 text' });
});

test('scan: one notice per file that cannot be linted, the others reported, the exit code following the findings', () => {
  const root = tree({
    'Dockerfile-windows': DF,
    'k8s/pod.yaml': POD,
    // A pod carrying a 9 MB annotation, as generated bundles do.
    'k8s/huge.yaml': POD.replace('metadata: {name: p}', `metadata:\n  name: big\n  annotations:\n    blob: "${'x'.repeat(9_500_000)}"`),
    'k8s/binary.yaml': Buffer.from([0x00, 0x01, 0x02, 0x03]),
    'k8s/latin1.yaml': Buffer.from('name: caf\xe9\n', 'latin1'),
  });
  const r = runCli(['scan', '--format', 'json', '.'], { cwd: root });
  assert.equal(r.status, 1, `${r.stderr} ${r.stdout.length}`);
  const out = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; severity: string; message: string }[] };
  const skipped = out.findings.filter((f) => f.ruleId === 'shipshape/skipped-file').map((f) => [f.file, f.severity, f.message]);
  assert.deepEqual(skipped, [
    ['k8s/binary.yaml', 'info', 'Not linted: it is a binary file.'],
    ['k8s/huge.yaml', 'info', 'Not linted: it is 9.1 MB, over the 8 MB limit (maxFileSizeMB).'],
    ['k8s/latin1.yaml', 'info', 'Not linted: it is not valid UTF-8 text.'],
  ]);
  assert.ok(out.findings.some((f) => f.file === 'Dockerfile-windows' && f.ruleId === 'dockerfile/no-latest-tag'));
  assert.ok(out.findings.some((f) => f.file === 'k8s/pod.yaml' && f.ruleId === 'k8s/no-privileged'));

  // Only notices left: they are info, below the default --fail-on, so the scan passes.
  const quiet = runCli(['scan', 'k8s/huge.yaml', 'k8s/binary.yaml'], { cwd: root });
  assert.equal(quiet.status, 0, quiet.stderr);
  assert.match(quiet.stdout, /huge\.yaml:1:1 +info +Not linted: it is 9\.1 MB/);
  // `maxFileSizeMB` raises the limit; `shipshape/skipped-file: off` silences the notices.
  writeFileSync(join(root, '.shipshape.yaml'), 'maxFileSizeMB: 16\nrules:\n  shipshape/skipped-file: off\n');
  const raised = JSON.parse(runCli(['scan', '--format', 'json', '--fail-on', 'none', 'k8s'], { cwd: root }).stdout) as typeof out;
  assert.deepEqual(raised.findings.filter((f) => f.ruleId === 'shipshape/skipped-file'), []);
  assert.ok(raised.findings.some((f) => f.file === 'k8s/huge.yaml' && f.ruleId === 'k8s/no-privileged'), 'the 9 MB pod is linted under a 16 MB limit');
});

test('scan: a file given by name is decided by content, or reported as skipped; a FIFO is not read', () => {
  const root = tree({ 'build-image': 'FROM node:latest\n', 'manifest.k8s': POD, 'notes': 'hello\n', 'Dockerfile': DF });
  execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
  const r = runCli(['scan', '--format', 'json', '--fail-on', 'none', 'build-image', 'manifest.k8s', 'notes', 'pipe.yaml'], { cwd: root });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string; message: string }[] };
  assert.ok(out.findings.some((f) => f.file === 'build-image' && f.ruleId === 'dockerfile/no-latest-tag'));
  assert.ok(out.findings.some((f) => f.file === 'manifest.k8s' && f.ruleId === 'k8s/no-privileged'));
  const skipped = out.findings.filter((f) => f.ruleId === 'shipshape/skipped-file').map((f) => [f.file, f.message]);
  assert.deepEqual(skipped, [
    ['notes', 'Not linted: its name and content are neither a Dockerfile nor Kubernetes YAML.'],
    ['pipe.yaml', 'Not linted: it is not a regular file.'],
  ]);
  // Walking a directory never picks files up by content.
  const walked = JSON.parse(runCli(['scan', '--format', 'json', '--fail-on', 'none', '.'], { cwd: root }).stdout) as typeof out;
  assert.deepEqual([...new Set(walked.findings.map((f) => f.file))], ['Dockerfile']);
});

test('config `dockerfiles` patterns name more Dockerfiles; the workspace scan (editor) skips with the setting too', async () => {
  const root = tree({
    '.git/HEAD': 'x\n',
    '.shipshape.yaml': 'dockerfiles: ["docker/*.df", "images/**/build"]\nmaxFileSizeMB: 0.0001\n',
    'docker/web.df': DF,
    'images/a/b/build': DF,
    'images/a/b/other': DF,
    'small.yaml': POD.slice(0, 100),
    'k8s/pod.yaml': POD,
  });
  const config = workspaceConfig(RULES.map((r) => r.meta), [root], { maxFileBytes: 4096 });
  const summary = await scanFiles([root], { workers: 0, configFor: config.configFor, configIgnore: config.configIgnore, configDockerfiles: config.configDockerfiles });
  const byFile = Object.fromEntries(summary.files.map((f) => [relative(root, f.path), f.findings.map((x) => x.ruleId)]));
  assert.deepEqual(Object.keys(byFile).sort(), ['.shipshape.yaml', 'docker/web.df', 'images/a/b/build', 'k8s/pod.yaml', 'small.yaml']);
  assert.ok(byFile['docker/web.df']!.includes('dockerfile/no-latest-tag'));
  assert.ok(byFile['images/a/b/build']!.includes('dockerfile/no-latest-tag'));
  // The file's 0.0001 MB (105 bytes) wins over the editor's 4 KB: the 100-byte file is linted, the pod is not.
  assert.deepEqual(byFile['k8s/pod.yaml'], ['shipshape/skipped-file']);
  assert.notDeepEqual(byFile['small.yaml'], ['shipshape/skipped-file']);
});
