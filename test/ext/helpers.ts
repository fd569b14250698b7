// Shared by the extension-host suites. Waits are event-driven with a deadline; nothing sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'shipshape.shipshape';
const WAIT_MS = 30_000;

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the examples/ copy open as the workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export function ruleId(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Shipshape's diagnostics for `uri` once `ready` holds for them; rejects after `waitMs` (default WAIT_MS). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  waitMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const current = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'shipshape');
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = current();
      if (!ready(ds)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const seen = current().map((d) => `${ruleId(d)}@${d.range.start.line}:${d.range.start.character}`);
      reject(new Error(`timed out after ${waitMs} ms waiting for ${what} on ${uri.path}; have [${seen.join(', ')}]`));
    }, waitMs);
    check();
  });
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this extension host`);
  await ext.activate();
  return ext;
}

/** The finding whose range covers exactly `text` on the first line containing `lineIncludes`. */
export function findingAt(doc: vscode.TextDocument, diagnostics: vscode.Diagnostic[], lineIncludes: string, text: string): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => doc.lineAt(d.range.start.line).text.includes(lineIncludes) && doc.getText(d.range) === text);
}

export const RULE_ID = /^(dockerfile|compose|k8s)\/[a-z0-9]+(-[a-z0-9]+)*$/;
