import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, RULE_ID, ruleId, waitForDiagnostics, workspaceUri } from './helpers';

interface ScanResult {
  files: number;
  findings: number;
}

suite('Shipshape: Scan Workspace', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('the scan command fills diagnostics for a file that is not open', async () => {
    const notOpen = workspaceUri('k8s', 'not-open.yaml');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === notOpen.toString()), false, 'not-open.yaml must not be open');
    assert.deepEqual(vscode.languages.getDiagnostics(notOpen).filter((d) => d.source === 'shipshape'), []);

    const result = await vscode.commands.executeCommand<ScanResult | undefined>('shipshape.scanWorkspace');
    assert.ok(result, 'the command returned nothing');
    assert.ok(result.files >= 5, `scanned ${result.files} files; examples/ has at least 5`);
    assert.ok(result.findings > 0, 'the scan found nothing');

    const ds = await waitForDiagnostics(notOpen, (d) => d.length > 0, 'scan findings');
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(notOpen)).split('\n');
    for (const d of ds) assert.match(ruleId(d), RULE_ID);
    assert.ok(ds.some((d) => lines[d.range.start.line]?.includes('hostPID: true')), 'no finding on hostPID: true');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === notOpen.toString()), false, 'the scan opened the file');
  });
});
