import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, ruleId, waitForDiagnostics, workspaceUri } from './helpers';

// A Helm chart in the editor: findings sit on the template line, and an unsaved edit of values.yaml changes them.
suite('Shipshape: Helm charts', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('editing values.yaml changes the squiggles in the template', async () => {
    const template = await vscode.workspace.openTextDocument(workspaceUri('helm', 'web', 'templates', 'deployment.yaml'));
    await vscode.window.showTextDocument(template);
    const hostNetworkLine = template.getText().split('\n').findIndex((l) => l.includes('hostNetwork: {{ .Values.hostNetwork }}'));
    const onLine = (ds: vscode.Diagnostic[]) => ds.find((d) => ruleId(d) === 'k8s/no-host-network' && d.range.start.line === hostNetworkLine);
    const before = await waitForDiagnostics(template.uri, (ds) => onLine(ds) !== undefined, 'k8s/no-host-network on the template line');
    const related = onLine(before)!.relatedInformation ?? [];
    assert.ok(related.some((r) => r.location.uri.path.endsWith('/helm/web/values.yaml')), 'no related information pointing at values.yaml');

    const values = await vscode.workspace.openTextDocument(workspaceUri('helm', 'web', 'values.yaml'));
    const at = values.getText().indexOf('hostNetwork: true');
    assert.ok(at >= 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(values.uri, new vscode.Range(values.positionAt(at + 'hostNetwork: '.length), values.positionAt(at + 'hostNetwork: true'.length)), 'false');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitForDiagnostics(template.uri, (ds) => ds.length > 0 && onLine(ds) === undefined, 'the template without k8s/no-host-network');
  });
});
