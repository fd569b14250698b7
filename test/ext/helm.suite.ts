import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, ruleId, waitForDiagnostics, workspaceUri } from './helpers';

// A Helm chart in the editor: findings sit on the template line, and unsaved edits of values.yaml change them.
// Every wait is bounded and event-driven (a render of the chart under a loaded machine can take seconds).
const WAIT_MS = 90_000;

suite('Shipshape: Helm charts', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  let values: vscode.TextDocument | undefined;
  teardown(async () => {
    if (!values) return;
    await vscode.window.showTextDocument(values);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    values = undefined;
  });

  test('editing values.yaml changes the squiggles in the template', async function () {
    this.timeout(4 * WAIT_MS);
    const template = await vscode.workspace.openTextDocument(workspaceUri('helm', 'web', 'templates', 'deployment.yaml'));
    await vscode.window.showTextDocument(template);
    const lines = template.getText().split('\n');
    const hostNetworkLine = lines.findIndex((l) => l.includes('hostNetwork: {{ .Values.hostNetwork }}'));
    // The debug container's literal `privileged: true` sits in `{{- if .Values.debug.enabled }}`, false by default.
    const literalPrivilegedLine = lines.findIndex((l) => l.trim() === 'privileged: true');
    assert.ok(hostNetworkLine >= 0 && literalPrivilegedLine > hostNetworkLine, 'the example chart changed');
    const on = (id: string, line: number) => (ds: vscode.Diagnostic[]) => ds.find((d) => ruleId(d) === id && d.range.start.line === line);
    const hostNetwork = on('k8s/no-host-network', hostNetworkLine);
    const debugPrivileged = on('k8s/no-privileged', literalPrivilegedLine);

    const before = await waitForDiagnostics(template.uri, (ds) => hostNetwork(ds) !== undefined, 'k8s/no-host-network on the template line', WAIT_MS);
    const related = hostNetwork(before)!.relatedInformation ?? [];
    assert.ok(related.some((r) => r.location.uri.path.endsWith('/helm/web/values.yaml')), 'no related information pointing at values.yaml');
    assert.equal(debugPrivileged(before), undefined, 'a literal in a branch that renders nothing was reported');

    values = await vscode.workspace.openTextDocument(workspaceUri('helm', 'web', 'values.yaml'));
    await vscode.window.showTextDocument(values, { preview: false, preserveFocus: false });
    await replaceValue(values, 'hostNetwork: true', 'false');
    await waitForDiagnostics(template.uri, (ds) => ds.length > 0 && hostNetwork(ds) === undefined, 'the template without k8s/no-host-network', WAIT_MS);

    // Switching the branch on makes its literal a finding on the template line (still unsaved).
    const debugAt = values.getText().indexOf('debug:');
    assert.ok(debugAt >= 0);
    const enabled = values.getText().indexOf('enabled: false', debugAt);
    await replaceValue(values, 'enabled: false', 'true', enabled);
    const after = await waitForDiagnostics(template.uri, (ds) => debugPrivileged(ds) !== undefined, 'k8s/no-privileged on the debug container literal', WAIT_MS);
    assert.equal(hostNetwork(after), undefined);
    assert.equal(values.isDirty, true, 'the edits were meant to stay unsaved');
  });

  test('the quick fix of a template finding edits values.yaml, and the template squiggle goes away', async function () {
    this.timeout(4 * WAIT_MS);
    const template = await vscode.workspace.openTextDocument(workspaceUri('helm', 'web', 'templates', 'deployment.yaml'));
    await vscode.window.showTextDocument(template);
    const toYamlLine = template.getText().split('\n').findIndex((l) => l.includes('toYaml .Values.securityContext'));
    const privileged = (ds: vscode.Diagnostic[]) => ds.find((d) => ruleId(d) === 'k8s/no-privileged' && d.range.start.line === toYamlLine);
    const ds = await waitForDiagnostics(template.uri, (all) => privileged(all) !== undefined, 'k8s/no-privileged on the toYaml line', WAIT_MS);
    const finding = privileged(ds)!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', template.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = (actions ?? []).find((a): a is vscode.CodeAction => 'edit' in a && a.edit instanceof vscode.WorkspaceEdit && /privileged: false/.test(a.title));
    assert.ok(fix?.edit, `no \`privileged: false\` fix; offered: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    const targets = fix.edit.entries().map(([uri]) => uri.path);
    assert.deepEqual(targets.map((p) => p.slice(p.lastIndexOf('/helm/'))), ['/helm/web/values.yaml'], 'the fix must edit values.yaml, never the template');
    const before = template.getText();
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    values = await vscode.workspace.openTextDocument(workspaceUri('helm', 'web', 'values.yaml'));
    assert.match(values.getText(), /securityContext:\n {2}privileged: false\n/);
    assert.ok(values.getText().startsWith('# Insecure on purpose'), 'the fix must keep the comments of values.yaml');
    assert.equal(template.getText(), before);
    await waitForDiagnostics(template.uri, (all) => all.length > 0 && privileged(all) === undefined, 'k8s/no-privileged to clear from the template', WAIT_MS);
  });
});

/** Replaces the value after the key in `keyAndValue` (found at `from`, else its first occurrence) with `value`. */
async function replaceValue(doc: vscode.TextDocument, keyAndValue: string, value: string, from = doc.getText().indexOf(keyAndValue)): Promise<void> {
  assert.ok(from >= 0 && doc.getText().startsWith(keyAndValue, from), `values.yaml has no \`${keyAndValue}\``);
  const valueStart = from + keyAndValue.lastIndexOf(' ') + 1;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(valueStart), doc.positionAt(from + keyAndValue.length)), value);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
}
