// Compose files over stdio: the `dockercompose` language, hovers naming the service, the build link to the
// Dockerfile, a re-lint of the compose.yaml (open, or scanned and unopened) when the Dockerfile it builds or its .env
// changes, and the Dockerfile's findings naming the service that runs its image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, DocumentLinkRequest, FileChangeType, HoverRequest, MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { RULES } from '../../server/src/api';
import { withServer } from './client';
import { tempTree } from '../support/tree';

const COMPOSE = 'services:\n  api:\n    build: ./api\n    privileged: true\n';
const ROOT_DOCKERFILE = 'FROM node:22.11\nCMD ["node", "server.js"]\n';
const title = (id: string) => RULES.find((r) => r.meta.id === id)!.meta.title;

test('a compose file in the dockercompose language: findings name the service, hover renders the rule', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/stack.yaml';
    await server.open(uri, 'dockercompose', COMPOSE);
    const published = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'compose/no-privileged'));
    const privileged = published.diagnostics.find((d) => d.code === 'compose/no-privileged')!;
    assert.equal(privileged.message, 'Service `api` runs privileged.');
    assert.deepEqual(privileged.range, { start: { line: 3, character: 16 }, end: { line: 3, character: 20 } });
    assert.ok(!published.diagnostics.some((d) => String(d.code).startsWith('k8s/')), 'never linted as Kubernetes');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 17 } });
    assert.ok(hover && MarkupContent.is(hover.contents));
    assert.ok(hover.contents.value.includes(title('compose/no-privileged')), hover.contents.value);
  }));

test('build: links to the Dockerfile, and the service is re-linted when that Dockerfile changes', () =>
  withServer({}, async ({ server }) => {
    const compose = 'file:///ws/compose.yaml';
    const dockerfile = 'file:///ws/api/Dockerfile';
    await server.open(dockerfile, 'dockerfile', ROOT_DOCKERFILE);
    await server.diagnostics(dockerfile);
    await server.open(compose, 'yaml', COMPOSE);
    const first = await server.diagnostics(compose, (p) => p.diagnostics.some((d) => d.code === 'compose/root-user'));
    assert.equal(first.diagnostics.find((d) => d.code === 'compose/root-user')?.message, 'Service `api` sets no `user:`, and the image it builds from `api/Dockerfile` runs as root (its final stage sets no `USER`).');
    const links = await server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: compose } });
    assert.deepEqual(links, [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 16 } }, target: dockerfile }]);
    await server.change(dockerfile, 2, `${ROOT_DOCKERFILE}USER 10001\n`);
    await server.diagnostics(compose, (p) => !p.diagnostics.some((d) => d.code === 'compose/root-user'), 'compose/root-user to clear');
  }));

const SCAN = 'shipshape/scanWorkspace';

const tree = (files: Record<string, string>): string => tempTree('shipshape-compose-', files);

const uriOf = (root: string, path: string) => pathToFileURL(join(root, path)).href;
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

test('a scanned, unopened compose.yaml is re-linted when its .env or the Dockerfile it builds changes on disk', () =>
  withServer({}, async ({ server }) => {
    const root = tree({
      '.git/HEAD': 'ref: x\n',
      'compose.yaml': 'services:\n  api:\n    build: ./api\n    privileged: ${PRIVILEGED:-false}\n',
      'api/Dockerfile': ROOT_DOCKERFILE,
    });
    await server.connection.sendRequest(SCAN, { folders: [pathToFileURL(root).href] });
    const compose = uriOf(root, 'compose.yaml');
    const first = await server.diagnostics(compose, (p) => codes(p).includes('compose/root-user'));
    assert.ok(!codes(first).includes('compose/no-privileged'), 'no .env yet: privileged defaults to false');

    // The .env appears: the variable now makes the service privileged.
    writeFileSync(join(root, '.env'), 'PRIVILEGED=true\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(root, '.env'), type: FileChangeType.Created }] });
    await server.diagnostics(compose, (p) => codes(p).includes('compose/no-privileged'), 'compose/no-privileged after the .env was created');

    // The built Dockerfile switches to a non-root user: the service is no longer reported as root.
    writeFileSync(join(root, 'api/Dockerfile'), `${ROOT_DOCKERFILE}USER 10001\n`);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(root, 'api/Dockerfile'), type: FileChangeType.Changed }] });
    await server.diagnostics(compose, (p) => !codes(p).includes('compose/root-user') && codes(p).includes('compose/no-privileged'), 'compose/root-user to clear');

    // The .env goes away again.
    unlinkSync(join(root, '.env'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(root, '.env'), type: FileChangeType.Deleted }] });
    await server.diagnostics(compose, (p) => !codes(p).includes('compose/no-privileged'), 'compose/no-privileged to clear with the .env');
    rmSync(root, { recursive: true, force: true });
  }));

test('a scanned Dockerfile that a Compose service builds names the service on its findings, with the build: as related location', () =>
  withServer({}, async ({ server }) => {
    const root = tree({ '.git/HEAD': 'ref: x\n', 'compose.yaml': COMPOSE, 'api/Dockerfile': 'FROM node:latest\nUSER 10001\n', 'other/Dockerfile': 'FROM node:latest\nUSER 10001\n' });
    await server.connection.sendRequest(SCAN, { folders: [pathToFileURL(root).href] });
    const built = await server.diagnostics(uriOf(root, 'api/Dockerfile'), (p) => p.diagnostics.some((d) => d.code === 'dockerfile/no-latest-tag' && d.message.includes('(image built')));
    const latest = built.diagnostics.find((d) => d.code === 'dockerfile/no-latest-tag')!;
    assert.match(latest.message, / \(image built and run by service `api` in \.\.\/compose\.yaml\)$/);
    assert.deepEqual(latest.relatedInformation, [
      { location: { uri: uriOf(root, 'compose.yaml'), range: { start: { line: 2, character: 11 }, end: { line: 2, character: 16 } } }, message: 'Service `api` builds and runs this image.' },
    ]);
    const other = await server.diagnostics(uriOf(root, 'other/Dockerfile'), (p) => p.diagnostics.some((d) => d.code === 'dockerfile/no-latest-tag'));
    assert.ok(other.diagnostics.every((d) => !d.message.includes('built and run') && !d.relatedInformation), 'a Dockerfile nobody builds names no service');

    // Opened, the Dockerfile keeps the note while typing (its live lint joins the scanned workspace).
    const uri = uriOf(root, 'api/Dockerfile');
    await server.open(uri, 'dockerfile', 'FROM node:latest\nUSER 10001\n');
    await server.change(uri, 2, 'FROM node:latest\nUSER 10002\n');
    await server.diagnostics(uri, (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'dockerfile/no-latest-tag' && d.message.endsWith('(image built and run by service `api` in ../compose.yaml)')));
    rmSync(root, { recursive: true, force: true });
  }));
