// DocumentDiagnostics coalescing, in process with a controlled settings answer: a burst of edits is linted once at
// its newest version, an edit during a running validation is linted right after it, and no stale version is published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { DocumentDiagnostics } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/lsp/settings';

const URI = 'file:///ws/Dockerfile';
const text = (v: number) => `FROM node:${v % 2 ? 'latest' : '22.11'}\n# version ${v}\n`;

/** An editor whose settings answers the test releases one at a time, recording what was linted and published. */
function harness() {
  let doc: TextDocument | undefined;
  const linted: number[] = [];
  const published: { version: number | undefined; diagnostics: Diagnostic[] }[] = [];
  const logs: string[] = [];
  const waiting: (() => void)[] = [];
  const settled: (() => void)[] = [];
  const diagnostics = new DocumentDiagnostics({
    document: (uri) => (uri === URI ? doc : undefined),
    openDocuments: () => (doc ? [doc] : []),
    settings: () =>
      new Promise<Settings>((resolve) => {
        waiting.push(() => resolve(DEFAULT_SETTINGS));
        for (const s of settled.splice(0)) s();
      }),
    config: (d, host) => {
      linted.push(d.version);
      return host;
    },
    publish: (_uri, version, ds) => void published.push({ version, diagnostics: ds }),
    log: (message) => void logs.push(message),
    today: () => '2026-01-01',
  });
  return {
    diagnostics,
    linted,
    published,
    logs,
    edit(version: number): void {
      doc = doc ? TextDocument.update(doc, [{ text: text(version) }], version) : TextDocument.create(URI, 'dockerfile', version, text(version));
      diagnostics.schedule(URI);
    },
    close(): void {
      doc = undefined;
      diagnostics.close(URI);
    },
    /** Resolves once a validation is waiting for its settings. */
    asked: (): Promise<void> => (waiting.length ? Promise.resolve() : new Promise<void>((resolve) => settled.push(resolve))),
    answer(): void {
      waiting.shift()!();
    },
    /** Lets every queued callback and promise run. */
    /** Lets every queued callback and promise run; nothing may have been logged (a failed lint logs). */
    idle: async (): Promise<void> => {
      await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
      assert.deepEqual(logs, []);
    },
  };
}

test('a burst of edits that arrives together is linted once, at its newest version', async () => {
  const h = harness();
  for (let v = 1; v <= 5; v++) h.edit(v);
  await h.asked();
  h.answer();
  await h.idle();
  assert.deepEqual(h.linted, [5]);
  assert.deepEqual(
    h.published.map((p) => p.version),
    [5],
  );
  assert.ok(h.published[0]!.diagnostics.some((d) => d.code === 'dockerfile/no-latest-tag'));
});

test('edits during a running validation: the stale one is not published and only the newest is linted next', async () => {
  const h = harness();
  h.edit(1);
  await h.asked();
  // Versions 2..4 arrive while version 1 waits for its settings.
  for (let v = 2; v <= 4; v++) h.edit(v);
  h.answer();
  await h.asked();
  h.answer();
  await h.idle();
  assert.deepEqual(h.linted, [4], 'version 1 is dropped before linting, versions 2 and 3 are never linted');
  assert.deepEqual(
    h.published.map((p) => p.version),
    [4],
  );
  assert.ok(!h.published[0]!.diagnostics.some((d) => d.code === 'dockerfile/no-latest-tag'), 'diagnostics are those of version 4');
});

test('an idle document is validated at once on every edit, each version published in order', async () => {
  const h = harness();
  for (let v = 1; v <= 3; v++) {
    h.edit(v);
    await h.asked();
    h.answer();
    await h.idle();
  }
  assert.deepEqual(h.linted, [1, 2, 3]);
  assert.deepEqual(
    h.published.map((p) => p.version),
    [1, 2, 3],
  );
});

test('a document closed while its validation waits publishes only the clearing', async () => {
  const h = harness();
  h.edit(1);
  await h.asked();
  h.close();
  h.answer();
  await h.idle();
  assert.deepEqual(h.linted, []);
  assert.deepEqual(h.published, [{ version: undefined, diagnostics: [] }]);
});
