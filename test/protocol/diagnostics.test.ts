// Diagnostics over stdio: publish on open and change, codes and links, stale versions dropped, cleared on close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { RULES } from '../../server/src/api';
import { docsUrl } from '../../server/src/docs/render';
import { toDiagnostics } from '../../server/src/lsp/toLsp';
import { LATEST_DOCKERFILE, LATEST_RANGE, PRIVILEGED_POD, findingsOf } from './expect';
import { fullCapabilities, withServer } from './client';

const meta = (id: string) => RULES.find((r) => r.meta.id === id)!.meta;

test('didOpen publishes the engine findings with code, docs link, source and data', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/Dockerfile';
    await server.open(uri, 'dockerfile', LATEST_DOCKERFILE);
    const published = await server.diagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics, toDiagnostics(findingsOf(uri, LATEST_DOCKERFILE, 'dockerfile')));
    const latest = published.diagnostics.find((d) => d.code === 'dockerfile/no-latest-tag');
    assert.ok(latest, 'no dockerfile/no-latest-tag diagnostic');
    assert.deepEqual(latest, {
      range: LATEST_RANGE,
      severity: DiagnosticSeverity.Warning,
      code: 'dockerfile/no-latest-tag',
      codeDescription: { href: docsUrl('dockerfile/no-latest-tag') },
      source: 'shipshape',
      message: 'Base image `node:latest` uses the `latest` tag; pin a version.',
      data: { ruleId: 'dockerfile/no-latest-tag', index: published.diagnostics.indexOf(latest) },
    });
  }));

test('files are recognised by name or language id; other files get no findings', () =>
  withServer({}, async ({ server }) => {
    const cases: [string, string, string, string][] = [
      ['file:///ws/Dockerfile.prod', 'plaintext', LATEST_DOCKERFILE, 'dockerfile/no-latest-tag'],
      ['untitled:Untitled-1', 'dockerfile', LATEST_DOCKERFILE, 'dockerfile/no-latest-tag'],
      ['file:///ws/pod.yaml', 'yaml', PRIVILEGED_POD, 'k8s/no-privileged'],
      ['file:///ws/pod.yml', 'plaintext', PRIVILEGED_POD, 'k8s/no-privileged'],
      ['file:///ws/chart/values.txt', 'yaml', PRIVILEGED_POD, 'k8s/no-privileged'],
    ];
    for (const [uri, languageId, text, code] of cases) {
      await server.open(uri, languageId, text);
      const p = await server.diagnostics(uri);
      assert.ok(p.diagnostics.some((d) => d.code === code), `${uri} (${languageId}) has no ${code}`);
    }
    await server.open('file:///ws/notes.md', 'markdown', LATEST_DOCKERFILE);
    assert.deepEqual((await server.diagnostics('file:///ws/notes.md')).diagnostics, []);
  }));

test('hover over a finding renders the rule docs; elsewhere there is no hover', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/Dockerfile';
    await server.open(uri, 'dockerfile', LATEST_DOCKERFILE);
    await server.diagnostics(uri);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } });
    assert.ok(hover && MarkupContent.is(hover.contents));
    assert.equal(hover.contents.kind, 'markdown');
    assert.ok(hover.contents.value.includes(meta('dockerfile/no-latest-tag').title), hover.contents.value);
    assert.ok(hover.contents.value.includes('Base image `node:latest` uses the `latest` tag'));
    assert.ok(hover.contents.value.includes(docsUrl('dockerfile/no-latest-tag')));
    assert.deepEqual(hover.range, LATEST_RANGE);
    const none = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.equal(none, null);
  }));

test('typing: versions are published in order, never a stale one, and the newest always gets its diagnostics', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/Dockerfile';
    const texts = new Map<number, string>([[1, LATEST_DOCKERFILE]]);
    await server.open(uri, 'dockerfile', LATEST_DOCKERFILE);
    // One didChange per typed character, sent without waiting: the server may coalesce them however they arrive.
    const typed = 'FROM node:22.11';
    for (let v = 2; v <= typed.length + 1; v++) {
      const text = `${typed.slice(0, v - 1)}\n`;
      texts.set(v, text);
      await server.change(uri, v, text);
    }
    const newest = typed.length + 1;
    const last = await server.diagnostics(uri, (p) => p.version === newest, `version ${newest}`);
    assert.deepEqual(last.diagnostics, toDiagnostics(findingsOf(uri, texts.get(newest)!, 'dockerfile')));
    // A round trip guarantees anything the server queued before it has arrived.
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    const published = server.published.filter((p) => p.uri === uri);
    const versions = published.map((p) => p.version!);
    assert.ok(
      versions.every((v, i) => i === 0 || v > versions[i - 1]!),
      `published versions ${versions.join(',')}`,
    );
    assert.equal(versions.at(-1), newest);
    // Each publish carries exactly its own version's findings.
    for (const p of published) assert.deepEqual(p.diagnostics, toDiagnostics(findingsOf(uri, texts.get(p.version!)!, 'dockerfile')), `version ${p.version}`);
  }));

test('typing and waiting: every version gets its own diagnostics', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/pod.yaml';
    await server.open(uri, 'yaml', PRIVILEGED_POD);
    await server.diagnostics(uri, (p) => p.version === 1, 'version 1');
    const comment = ' # typed';
    const line = PRIVILEGED_POD.split('\n')[0]!;
    for (let i = 1; i <= comment.length; i++) {
      const text = PRIVILEGED_POD.replace(line, line + comment.slice(0, i));
      await server.change(uri, i + 1, text);
      const p = await server.diagnostics(uri, (d) => d.version === i + 1, `version ${i + 1}`);
      assert.deepEqual(p.diagnostics, toDiagnostics(findingsOf(uri, text, 'yaml')));
    }
  }));

test('a validation overtaken while settings are fetched is dropped (stale version)', async () => {
  const uri = 'file:///ws/Dockerfile';
  let asked = 0;
  let typeAhead: (() => Promise<void>) | undefined;
  await withServer(
    {
      capabilities: fullCapabilities(),
      configuration: async (params) => {
        // The editor sends version 2 before answering the settings request of version 1's validation; JSON-RPC
        // keeps the order, so the server sees the change first and must drop version 1's result.
        if (++asked === 1) await typeAhead?.();
        return params.items.map(() => ({ enable: true, rules: {} }));
      },
    },
    async ({ server }) => {
      typeAhead = () => server.change(uri, 2, 'FROM node:22.11\n');
      await server.open(uri, 'dockerfile', LATEST_DOCKERFILE);
      const first = await server.diagnostics(uri, () => true, 'first publish');
      assert.equal(asked >= 1, true, 'the server asked for settings');
      assert.equal(first.version, 2, 'the first publish must be for version 2');
      assert.ok(!first.diagnostics.some((d) => d.code === 'dockerfile/no-latest-tag'));
    },
  );
});

test('didClose clears the diagnostics', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/pod.yaml';
    await server.open(uri, 'yaml', PRIVILEGED_POD);
    const open = await server.diagnostics(uri);
    assert.ok(open.diagnostics.some((d) => d.code === 'k8s/no-privileged'));
    await server.close(uri);
    const closed = await server.diagnostics(uri);
    assert.deepEqual(closed.diagnostics, []);
  }));
