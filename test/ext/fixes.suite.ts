import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, ruleId, waitForDiagnostics, workspaceUri } from './helpers';

/** The quick fix the server offers over `finding`'s range, preferring a safe (isPreferred) one; never a suppression. */
async function quickFixFor(doc: vscode.TextDocument, finding: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', doc.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
  const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => 'edit' in a && a.edit instanceof vscode.WorkspaceEdit)
    // executeCodeActionProvider drops `diagnostics`; when present they must name this finding's rule.
    .filter((a) => a.diagnostics === undefined || a.diagnostics.some((d) => ruleId(d) === ruleId(finding)))
    .filter((a) => !a.edit?.entries().some(([, edits]) => edits.some((e) => e.newText.includes('shipshape-ignore'))));
  const fix = fixes.find((a) => a.isPreferred) ?? fixes[0];
  assert.ok(fix, `no quick fix for ${ruleId(finding)}; offered: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
  return fix;
}

async function openWithFinding(segments: string[], line: string): Promise<{ doc: vscode.TextDocument; finding: vscode.Diagnostic }> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  await vscode.window.showTextDocument(doc);
  const onLine = (d: vscode.Diagnostic): boolean => doc.lineAt(d.range.start.line).text.includes(line);
  const ds = await waitForDiagnostics(doc.uri, (all) => all.some(onLine), `a finding on \`${line}\``);
  const finding = ds.find(onLine);
  assert.ok(finding);
  return { doc, finding };
}

suite('Shipshape: quick fixes', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  let edited: vscode.TextDocument | undefined;
  teardown(async () => {
    if (!edited) return;
    await vscode.window.showTextDocument(edited);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    edited = undefined;
  });

  test('ADD of local files: the quick fix turns it into COPY and the finding goes away', async () => {
    const { doc, finding } = await openWithFinding(['Dockerfile'], 'ADD . /app');
    edited = doc;
    const fix = await quickFixFor(doc, finding);
    assert.ok(fix.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.ok(doc.getText().includes('\nCOPY . /app\n'), `fix "${fix.title}" left:\n${doc.getText()}`);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleId(d) === ruleId(finding)), `${ruleId(finding)} to clear`);
  });

  test('privileged container: the quick fix edits the manifest and the finding goes away', async () => {
    const { doc, finding } = await openWithFinding(['k8s', 'deployment-insecure.yaml'], 'privileged: true');
    const before = doc.getText();
    edited = doc;
    const fix = await quickFixFor(doc, finding);
    assert.ok(fix.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.notEqual(doc.getText(), before);
    assert.ok(doc.getText().includes('# An insecure Deployment'), 'the fix must keep comments');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleId(d) === ruleId(finding)), `${ruleId(finding)} to clear`);
  });
});
