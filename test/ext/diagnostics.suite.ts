import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, findingAt, RULE_ID, ruleId, waitForDiagnostics, workspaceUri } from './helpers';

suite('Shipshape: activation and diagnostics', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('activates and contributes the scan command', async () => {
    const ext = await activateExtension();
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('shipshape.scanWorkspace'), 'shipshape.scanWorkspace is not registered');
  });

  test('an insecure Dockerfile gets findings with rule ids as codes', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('Dockerfile'));
    await vscode.window.showTextDocument(doc);
    const ds = await waitForDiagnostics(doc.uri, (d) => findingAt(doc, d, 'FROM node:latest', 'latest') !== undefined, 'the `latest` finding');
    for (const d of ds) {
      assert.match(ruleId(d), RULE_ID);
      assert.ok(ruleId(d).startsWith('dockerfile/'), `${ruleId(d)} reported on a Dockerfile`);
      assert.equal(d.source, 'shipshape');
    }
    const lines = new Set(ds.map((d) => doc.lineAt(d.range.start.line).text));
    for (const expected of ['ADD . /app', 'RUN curl -fsSL https://example.com/install.sh | sh', 'ENV API_TOKEN=s3cr3t-token-value']) {
      assert.ok(lines.has(expected), `no finding on \`${expected}\``);
    }
  });

  test('an insecure Kubernetes manifest gets findings on the offending values', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('k8s', 'deployment-insecure.yaml'));
    await vscode.window.showTextDocument(doc);
    const ds = await waitForDiagnostics(doc.uri, (d) => findingAt(doc, d, 'privileged: true', 'true') !== undefined, 'the `privileged: true` finding');
    for (const d of ds) {
      assert.ok(ruleId(d).startsWith('k8s/') && RULE_ID.test(ruleId(d)), `unexpected code ${ruleId(d)}`);
      assert.equal(d.source, 'shipshape');
    }
    assert.ok(findingAt(doc, ds, 'hostNetwork: true', 'true'), 'no finding on hostNetwork: true');
    assert.ok(findingAt(doc, ds, 'image: nginx:latest', 'latest'), 'no finding on the `latest` tag');
  });

  test('an untitled document in the dockerfile language is linted too', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM nginx:latest\nRUN echo hi\n' });
    const ds = await waitForDiagnostics(doc.uri, (d) => findingAt(doc, d, 'FROM nginx:latest', 'latest') !== undefined, 'the `latest` finding');
    assert.equal(ds.every((d) => d.source === 'shipshape'), true);
  });
});
