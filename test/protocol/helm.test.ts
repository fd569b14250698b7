// Helm charts over LSP: a template's findings sit on its lines with the values line as related information, editing
// values.yaml (unsaved) re-renders and changes the template's diagnostics, and the quick fix edits values.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeAction, CodeActionRequest, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { withServer } from './client';

const TEMPLATE = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: {{ .Values.hostNetwork }}\n  containers:\n    - name: app\n      image: nginx:1.27\n';
const VALUES = 'hostNetwork: true\n';

function chartDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-helm-'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
  writeFileSync(join(dir, 'values.yaml'), VALUES);
  writeFileSync(join(dir, 'templates', 'pod.yaml'), TEMPLATE);
  return dir;
}

test('helm: template diagnostics follow unsaved edits of values.yaml; the fix edits values.yaml', async () => {
  const dir = chartDir();
  try {
    await withServer({}, async ({ server }) => {
      const tpl = pathToFileURL(join(dir, 'templates', 'pod.yaml')).href;
      const values = pathToFileURL(join(dir, 'values.yaml')).href;
      await server.open(tpl, 'helm', TEMPLATE);
      const first = await server.diagnostics(tpl, (p) => p.diagnostics.some((d) => d.code === 'k8s/no-host-network'), 'k8s/no-host-network');
      const d = first.diagnostics.find((x) => x.code === 'k8s/no-host-network')!;
      assert.deepEqual(d.range, { start: { line: 4, character: 15 }, end: { line: 4, character: 40 } });
      assert.deepEqual(d.relatedInformation, [{ location: { uri: values, range: { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } } }, message: 'The value comes from here.' }]);

      const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: tpl }, position: { line: 4, character: 20 } });
      assert.ok(hover && MarkupContent.is(hover.contents) && hover.contents.value.includes('Rendered from this template') && hover.contents.value.includes('hostNetwork: true'));

      const actions = ((await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: tpl }, range: d.range, context: { diagnostics: [d] } })) ?? []).filter(CodeAction.is);
      const valueFix = actions.find((a) => JSON.stringify(a.edit ?? {}).includes(values));
      assert.ok(valueFix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.deepEqual(JSON.stringify(valueFix.edit).includes(tpl), false);

      await server.open(values, 'yaml', VALUES);
      await server.change(values, 2, 'hostNetwork: false\n');
      await server.diagnostics(tpl, (p) => !p.diagnostics.some((x) => x.code === 'k8s/no-host-network'), 'the template without k8s/no-host-network');
      await server.change(values, 3, VALUES);
      await server.diagnostics(tpl, (p) => p.diagnostics.some((x) => x.code === 'k8s/no-host-network'), 'k8s/no-host-network again');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('helm: a template syntax error is a diagnostic at its position, not a templated-yaml notice', async () => {
  const dir = chartDir();
  try {
    await withServer({}, async ({ server }) => {
      const tpl = pathToFileURL(join(dir, 'templates', 'pod.yaml')).href;
      // The unclosed action runs on into the next line, where Go's lexer stops at the `:` of `containers:`.
      await server.open(tpl, 'yaml', TEMPLATE.replace('{{ .Values.hostNetwork }}', '{{ .Values.hostNetwork '));
      const p = await server.diagnostics(tpl, (x) => x.diagnostics.length > 0);
      assert.deepEqual(p.diagnostics.map((x) => [x.code, x.range.start.line, x.message]), [['shipshape/helm-template', 5, 'Template syntax error: expected :=']]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
