// The workspace beyond open documents: scan with .gitignore, files.exclude and .shipshape.yaml; open documents
// under a config file; the file watcher keeping scanned results fresh; broken configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  DidChangeWatchedFilesRegistrationOptions,
  FileChangeType,
  type ConfigurationParams,
  type FileEvent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { fullCapabilities, withServer, type TestServer } from './client';
import { LATEST_DOCKERFILE, PRIVILEGED_POD } from './expect';
import { tempTree, writeTreeFile } from '../support/tree';

const SCAN = 'shipshape/scanWorkspace';
const LATEST = 'dockerfile/no-latest-tag';
const PRIVILEGED = 'k8s/no-privileged';

const tree = (files: Record<string, string>): string => tempTree('shipshape-ws-', files);
const write = writeTreeFile;

const uriOf = (root: string, path: string) => pathToFileURL(join(root, path)).href;
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
const has = (code: string) => (p: PublishDiagnosticsParams) => codes(p).includes(code);
const lacks = (code: string) => (p: PublishDiagnosticsParams) => !codes(p).includes(code);

/** Answers `shipshape` with defaults and `files.exclude` with the given globs. */
function configuration(filesExclude: Record<string, boolean> = {}) {
  return (params: ConfigurationParams) => params.items.map((item) => (item.section === 'files.exclude' ? filesExclude : { enable: true }));
}

function watched(server: TestServer, ...changes: FileEvent[]): Promise<void> {
  return server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
}

function withCapabilities() {
  const caps = fullCapabilities();
  caps.workspace!.didChangeWatchedFiles = { dynamicRegistration: true };
  return caps;
}

test('scan honours .gitignore, files.exclude and a .shipshape.yaml that switches a rule off; watchers are registered', () =>
  withServer({ capabilities: withCapabilities(), configuration: configuration({ '**/excluded': true, '**/kept': false }) }, async ({ server }) => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'ignored/\n',
      'Dockerfile': LATEST_DOCKERFILE,
      'quiet/.shipshape.yaml': `rules:\n  ${LATEST}: off\n`,
      'quiet/Dockerfile': LATEST_DOCKERFILE,
      'ignored/Dockerfile': LATEST_DOCKERFILE,
      'excluded/Dockerfile': LATEST_DOCKERFILE,
      'kept/pod.yaml': PRIVILEGED_POD,
    });
    const result = await server.connection.sendRequest(SCAN, { folders: [pathToFileURL(root).href] });
    // Dockerfile, quiet/Dockerfile, kept/pod.yaml and quiet/.shipshape.yaml (which reports its own problems).
    assert.equal((result as { files: number }).files, 4);
    const published = new Set(server.published.map((p) => p.uri));
    assert.ok(!published.has(uriOf(root, 'ignored/Dockerfile')), '.gitignore was not honoured');
    assert.ok(!published.has(uriOf(root, 'excluded/Dockerfile')), 'files.exclude was not honoured');
    await server.diagnostics(uriOf(root, 'Dockerfile'), has(LATEST));
    const quiet = await server.diagnostics(uriOf(root, 'quiet/Dockerfile'));
    assert.ok(lacks(LATEST)(quiet), 'the .shipshape.yaml next to the file switched the rule off');
    await server.diagnostics(uriOf(root, 'kept/pod.yaml'), has(PRIVILEGED));

    const watchers = server.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method);
    assert.ok(watchers, 'no file watchers registered');
    const globs = (watchers.registerOptions as DidChangeWatchedFilesRegistrationOptions).watchers.map((w) => w.globPattern);
    for (const glob of ['**/*.{yaml,yml}', '**/.shipshape.{yaml,yml,json}']) assert.ok(globs.includes(glob), `${glob} is not watched`);
    rmSync(root, { recursive: true, force: true });
  }));

test('an open document uses the nearest .shipshape.yaml over editor settings, and a config change re-lints it', () =>
  withServer({ configuration: (p) => p.items.map(() => ({ enable: true, rules: { [LATEST]: 'hint' } })) }, async ({ server }) => {
    const root = tree({ '.git/HEAD': 'ref: x\n', '.shipshape.yaml': `rules:\n  ${LATEST}: error\n` });
    const uri = uriOf(root, 'app/Dockerfile');
    await server.open(uri, 'dockerfile', LATEST_DOCKERFILE);
    const first = await server.diagnostics(uri);
    assert.equal(first.diagnostics.find((d) => d.code === LATEST)?.severity, DiagnosticSeverity.Error, 'the file outranks editor settings');

    write(root, '.shipshape.yaml', `rules:\n  ${LATEST}: off\n`);
    await watched(server, { uri: uriOf(root, '.shipshape.yaml'), type: FileChangeType.Changed });
    await server.diagnostics(uri, lacks(LATEST), 'the rule to be switched off by the changed config');

    unlinkSync(join(root, '.shipshape.yaml'));
    await watched(server, { uri: uriOf(root, '.shipshape.yaml'), type: FileChangeType.Deleted });
    const back = await server.diagnostics(uri, has(LATEST), 'editor settings once the config is gone');
    assert.equal(back.diagnostics.find((d) => d.code === LATEST)?.severity, DiagnosticSeverity.Hint);
    rmSync(root, { recursive: true, force: true });
  }));

test('watched files: a scanned file is re-linted on change, a new file is linted unless ignored, a deleted one is cleared', () =>
  withServer({ configuration: configuration() }, async ({ server }) => {
    const root = tree({ '.git/HEAD': 'ref: x\n', '.gitignore': 'ignored/\n', 'Dockerfile': LATEST_DOCKERFILE, 'pod.yaml': PRIVILEGED_POD });
    await server.connection.sendRequest(SCAN, { folders: [pathToFileURL(root).href] });
    const dockerfile = uriOf(root, 'Dockerfile');
    await server.diagnostics(dockerfile, has(LATEST));
    await server.diagnostics(uriOf(root, 'pod.yaml'), has(PRIVILEGED));

    write(root, 'Dockerfile', 'FROM node:22.11-bookworm-slim\nUSER 10001\n');
    await watched(server, { uri: dockerfile, type: FileChangeType.Changed });
    await server.diagnostics(dockerfile, lacks(LATEST), 'the changed Dockerfile to be re-linted');

    write(root, 'ignored/Dockerfile', LATEST_DOCKERFILE);
    await watched(server, { uri: uriOf(root, 'ignored/Dockerfile'), type: FileChangeType.Created });
    write(root, 'new/Dockerfile', LATEST_DOCKERFILE);
    await watched(server, { uri: uriOf(root, 'new/Dockerfile'), type: FileChangeType.Created });
    await server.diagnostics(uriOf(root, 'new/Dockerfile'), has(LATEST), 'the created Dockerfile to be linted');
    // Watcher batches run in order, so the ignored file's batch has finished by now.
    assert.ok(!server.published.some((p) => p.uri === uriOf(root, 'ignored/Dockerfile')), 'a .gitignored file was linted');

    unlinkSync(join(root, 'pod.yaml'));
    await watched(server, { uri: uriOf(root, 'pod.yaml'), type: FileChangeType.Deleted });
    await server.diagnostics(uriOf(root, 'pod.yaml'), (p) => p.diagnostics.length === 0, 'the deleted file to be cleared');

    // A new .shipshape.yaml re-scans: its rule setting and its ignore patterns apply to files already scanned.
    write(root, '.shipshape.yaml', `rules:\n  ${LATEST}: off\nignore: [new/]\n`);
    write(root, 'Dockerfile', LATEST_DOCKERFILE);
    await watched(server, { uri: uriOf(root, '.shipshape.yaml'), type: FileChangeType.Created }, { uri: dockerfile, type: FileChangeType.Changed });
    await server.diagnostics(uriOf(root, 'new/Dockerfile'), (p) => p.diagnostics.length === 0, 'the newly ignored file to be cleared');
    const last = server.published.filter((p) => p.uri === dockerfile).at(-1)!;
    assert.ok(lacks(LATEST)(last), 'the new config did not apply to the scanned Dockerfile');
    rmSync(root, { recursive: true, force: true });
  }));

test('a broken config gets diagnostics in the config file (YAML and JSON) while linting goes on with what is valid', () =>
  withServer({}, async ({ server }) => {
    const text = `rules:\n  ${LATEST}: loud\n  ${PRIVILEGED}: off\n`;
    const root = tree({ '.git/HEAD': 'ref: x\n', '.shipshape.yaml': text });
    const config = uriOf(root, '.shipshape.yaml');
    await server.open(config, 'yaml', text);
    const problems = await server.diagnostics(config);
    assert.deepEqual(
      problems.diagnostics.map((d) => [d.code, d.severity, d.range.start]),
      [['shipshape/config', DiagnosticSeverity.Error, { line: 1, character: 28 }]],
    );

    const dockerfile = uriOf(root, 'Dockerfile');
    await server.open(dockerfile, 'dockerfile', LATEST_DOCKERFILE);
    const df = await server.diagnostics(dockerfile);
    assert.equal(df.diagnostics.find((d) => d.code === LATEST)?.severity, DiagnosticSeverity.Warning, 'the broken entry falls back to the default');
    const pod = uriOf(root, 'pod.yaml');
    await server.open(pod, 'yaml', PRIVILEGED_POD);
    assert.ok(lacks(PRIVILEGED)(await server.diagnostics(pod)), 'the valid entry still applies');

    const json = uriOf(root, 'sub/.shipshape.json');
    await server.open(json, 'json', '{"rules": {"k8s/no-privilegd": "off"}}');
    const jsonProblems = await server.diagnostics(json);
    assert.deepEqual(jsonProblems.diagnostics.map((d) => [d.code, d.severity, d.range.start]), [['shipshape/config', DiagnosticSeverity.Warning, { line: 0, character: 11 }]]);

    const unparsable = uriOf(root, 'other/.shipshape.yaml');
    write(root, 'other/.shipshape.yaml', 'rules: [\n');
    await server.open(unparsable, 'yaml', 'rules: [\n');
    assert.equal((await server.diagnostics(unparsable)).diagnostics[0]?.code, 'shipshape/config');
    const otherDockerfile = uriOf(root, 'other/Dockerfile');
    await server.open(otherDockerfile, 'dockerfile', LATEST_DOCKERFILE);
    await server.diagnostics(otherDockerfile, has(LATEST), 'defaults while the config cannot be read');
    rmSync(root, { recursive: true, force: true });
  }));
