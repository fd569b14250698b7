// The VS Code side of Shipshape: starts the language server and forwards the one command it has.
// Everything about rules lives in the server; this file only wires the editor to it.
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  WorkDoneProgress,
  type LanguageClientOptions,
  type ServerOptions,
  type WorkDoneProgressBegin,
  type WorkDoneProgressReport,
  type WorkDoneProgressEnd,
} from 'vscode-languageclient/node';
import { registryMiddleware } from './registryCommands';
import { registerCommands } from './commands';
import { ScannedDiagnostics } from './scannedDiagnostics';

/** Contract with server/src: `shipshape/scanWorkspace` lints every container file under the folders. */
interface ScanWorkspaceParams {
  folders: string[];
  workDoneToken?: string;
}
export interface ScanWorkspaceResult {
  files: number;
  findings: number;
}

let client: LanguageClient | undefined;
let scanned: ScannedDiagnostics | undefined;

const schemes = ['file', 'untitled'];
// `dockercompose` is the language Docker's extension gives Compose files (without it they are `yaml`); `helm` the one
// VS Code's Kubernetes extension gives chart templates.
const languages = ['dockerfile', 'yaml', 'dockercompose', 'helm'];
// The Dockerfile names dockerfile/detect.ts recognises (`Dockerfile-windows`, `Dockerfile_arm`, `app.Containerfile`),
// which editors may open as plain text, and Compose files.
const filePatterns = [
  '**/Dockerfile', '**/Dockerfile.*', '**/Dockerfile-*', '**/Dockerfile_*', '**/*.dockerfile', '**/*.Dockerfile',
  '**/Containerfile', '**/Containerfile.*', '**/*.containerfile', '**/*.Containerfile',
  '**/{compose,docker-compose}.{yaml,yml}', '**/{compose,docker-compose}.*.{yaml,yml}',
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Shipshape');
  // Scan results for files that are not open reach VS Code in batches (see scannedDiagnostics.ts).
  scanned = new ScannedDiagnostics(vscode.languages.createDiagnosticCollection('shipshape-scan'), () => client?.diagnostics);
  context.subscriptions.push(outputChannel, scanned);
  const clientOptions: LanguageClientOptions = {
    documentSelector: schemes.flatMap((scheme) => [
      ...languages.map((language) => ({ scheme, language })),
      ...filePatterns.map((pattern) => ({ scheme, pattern })),
    ]).concat(
      // JSON configs are not YAML documents, but their problems show in the file like the YAML ones'.
      { scheme: 'file', pattern: '**/.shipshape.json' },
    ),
    outputChannel,
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, globalStoragePath: context.globalStorageUri.fsPath },
    middleware: { ...registryMiddleware, handleDiagnostics: (uri, diagnostics, next) => scanned?.handle(uri, diagnostics, next) },
  };
  // The id `shipshape` makes the client read `shipshape.trace.server`.
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('shipshape.scanWorkspace', () => scanWorkspace()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('shipshape/trustChanged', { trusted: true });
    }),
  );
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) scanned?.clear();
    }),
  );
  registerCommands(context, () => client);
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** Runs the server's folder scan behind a cancellable notification; resolves undefined when cancelled. */
async function scanWorkspace(): Promise<ScanWorkspaceResult | undefined> {
  const lc = client;
  if (!lc) return undefined;
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Shipshape: open a folder to scan.');
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Shipshape: scanning workspace', cancellable: true },
    async (progress, cancel) => {
      const workDoneToken = `shipshape-scan-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      let reported = 0;
      const onProgress = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd): void => {
        if (value.kind === 'end') return;
        // LSP sends absolute percentages; the notification wants increments.
        const increment = value.percentage !== undefined ? Math.max(0, value.percentage - reported) : undefined;
        if (value.percentage !== undefined) reported = Math.max(reported, value.percentage);
        progress.report({ message: value.message, increment });
      };
      const listener = lc.onProgress(WorkDoneProgress.type, workDoneToken, onProgress);
      try {
        const params: ScanWorkspaceParams = { folders, workDoneToken };
        return await lc.sendRequest<ScanWorkspaceResult>('shipshape/scanWorkspace', params, cancel);
      } catch (e) {
        if (cancel.isCancellationRequested) return undefined;
        throw e;
      } finally {
        listener.dispose();
      }
    },
  );
  if (result) {
    // The Problems count is complete when the message shows.
    scanned?.flush();
    const files = `${result.files} file${result.files === 1 ? '' : 's'}`;
    const findings = `${result.findings} finding${result.findings === 1 ? '' : 's'}`;
    // Not awaited: the promise settles only when the user dismisses the message.
    void vscode.window.showInformationMessage(`Shipshape scanned ${files}: ${findings}.`);
  }
  return result;
}
