// Signature verdicts through the language server: the built server over stdio, a real registry on loopback
// behind a recording proxy, images signed with the test's own cosign key, and a `.shipshape.yaml` policy on disk.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidSaveTextDocumentNotification, HoverRequest, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { Pusher, forward, registryForTest, requireTools, startHttpServer, tempDir, type TestServer as HttpSpy } from '../support/registry';
import { fingerprint, pushVerdictImages } from '../support/signing';
import { startServer, fullCapabilities, type TestServer } from './client';

const CHECK = 'registry/image-signature';

interface World {
  spy: HttpSpy;
  dir: string;
  pub: string;
  digests: Record<string, string>;
}

/** The registry (behind a recording proxy) with one image per verdict, and a workspace whose policy names them. */
async function world(t: TestContext): Promise<World> {
  const reg = await registryForTest(t);
  const spy = await startHttpServer((req, res) => forward(req, res, reg.url));
  t.after(() => spy.close());
  const { key, digests } = await pushVerdictImages(new Pusher(reg.url));
  const dir = tempDir('shipshape-lsp-signatures-');
  t.after(() => dir.remove());
  mkdirSync(join(dir.path, '.git'));
  writeFileSync(join(dir.path, 'cosign.pub'), key.publicPem);
  writeFileSync(join(dir.path, '.shipshape.yaml'), `signatures:\n  policy:\n    - images: "${spy.host}/team/*"\n      keys: [cosign.pub]\n`);
  return { spy, dir: dir.path, pub: key.publicPem, digests };
}

async function lsp(t: TestContext, trusted = true): Promise<TestServer> {
  const storage = tempDir('shipshape-lsp-storage-');
  t.after(() => storage.remove());
  const { server } = await startServer({
    capabilities: fullCapabilities(),
    initializationOptions: { workspaceTrusted: trusted, globalStoragePath: storage.path },
    configuration: (params) => params.items.map(() => ({ enable: true })),
  });
  t.after(() => server.dispose());
  return server;
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents);
}

const verdicts = (ds: Diagnostic[]): [number, string, string][] =>
  ds.filter((d) => d.code === CHECK).map((d) => [d.range.start.line, d.severity === 1 ? 'error' : d.severity === 3 ? 'info' : String(d.severity), d.message.split('. ')[0]!]);

test('editor: after open, covered images get their verdict as diagnostics and in the hover', async (t) => {
  if (!requireTools(t)) return;
  const w = await world(t);
  const server = await lsp(t);
  const h = w.spy.host;
  const uri = pathToFileURL(join(w.dir, 'Dockerfile')).href;
  const text = [`FROM ${h}/team/signed:1 AS a`, `FROM ${h}/team/unsigned:1 AS b`, `FROM ${h}/team/foreign:1 AS c`, `FROM ${h}/team/moved:1 AS d`, `FROM ${h}/team/multi:1`, 'USER 10001', ''].join('\n');
  writeFileSync(join(w.dir, 'Dockerfile'), text);
  await server.open(uri, 'dockerfile', text);
  const published = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === CHECK), 'signature verdicts');
  assert.deepEqual(verdicts(published.diagnostics), [
    [1, 'error', `\`${h}/team/unsigned:1\` has no valid signature from a trusted signer`],
    [2, 'error', `\`${h}/team/foreign:1\` is signed, but not by a trusted signer`],
    [3, 'error', `\`${h}/team/moved:1\` has no valid signature from a trusted signer`],
  ]);
  const d = published.diagnostics.find((x) => x.code === CHECK)!;
  assert.deepEqual(d.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 5 + `${h}/team/unsigned:1`.length } });
  assert.match(d.codeDescription?.href ?? '', /docs\/rules\/registry\/image-signature\.md$/);

  const hover = async (line: number): Promise<string> => hoverText(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 12 } }));
  const signer = `${fingerprint(w.pub)} (cosign.pub)`;
  assert.ok((await hover(0)).includes(`- Signed by ${signer}, verified`), await hover(0));
  assert.match(await hover(1), /- Not signed: No signature: no cosign signature, Sigstore bundle or Notation signature for sha256:[0-9a-f]{64}\./);
  assert.match(await hover(2), /- Not trusted: Wrong key: the cosign signature does not verify with cosign\.pub/);
  assert.match(await hover(3), /- Invalid signature: Digest mismatch: the signature by cosign\.pub .* is for sha256:[0-9a-f]{12}…, not for the image sha256:[0-9a-f]{12}…\./);
  const multi = await hover(4);
  assert.ok(multi.includes(`→ \`${w.digests.multi}\` (index)`) && multi.includes(`- Signed by ${signer}, verified`), multi);
});

test('editor: typing never checks signatures; saving does, and the new image gets its verdict', async (t) => {
  if (!requireTools(t)) return;
  const w = await world(t);
  const server = await lsp(t);
  const h = w.spy.host;
  const uri = pathToFileURL(join(w.dir, 'deploy.yaml')).href;
  const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: "${image}"\n`;
  await server.open(uri, 'yaml', pod(`${h}/team/signed:1`));
  await server.diagnostics(uri);
  // The open-time check of the signed image finishes with no finding, so wait for its requests to settle by
  // hovering (which answers from the verdict the check stored).
  assert.match(hoverText(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 6, character: 14 } })), /Signed by .*, verified/);
  const before = w.spy.requests.length;

  await server.change(uri, 2, pod(`${h}/team/unsigned:1`));
  const typed = await server.diagnostics(uri, (p) => p.version === 2, 'diagnostics of the edit');
  assert.deepEqual(verdicts(typed.diagnostics), [], 'no verdict for an image only typed');
  assert.equal(w.spy.requests.length, before, 'typing made no registry request');

  await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  const saved = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === CHECK), 'verdict after save');
  assert.deepEqual(verdicts(saved.diagnostics), [[6, 'error', `\`${h}/team/unsigned:1\` has no valid signature from a trusted signer`]]);
  assert.ok(w.spy.requests.length > before);
});

test('editor: an untrusted workspace checks nothing and the hover says why', async (t) => {
  if (!requireTools(t)) return;
  const w = await world(t);
  const server = await lsp(t, false);
  const uri = pathToFileURL(join(w.dir, 'Dockerfile')).href;
  await server.open(uri, 'dockerfile', `FROM ${w.spy.host}/team/unsigned:1\nUSER 10001\n`);
  const published = await server.diagnostics(uri);
  assert.deepEqual(verdicts(published.diagnostics), []);
  const md = hoverText(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } }));
  assert.ok(md.includes('- Signature not checked: the workspace is untrusted.'), md);
  assert.equal(w.spy.requests.length, 0);
});
