// shipshape/scanWorkspace: diagnostics for files that are not open, $/progress, cancellation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError, WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol/node';
import { ROOT, withServer } from './client';
import { findingsOf, workspaceFindingsOf } from './expect';

const SCAN = 'shipshape/scanWorkspace';

function workspaceCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-scan-'));
  cpSync(join(ROOT, 'test/fixtures/workspace'), dir, { recursive: true });
  return dir;
}

const LINTABLE = ['Dockerfile', 'Dockerfile.pinned', 'clean/Dockerfile', 'clean/pod.yaml', 'k8s/broken.yaml', 'k8s/compose.yaml', 'k8s/workloads.yaml'];

test('scanWorkspace publishes for files that are not open, reports progress, and leaves open documents alone', () =>
  withServer({}, async ({ server }) => {
    const dir = workspaceCopy();
    const openUri = pathToFileURL(join(dir, 'k8s/workloads.yaml')).href;
    // The editor's buffer differs from the disk: the scan must not overwrite its diagnostics.
    await server.open(openUri, 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: edited\nspec:\n  containers: []\n');
    const live = await server.diagnostics(openUri);

    const token = 'scan-progress-1';
    const progress: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[] = [];
    server.connection.onProgress(WorkDoneProgress.type, token, (p) => void progress.push(p));
    const before = server.published.length;
    const result = await server.connection.sendRequest(SCAN, { folders: [pathToFileURL(dir).href], workDoneToken: token });

    const expected = LINTABLE.map((rel) => {
      const path = join(dir, rel);
      return { rel, uri: pathToFileURL(path).href, findings: findingsOf(path, readFileSync(path, 'utf8'), '') };
    });
    // The count includes the cross-file findings (NetworkPolicy coverage) a complete scan adds.
    const crossFile = workspaceFindingsOf(LINTABLE.map((rel) => ({ path: join(dir, rel), text: readFileSync(join(dir, rel), 'utf8') })));
    assert.ok(crossFile.length > 0, 'the fixture has workloads without a NetworkPolicy');
    assert.deepEqual(result, { files: LINTABLE.length, findings: expected.reduce((n, e) => n + e.findings.length, 0) + crossFile.length });

    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress.at(-1)?.kind, 'end');
    const reports = progress.filter((p): p is WorkDoneProgressReport => p.kind === 'report');
    assert.ok(reports.length > 0);
    assert.equal(reports.at(-1)?.percentage, 100);
    assert.match(reports.at(-1)?.message ?? '', new RegExp(`^${LINTABLE.length}/${LINTABLE.length} files, ${result.findings} findings?$`));
    const percentages = reports.map((r) => r.percentage ?? -1);
    assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'percentages only grow');

    const fromScan = server.published.slice(before);
    for (const e of expected) {
      if (e.uri === openUri) continue;
      const p = fromScan.find((x) => x.uri === e.uri);
      assert.ok(p, `no diagnostics published for ${e.rel}`);
      assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range]), e.findings.map((f) => [f.ruleId, f.range]), e.rel);
    }
    assert.ok(!fromScan.some((p) => p.uri === openUri), 'the scan overwrote an open document');
    assert.ok(fromScan.some((p) => p.diagnostics.some((d) => d.code === 'k8s/no-privileged')) === false, 'workloads.yaml is open, so its privileged findings stay unpublished');
    assert.deepEqual(server.published.filter((p) => p.uri === openUri).at(-1), live);
  }));

test('scanWorkspace can be cancelled', () =>
  withServer({}, async ({ server }) => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-scan-many-'));
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `pod-${String(i).padStart(3, '0')}.yaml`), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n');
    const source = new CancellationTokenSource();
    const token = 'scan-cancel';
    server.connection.onProgress(WorkDoneProgress.type, token, (p) => {
      if (p.kind === 'report') source.cancel();
    });
    await assert.rejects(
      server.connection.sendRequest(SCAN, { folders: [pathToFileURL(dir).href], workDoneToken: token }, source.token),
      (err: unknown) => err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled,
    );
    const published = new Set(server.published.map((p) => p.uri)).size;
    assert.ok(published < 400, `cancellation did not stop the scan (${published} files published)`);
  }));

test('scanWorkspace rejects malformed params and skips non-file folders', () =>
  withServer({}, async ({ server }) => {
    await assert.rejects(server.connection.sendRequest(SCAN, { folders: 'file:///tmp' }), (err: unknown) => err instanceof ResponseError && err.code === ErrorCodes.InvalidParams);
    assert.deepEqual(await server.connection.sendRequest(SCAN, { folders: ['untitled:whatever'] }), { files: 0, findings: 0 });
  }));
