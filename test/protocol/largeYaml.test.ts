// A large multi-document YAML file through the server: diagnostics equal the whole-file lint before and after an
// edit of one document, and hovers that need the whole-file model (suppressions) still answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { toDiagnostics } from '../../server/src/lsp/toLsp';
import { findingsOf } from './expect';
import { withServer } from './client';

const pod = (i: number) =>
  `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\nspec:\n  containers:\n    - name: app\n      image: busybox:1.36\n      securityContext: {privileged: ${i % 2 === 0}}\n`;
const SUPPRESSED = `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: suppressed\nspec:\n  containers:\n    # shipshape-ignore k8s/no-privileged -- reviewed\n    - name: app\n      image: busybox:1.36\n      securityContext: {privileged: true}\n`;

test('a large multi-document YAML: diagnostics equal the whole-file lint after an edit, suppression hover works', () =>
  withServer({}, async ({ server }) => {
    const uri = 'file:///ws/big.yaml';
    const docs = Array.from({ length: 2400 }, (_, i) => (i === 1800 ? SUPPRESSED : pod(i)));
    const text = docs.join('');
    assert.ok(text.length > 256 * 1024);
    await server.open(uri, 'yaml', text);
    const first = await server.diagnostics(uri, (p) => p.version === 1, 'version 1');
    assert.deepEqual(first.diagnostics, toDiagnostics(findingsOf(uri, text, 'yaml')));

    const edited = text.replace(pod(801), pod(801).replace('privileged: false', 'privileged: true'));
    await server.change(uri, 2, edited);
    const second = await server.diagnostics(uri, (p) => p.version === 2, 'version 2');
    assert.deepEqual(second.diagnostics, toDiagnostics(findingsOf(uri, edited, 'yaml')));
    const privileged = (ds: typeof first.diagnostics) => ds.filter((d) => d.code === 'k8s/no-privileged').length;
    assert.equal(privileged(second.diagnostics), privileged(first.diagnostics) + 1);

    const line = edited.split('\n').findIndex((l) => l.includes('# shipshape-ignore'));
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 8 } });
    assert.ok(hover && MarkupContent.is(hover.contents));
    assert.ok(hover.contents.value.includes('**Suppression**') && hover.contents.value.includes('1 finding silenced'), hover.contents.value);
  }));
