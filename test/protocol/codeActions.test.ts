// Code actions: quick fixes and fix-all from the cached findings, applied with TextDocument.applyEdits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApplyWorkspaceEditRequest,
  CodeAction,
  CodeActionRequest,
  Command,
  ExecuteCommandRequest,
  TextDocumentEdit,
  type ClientCapabilities,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PRIVILEGED_POD, PRIVILEGED_RANGE, safeFixExample } from './expect';
import { fullCapabilities, withServer, type TestServer } from './client';

function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  assert.ok(edit, 'the action has no edit');
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) => (TextDocumentEdit.is(c) && c.textDocument.uri === uri ? c.edits : []));
  }
  return edit.changes?.[uri] ?? [];
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 0, text), edits);
}

async function actions(server: TestServer, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<(CodeAction | Command)[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const result = await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
  return result ?? [];
}

test('codeActionProvider advertises quickfix and source.fixAll.shipshape', () =>
  withServer({}, async ({ init }) => {
    const provider = init.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object' && provider !== null);
    // Other features may add kinds of their own; these two are the contract.
    for (const kind of ['quickfix', 'source.fixAll.shipshape']) assert.ok(provider.codeActionKinds?.includes(kind), `${kind} is not advertised`);
  }));

test('a suggestion is a non-preferred quick fix with a versioned edit that removes the finding', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/pod.yaml';
    await server.open(uri, 'yaml', PRIVILEGED_POD);
    const { diagnostics } = await server.diagnostics(uri);
    const finding = diagnostics.find((d) => d.code === 'k8s/no-privileged');
    assert.ok(finding);
    assert.deepEqual(finding.range, PRIVILEGED_RANGE);
    const offered = (await actions(server, uri, [finding])).filter(CodeAction.is);
    const fix = offered.find((a) => a.title === 'Set `privileged: false`');
    assert.ok(fix, `offered: ${offered.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, false);
    assert.deepEqual(fix.diagnostics, [finding]);
    const change = fix.edit?.documentChanges?.[0];
    assert.ok(change && TextDocumentEdit.is(change));
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    const fixed = apply(PRIVILEGED_POD, editsFor(fix.edit, uri));
    assert.equal(fixed, PRIVILEGED_POD.replace('privileged: true', 'privileged: false'));
    await server.change(uri, 2, fixed);
    const after = await server.diagnostics(uri, (p) => p.version === 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'k8s/no-privileged'));
  }));

test('without documentChanges support the edit is a plain changes map', () => {
  const caps: ClientCapabilities = fullCapabilities();
  caps.workspace!.workspaceEdit = { documentChanges: false };
  return withServer({ capabilities: caps }, async ({ server }) => {
    const uri = 'file:///ws/pod.yaml';
    await server.open(uri, 'yaml', PRIVILEGED_POD);
    const finding = (await server.diagnostics(uri)).diagnostics.find((d) => d.code === 'k8s/no-privileged')!;
    const fix = (await actions(server, uri, [finding])).filter(CodeAction.is)[0];
    assert.ok(fix?.edit);
    assert.equal(fix.edit.documentChanges, undefined);
    assert.deepEqual(Object.keys(fix.edit.changes ?? {}), [uri]);
    assert.equal(apply(PRIVILEGED_POD, editsFor(fix.edit, uri)), PRIVILEGED_POD.replace('privileged: true', 'privileged: false'));
  });
});

test('findings are matched by data and range, never by message: a moved or rewritten diagnostic gets no fix', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/pod.yaml';
    await server.open(uri, 'yaml', PRIVILEGED_POD);
    const finding = (await server.diagnostics(uri)).diagnostics.find((d) => d.code === 'k8s/no-privileged')!;
    const reworded = { ...finding, message: 'something else entirely' };
    const ruleFixes = (list: Awaited<ReturnType<typeof actions>>) => list.filter(CodeAction.is).filter((a) => !/^Suppress /.test(a.title));
    assert.equal(ruleFixes(await actions(server, uri, [reworded])).length, 1, 'message text must not matter');
    const moved = { ...finding, range: { start: { line: 8, character: 0 }, end: { line: 8, character: 4 } } };
    assert.deepEqual(await actions(server, uri, [moved], ['quickfix']), []);
    const foreign = { ...finding, source: 'other-linter' };
    // A request without Shipshape diagnostics falls back to the findings under the range.
    assert.equal(ruleFixes(await actions(server, uri, [foreign], ['quickfix'])).length, 1);
  }));

test('a safe fix is a preferred quick fix, and source.fixAll.shipshape applies every safe fix', async (t) => {
  const example = safeFixExample();
  if (!example) {
    t.skip('SKIPPED: no rule offers a safe fix yet');
    return;
  }
  await withServer({}, async ({ server }) => {
    const uri = example.path;
    await server.open(uri, example.languageId, example.text);
    const { diagnostics } = await server.diagnostics(uri);
    const finding = diagnostics.find((d) => d.code === example.ruleId);
    assert.ok(finding);
    const preferred = (await actions(server, uri, [finding], ['quickfix'])).filter(CodeAction.is).filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    const fixed = apply(example.text, editsFor(preferred[0]!.edit, uri));
    assert.notEqual(fixed, example.text);
    await server.change(uri, 2, fixed);
    const after = await server.diagnostics(uri, (p) => p.version === 2);
    assert.ok(after.diagnostics.length < diagnostics.length, `${example.ruleId}'s fix did not remove a finding`);

    await server.change(uri, 3, example.text);
    await server.diagnostics(uri, (p) => p.version === 3);
    const all = (await actions(server, uri, [], ['source.fixAll'])).filter(CodeAction.is);
    assert.deepEqual(all.map((a) => a.kind), ['source.fixAll.shipshape']);
    const fixedAll = apply(example.text, editsFor(all[0]!.edit, uri));
    await server.change(uri, 4, fixedAll);
    await server.diagnostics(uri, (p) => p.version === 4);
    assert.deepEqual(await actions(server, uri, [], ['source.fixAll.shipshape']), [], 'nothing left to fix');
  });
});

test('fix-all is offered only when asked for source actions and something is fixable', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/pod.yaml';
    await server.open(uri, 'yaml', PRIVILEGED_POD);
    const finding = (await server.diagnostics(uri)).diagnostics.find((d) => d.code === 'k8s/no-privileged')!;
    const quick = await actions(server, uri, [finding], ['quickfix']);
    assert.ok(quick.filter(CodeAction.is).every((a) => a.kind === 'quickfix'));
    // no-privileged only suggests: nothing is safe to apply in bulk.
    assert.deepEqual(await actions(server, uri, [], ['source.fixAll']), []);
  }));

test('clients without CodeAction literals get Commands that apply the edit through workspace/applyEdit', () => {
  const caps = fullCapabilities();
  delete caps.textDocument!.codeAction;
  return withServer({ capabilities: caps }, async ({ server, init }) => {
    assert.equal(init.capabilities.codeActionProvider, true);
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('shipshape.applyWorkspaceEdit'));
    const uri = 'file:///ws/pod.yaml';
    await server.open(uri, 'yaml', PRIVILEGED_POD);
    const finding = (await server.diagnostics(uri)).diagnostics.find((d) => d.code === 'k8s/no-privileged')!;
    const offered = await actions(server, uri, [finding]);
    assert.ok(offered.length > 0 && offered.every((a) => Command.is(a)));
    const command = offered[0] as Command;
    const applied = new Promise<WorkspaceEdit>((resolve) =>
      server.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        resolve(params.edit);
        return { applied: true };
      }),
    );
    await server.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments ?? [] });
    const edit = await applied;
    assert.equal(apply(PRIVILEGED_POD, editsFor(edit, uri)), PRIVILEGED_POD.replace('privileged: true', 'privileged: false'));
  });
});
