// The server survives hostile input: it keeps answering requests and validating other documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LATEST_DOCKERFILE, PRIVILEGED_POD } from './expect';
import { withServer } from './client';

function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', 'data:', '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 12; i++) lines.push(`  a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

function bigManifest(bytes: number): string {
  const doc = PRIVILEGED_POD;
  return Array.from({ length: Math.ceil(bytes / (doc.length + 4)) }, () => doc).join('---\n');
}

const HOSTILE: [string, string, string][] = [
  ['file:///ws/garbage/Dockerfile', 'dockerfile', randomBytes(64 * 1024).toString('latin1')],
  ['file:///ws/garbage.yaml', 'yaml', randomBytes(64 * 1024).toString('latin1')],
  ['file:///ws/big.yaml', 'yaml', bigManifest(5 * 1024 * 1024)],
  ['file:///ws/bomb.yaml', 'yaml', aliasBomb()],
  ['file:///ws/half/Dockerfile', 'dockerfile', 'FROM node:\nRUN apt-get install \\\n'],
  ['file:///ws/half2/Dockerfile', 'dockerfile', 'FROM --platform=$BUILDPLATFORM \nARG\nUSER\nCOPY --from= \n'],
  ['file:///ws/half.yaml', 'yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: [\n'],
  ['file:///ws/weird.yaml', 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata: 7\nspec:\n  containers: {a: b}\n  hostPID: [true]\n'],
];

test('hostile documents never take the server down', { timeout: 120_000 }, () =>
  withServer({}, async ({ server }) => {
    for (const [uri, languageId, text] of HOSTILE) {
      await server.open(uri, languageId, text);
      const published = await server.diagnostics(uri, () => true, `a result for ${uri}`);
      assert.ok(Array.isArray(published.diagnostics));
      // Every handler must answer on these documents too.
      await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
      await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
        context: { diagnostics: published.diagnostics.slice(0, 3), only: ['quickfix', 'source.fixAll'] },
      });
    }
    // Over the live-linting size limit: skipped with a log line rather than blocking the editor for seconds.
    assert.deepEqual(server.published.find((p) => p.uri === 'file:///ws/big.yaml')?.diagnostics, []);
    assert.ok(server.logs.some((l) => l.includes('file:///ws/big.yaml') && l.includes('limit')), 'the skip was not logged');
    // Malformed notifications and requests for unknown documents are answered, not fatal.
    await server.connection.sendNotification('shipshape/trustChanged', { trusted: 'maybe' });
    await server.connection.sendNotification('shipshape/trustChanged', null);
    assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///ws/never-opened' }, position: { line: 0, character: 0 } }), null);

    const uri = 'file:///ws/after/Dockerfile';
    await server.open(uri, 'dockerfile', LATEST_DOCKERFILE);
    const after = await server.diagnostics(uri);
    assert.ok(after.diagnostics.some((d) => d.code === 'dockerfile/no-latest-tag'), 'the server still validates');
    assert.ok(server.alive, `the server died:\n${server.stderr}`);
  }));
