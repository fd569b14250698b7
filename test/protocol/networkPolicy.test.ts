// Workspace rules in the editor: k8s/network-policy-coverage from a scan, kept fresh by the file watcher, and merged
// into an open document's live diagnostics (with hover).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { withServer } from './client';

const SCAN = 'shipshape/scanWorkspace';
const RULE = 'k8s/network-policy-coverage';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: nginx:1.27}]\n';
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n';
/** The `web` of `name: web`. */
const NAME_RANGE = { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } };

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const has = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === RULE);
const lacks = (p: PublishDiagnosticsParams) => !has(p);

test('scanWorkspace reports a workload no NetworkPolicy selects; a policy file added later clears it, and removing it brings it back', () =>
  withServer({ configuration: (params) => params.items.map(() => ({ enable: true })) }, async ({ server }) => {
    const root = mkdtempSync(join(tmpdir(), 'shipshape-netpol-'));
    write(root, 'app/deploy.yaml', DEPLOYMENT);
    const deploy = pathToFileURL(join(root, 'app/deploy.yaml')).href;
    const policy = pathToFileURL(join(root, 'net/policy.yaml')).href;
    await server.connection.sendRequest(SCAN, { folders: [pathToFileURL(root).href] });
    const scanned = await server.diagnostics(deploy, has, 'the workspace finding after the scan');
    assert.deepEqual(
      scanned.diagnostics.filter((d) => d.code === RULE).map((d) => [d.range, d.severity, d.message]),
      [[NAME_RANGE, DiagnosticSeverity.Information, 'No NetworkPolicy in namespace `shop`: pods of `web` accept traffic from every pod in the cluster.']],
    );

    write(root, 'net/policy.yaml', POLICY);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: policy, type: FileChangeType.Created }] });
    const cleared = await server.diagnostics(deploy, lacks, 'the finding to clear once a policy exists');
    assert.ok(cleared.diagnostics.length > 0, 'the file\'s other findings stay');

    unlinkSync(join(root, 'net/policy.yaml'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: policy, type: FileChangeType.Deleted }] });
    await server.diagnostics(deploy, has, 'the finding to come back when the policy is deleted');
  }));

test('an open, scanned document shows its workspace finding live, with hover, and loses it when a policy appears on disk', () =>
  withServer({ configuration: (params) => params.items.map(() => ({ enable: true })) }, async ({ server }) => {
    const root = mkdtempSync(join(tmpdir(), 'shipshape-netpol-'));
    write(root, 'app/deploy.yaml', DEPLOYMENT);
    const deploy = pathToFileURL(join(root, 'app/deploy.yaml')).href;
    await server.connection.sendRequest(SCAN, { folders: [pathToFileURL(root).href] });
    await server.diagnostics(deploy, has, 'the scan result');

    // Two lines added above: the live finding follows the text being edited, not the scan's positions.
    await server.open(deploy, 'yaml', `# edited\n# in the editor\n${readFileSync(join(root, 'app/deploy.yaml'), 'utf8')}`);
    const live = await server.diagnostics(deploy, (p) => p.version === 1 && has(p), 'live diagnostics with the workspace finding');
    const moved = { start: { line: 5, character: 8 }, end: { line: 5, character: 11 } };
    assert.deepEqual(live.diagnostics.filter((d) => d.code === RULE).map((d) => d.range), [moved]);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: deploy }, position: { line: 5, character: 9 } });
    assert.ok(hover && MarkupContent.is(hover.contents) && hover.contents.value.includes('Workload not selected by any NetworkPolicy'), JSON.stringify(hover));

    write(root, 'net/policy.yaml', POLICY);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(root, 'net/policy.yaml')).href, type: FileChangeType.Created }] });
    await server.diagnostics(deploy, (p) => p.version === 1 && lacks(p), 'the open document to drop the finding');
  }));
