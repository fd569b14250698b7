// Editor commands beside the scan: Export SARIF, Show Rule Documentation, and the findings count in the status bar.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const SOURCE = 'shipshape';
const RULE_ID = /^(?:dockerfile|k8s|shipshape)\/[a-z0-9-]+$/;

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.name = 'Shipshape findings';
  status.command = 'workbench.actions.view.problems';
  const refresh = (): void => {
    let count = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) count += diagnostics.filter((d) => d.source === SOURCE).length;
    status.text = `$(shield) ${count}`;
    status.tooltip = `Shipshape: ${count} finding${count === 1 ? '' : 's'}`;
    status.show();
  };
  refresh();
  context.subscriptions.push(
    status,
    vscode.languages.onDidChangeDiagnostics(refresh),
    vscode.commands.registerCommand('shipshape.exportSarif', () => exportSarif(client())),
    vscode.commands.registerCommand('shipshape.showRuleDocumentation', (arg?: unknown) => showRuleDocumentation(context, arg)),
  );
}

async function exportSarif(lc: LanguageClient | undefined): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!lc || folders.length === 0) {
    void vscode.window.showWarningMessage('Shipshape: open a folder to export SARIF.');
    return;
  }
  const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folders[0]!.uri, 'shipshape.sarif'), filters: { SARIF: ['sarif', 'json'] } });
  if (!target) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Shipshape: exporting SARIF', cancellable: true },
    (_progress, cancel) => lc.sendRequest<{ sarif: string; files: number; findings: number }>('shipshape/exportSarif', { folders: folders.map((f) => f.uri.toString()) }, cancel),
  );
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.sarif));
  void vscode.window.showInformationMessage(`Shipshape wrote ${result.findings} findings from ${result.files} files to ${vscode.workspace.asRelativePath(target)}.`);
}

/** From a Problems entry (its code), the active line's diagnostic, or a pick of every documented rule. */
async function showRuleDocumentation(context: vscode.ExtensionContext, arg: unknown): Promise<void> {
  let id = ruleIdOf(arg);
  const editor = vscode.window.activeTextEditor;
  if (!id && editor) {
    const here = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === SOURCE && d.range.contains(editor.selection.active));
    id = here ? ruleIdOf(here) : undefined;
  }
  if (!id) {
    const pages = await vscode.workspace.findFiles(new vscode.RelativePattern(context.extensionUri, 'docs/rules/{dockerfile,k8s}/*.md'));
    const ids = pages.map((p) => p.path.replace(/^.*\/docs\/rules\//, '').replace(/\.md$/, '')).sort();
    id = await vscode.window.showQuickPick(ids, { placeHolder: 'Rule to show' });
  }
  if (!id) return;
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

function ruleIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return RULE_ID.test(arg) ? arg : undefined;
  if (arg instanceof vscode.Diagnostic || (typeof arg === 'object' && arg !== null && 'code' in arg)) {
    const code = (arg as { code?: unknown }).code;
    const value = typeof code === 'object' && code !== null && 'value' in code ? (code as { value: unknown }).value : code;
    return typeof value === 'string' && RULE_ID.test(value) ? value : undefined;
  }
  return undefined;
}
