// Compose files over stdio: the `dockercompose` language, hovers naming the service, the build link to the
// Dockerfile, and a re-lint of the open compose.yaml when the Dockerfile it builds changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentLinkRequest, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { RULES } from '../../server/src/api';
import { withServer } from './client';

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
