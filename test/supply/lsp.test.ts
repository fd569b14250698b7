// The language server's registry features over the protocol: the built dist/server.js over stdio, a real
// distribution registry on loopback behind a recording proxy (so the tests see every request the server makes).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeActionResolveRequest,
  ExecuteCommandRequest,
  HoverRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type Hover,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { Pusher, forward, registryForTest, requireTools, startHttpServer, tempDir, type TestServer as HttpSpy } from '../support/registry';
import { fullCapabilities, startServer, type TestServer } from '../protocol/client';

const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
];
const URI = 'file:///work/app/Dockerfile';

function withResolve(caps: ClientCapabilities = fullCapabilities()): ClientCapabilities {
  const codeAction = caps.textDocument?.codeAction ?? {};
  return { ...caps, textDocument: { ...caps.textDocument, codeAction: { ...codeAction, resolveSupport: { properties: ['edit'] } } } };
}

interface Lsp {
  server: TestServer;
  edits: WorkspaceEdit[];
  messages: string[];
  progress: number;
}

async function lsp(t: TestContext, opts: { trusted?: boolean; registry?: Record<string, unknown>; capabilities?: ClientCapabilities } = {}): Promise<Lsp> {
  const storage = tempDir('shipshape-lsp-storage-');
  t.after(() => storage.remove());
  const { server } = await startServer({
    capabilities: opts.capabilities ?? withResolve(),
    initializationOptions: { workspaceTrusted: opts.trusted ?? true, globalStoragePath: storage.path },
    configuration: (params) => params.items.map(() => ({ enable: true, registry: opts.registry ?? {} })),
  });
  t.after(() => server.dispose());
  const state: Lsp = { server, edits: [], messages: [], progress: 0 };
  server.connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
    state.edits.push(p.edit);
    return { applied: true };
  });
  server.connection.onRequest(WorkDoneProgressCreateRequest.type, () => void state.progress++);
  server.connection.onNotification(ShowMessageNotification.type, (p) => void state.messages.push(p.message));
  server.connection.onRequest(ShowMessageRequest.type, (p) => {
    state.messages.push(p.message);
    return null;
  });
  return state;
}

async function spyRegistry(t: TestContext): Promise<{ spy: HttpSpy; push: Pusher }> {
  const reg = await registryForTest(t);
  const spy = await startHttpServer((req, res) => forward(req, res, reg.url));
  t.after(() => spy.close());
  return { spy, push: new Pusher(reg.url) };
}

function at(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

async function actionsAt(s: Lsp, uri: string, range: Range): Promise<CodeAction[]> {
  const got = (await s.server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })) ?? [];
  return got.filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

function applyTo(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit, 'an edit');
  const edits = edit.changes?.[uri] ?? (edit.documentChanges ?? []).flatMap((c) => ('edits' in c && c.textDocument.uri === uri ? c.edits : []));
  assert.ok(edits.length > 0, `edits for ${uri} in ${JSON.stringify(edit)}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents);
}

test('"Pin to digest" is offered without a lookup and resolved lazily to the index digest', async (t) => {
  if (!requireTools(t)) return;
  const { spy, push } = await spyRegistry(t);
  const { index } = await push.multiArch('app', '1.0', PLATFORMS);
  const s = await lsp(t);
  const text = `FROM ${spy.host}/app:1.0 AS base\nUSER 10001\n`;
  await s.server.open(URI, 'dockerfile', text);
  await s.server.diagnostics(URI);

  const actions = await actionsAt(s, URI, at(0, 8));
  const pin = actions.find((a) => a.title === 'Pin to digest');
  assert.ok(pin, `offered: ${actions.map((a) => a.title).join(', ')}`);
  assert.ok(pin.kind === 'refactor.rewrite' || pin.kind === 'quickfix');
  assert.equal(pin.edit, undefined, 'no edit until resolved');
  assert.equal(spy.requests.length, 0, 'offering the action made no registry request');
  assert.deepEqual(await actionsAt(s, URI, at(1, 2)).then((a) => a.filter((x) => x.title === 'Pin to digest')), [], 'nothing off the image');

  const resolved = await s.server.connection.sendRequest(CodeActionResolveRequest.type, pin);
  assert.equal(applyTo(text, URI, resolved.edit), `FROM ${spy.host}/app:1.0@${index.digest} AS base\nUSER 10001\n`);
  assert.ok(spy.requests.some((r) => r.method === 'HEAD' && r.url === '/v2/app/manifests/1.0'));
});

test('untrusted workspace: no pin action, no lookup on hover or command, until trust is granted', async (t) => {
  if (!requireTools(t)) return;
  const { spy, push } = await spyRegistry(t);
  const { index } = await push.multiArch('app', '1.0', PLATFORMS);
  const s = await lsp(t, { trusted: false, registry: { checkDigests: true } });
  const text = `FROM ${spy.host}/app:1.0\n`;
  await s.server.open(URI, 'dockerfile', text);
  await s.server.diagnostics(URI);

  assert.deepEqual((await actionsAt(s, URI, at(0, 8))).filter((a) => a.title === 'Pin to digest' || a.title === 'Update digest'), []);
  const hover = hoverText(await s.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 8 } }));
  assert.match(hover, /untrusted workspace/);
  await s.server.connection.sendRequest(ExecuteCommandRequest.type, {
    command: 'shipshape.pinImage',
    arguments: [{ shipshape: 'pin', uri: URI, version: 1, text: `${spy.host}/app:1.0`, start: { line: 0, character: 5 } }],
  });
  await s.server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.pinAllInFile', arguments: [{ uri: URI }] });
  assert.equal(spy.requests.length, 0, 'no registry request while untrusted');
  assert.deepEqual(s.edits, []);

  await s.server.connection.sendNotification('shipshape/trustChanged', { trusted: true });
  await s.server.diagnostics(URI);
  const pin = (await actionsAt(s, URI, at(0, 8))).find((a) => a.title === 'Pin to digest');
  assert.ok(pin);
  const resolved = await s.server.connection.sendRequest(CodeActionResolveRequest.type, pin);
  assert.equal(applyTo(text, URI, resolved.edit), `FROM ${spy.host}/app:1.0@${index.digest}\n`);
});

test('shipshape.registry.enable false: no pin action and the hover says why', async (t) => {
  if (!requireTools(t)) return;
  const { spy, push } = await spyRegistry(t);
  await push.multiArch('app', '1.0', PLATFORMS);
  const s = await lsp(t, { registry: { enable: false } });
  await s.server.open(URI, 'dockerfile', `FROM ${spy.host}/app:1.0\n`);
  await s.server.diagnostics(URI);
  assert.deepEqual((await actionsAt(s, URI, at(0, 8))).filter((a) => a.title === 'Pin to digest' || a.title === 'Update digest'), []);
  const hover = hoverText(await s.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 8 } }));
  assert.match(hover, /shipshape\.registry\.enable/);
  assert.equal(spy.requests.length, 0);
});

test('hover on a Kubernetes image shows registry, digest, platforms, signature state and when it was checked', async (t) => {
  if (!requireTools(t)) return;
  const { spy, push } = await spyRegistry(t);
  const { index } = await push.multiArch('team/web', '2', PLATFORMS);
  await push.cosignSignature('team/web', index.digest);
  const s = await lsp(t);
  const uri = 'file:///work/app/deploy.yaml';
  const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: '${spy.host}/team/web:2'\n`;
  await s.server.open(uri, 'yaml', text);
  await s.server.diagnostics(uri);
  const hover = await s.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 20 } });
  const md = hoverText(hover);
  assert.match(md, new RegExp(`Registry \`${spy.host.replace(/\./g, '\\.')}\` · repository \`team/web\``));
  assert.ok(md.includes(`Tag \`2\` → \`${index.digest}\` (index)`), md);
  assert.ok(md.includes('Platforms: linux/amd64, linux/arm64/v8'), md);
  assert.ok(md.includes('Signed: cosign signature tag'), md);
  assert.match(md, /Checked \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  const range = hover?.range;
  assert.ok(range && range.start.line === 9 && range.start.character <= 18 && range.end.character >= 18 + `${spy.host}/team/web:2`.length, JSON.stringify(range));
});

test('hover says "Registry lookup failed" in one sentence when the registry is offline', async (t) => {
  const s = await lsp(t);
  await s.server.open(URI, 'dockerfile', 'FROM 127.0.0.1:9/app:1.0\n');
  await s.server.diagnostics(URI);
  const md = hoverText(await s.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 8 } }));
  assert.match(md, /^Registry lookup failed: .+$/m);
});

test('checkDigests: a moved tag gives registry/digest-drift with an "Update digest" quick fix', async (t) => {
  if (!requireTools(t)) return;
  const { spy, push } = await spyRegistry(t);
  const old = await push.multiArch('app', '1.0', PLATFORMS);
  const moved = await push.multiArch('app', '1.0', PLATFORMS);
  const s = await lsp(t, { registry: { checkDigests: true } });
  const text = `FROM ${spy.host}/app:1.0@${old.index.digest}\n`;
  await s.server.open(URI, 'dockerfile', text);
  const published = await s.server.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'registry/digest-drift'), 'drift');
  const drift = published.diagnostics.find((d) => d.code === 'registry/digest-drift')!;
  assert.equal(drift.severity, 3);
  assert.ok(drift.message.includes(moved.index.digest));
  assert.match(drift.codeDescription?.href ?? '', /docs\/rules\/registry\/digest-drift\.md$/);
  const update = (await actionsAt(s, URI, drift.range)).find((a) => a.title === 'Update digest');
  assert.ok(update?.edit, 'an eager edit: the digest is already known');
  assert.equal(update.kind, 'quickfix');
  assert.equal(applyTo(text, URI, update.edit), `FROM ${spy.host}/app:1.0@${moved.index.digest}\n`);
});

test('clients without resolve support get the shipshape.pinImage command, which applies the edit', async (t) => {
  if (!requireTools(t)) return;
  const { spy, push } = await spyRegistry(t);
  const { index } = await push.multiArch('app', '1.0', PLATFORMS);
  const s = await lsp(t, { capabilities: fullCapabilities() });
  const text = `FROM ${spy.host}/app:1.0\n`;
  await s.server.open(URI, 'dockerfile', text);
  await s.server.diagnostics(URI);
  const all = (await s.server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: at(0, 8), context: { diagnostics: [] } })) ?? [];
  const pin = all.find((a) => a.title === 'Pin to digest') as CodeAction | undefined;
  const command = pin?.command as Command | undefined;
  assert.equal(command?.command, 'shipshape.pinImage');
  assert.equal(spy.requests.length, 0);
  await s.server.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments ?? [] });
  assert.equal(s.edits.length, 1);
  assert.equal(applyTo(text, URI, s.edits[0]), `FROM ${spy.host}/app:1.0@${index.digest}\n`);
});

test('shipshape.pinAllInFile pins every image of the file in one edit, with progress', async (t) => {
  if (!requireTools(t)) return;
  const { spy, push } = await spyRegistry(t);
  const a = await push.multiArch('a', '1', PLATFORMS);
  const b = await push.image('b', '2', { os: 'linux', architecture: 'amd64' });
  const s = await lsp(t);
  const text = `FROM ${spy.host}/a:1 AS one\nFROM ${spy.host}/b:2\nCOPY --from=one /x /x\n`;
  await s.server.open(URI, 'dockerfile', text);
  await s.server.diagnostics(URI);
  const summary = await s.server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.pinAllInFile', arguments: [{ uri: URI }] });
  assert.deepEqual(summary, { files: 1, pinned: 2, updated: 0, unchanged: 0, failed: [], applied: true });
  assert.equal(s.edits.length, 1);
  assert.equal(applyTo(text, URI, s.edits[0]), `FROM ${spy.host}/a:1@${a.index.digest} AS one\nFROM ${spy.host}/b:2@${b.digest}\nCOPY --from=one /x /x\n`);
  assert.equal(s.progress, 1);
  assert.ok(s.messages.some((m) => /pinned 2/.test(m)));
});

test('nothing of the credentials appears in hovers, diagnostics, messages or logs (Basic-auth registry)', async (t) => {
  if (!requireTools(t, ['docker-registry', 'htpasswd'])) return;
  const password = 'Lsp-S3cret-Pw-42';
  const reg = await registryForTest(t, { auth: { kind: 'htpasswd', username: 'dev', password } });
  const basic = Buffer.from(`dev:${password}`).toString('base64');
  const push = new Pusher(reg.url, `Basic ${basic}`);
  const old = await push.multiArch('private/app', '3', PLATFORMS);
  await push.multiArch('private/app', '3', PLATFORMS);
  const s = await lsp(t, { registry: { checkDigests: true, credentials: { [reg.host]: { username: 'dev', password } } } });
  const text = `FROM ${reg.host}/private/app:3@${old.index.digest}\nFROM ${reg.host}/private/missing:1\n`;
  await s.server.open(URI, 'dockerfile', text);
  const published = await s.server.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'registry/digest-drift'), 'drift');
  const hovers = [
    await s.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 8 } }),
    await s.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 1, character: 8 } }),
  ];
  assert.match(hoverText(hovers[0]!), /out of date/);
  assert.match(hoverText(hovers[1]!), /Registry lookup failed/);
  const wrong = await lsp(t, { registry: { credentials: { [reg.host]: { username: 'dev', password: 'Wrong-Pw-4711' } } } });
  await wrong.server.open(URI, 'dockerfile', text);
  await wrong.server.diagnostics(URI);
  const denied = hoverText(await wrong.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 8 } }));
  assert.match(denied, /denied/);
  const output = JSON.stringify([published, hovers, denied, s.messages, s.server.logs, s.server.stderr, wrong.messages, wrong.server.logs, wrong.server.stderr]);
  for (const secret of [password, basic, 'Wrong-Pw-4711', Buffer.from('dev:Wrong-Pw-4711').toString('base64')]) assert.ok(!output.includes(secret), 'a secret leaked');
});

test('Ctrl+. (only quick fixes, with the diagnostics under the caret) offers "Pin to digest" attached to the not-pinned finding', async (t) => {
  if (!requireTools(t)) return;
  const { spy, push } = await spyRegistry(t);
  await push.multiArch('app', '1.0', PLATFORMS);
  const s = await lsp(t);
  await s.server.open(URI, 'dockerfile', `FROM ${spy.host}/app:1.0\n`);
  const { diagnostics } = await s.server.diagnostics(URI);
  const under = diagnostics.filter((d) => d.range.start.line === 0 && d.range.start.character <= 8 && d.range.end.character >= 8);
  const got = (await s.server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: at(0, 8), context: { diagnostics: under, only: ['quickfix'] } })) ?? [];
  const pin = got.find((a) => a.title === 'Pin to digest') as CodeAction | undefined;
  assert.ok(pin, `quick fixes: ${got.map((a) => a.title).join(', ')}; diagnostics: ${under.map((d) => d.code).join(', ')}`);
  assert.equal(pin.kind, 'quickfix');
  assert.equal(spy.requests.length, 0);
});
