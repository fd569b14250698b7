// The same server over --node-ipc (how the VS Code client starts it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LATEST_DOCKERFILE } from './expect';
import { withServer } from './client';

test('--node-ipc: initialize, diagnostics and hover', () =>
  withServer({ transport: 'ipc' }, async ({ server, init }) => {
    assert.equal(init.serverInfo?.name, 'shipshape');
    const uri = 'file:///ws/Dockerfile';
    await server.open(uri, 'dockerfile', LATEST_DOCKERFILE);
    const { diagnostics } = await server.diagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'dockerfile/no-latest-tag'));
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } });
    assert.ok(hover && MarkupContent.is(hover.contents) && hover.contents.value.includes('dockerfile/no-latest-tag'));
  }));
