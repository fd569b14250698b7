// The Shipshape language server: connection, documents and handler wiring only; each feature lives in lsp/.
// `--stdio`, `--node-ipc` and `--socket=N` are read from argv by vscode-languageserver.
import {
  CancellationTokenSource,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type CancellationToken,
  type InitializeResult,
  type WorkDoneProgressReporter,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultRegistry } from './api';
import { DocumentDiagnostics } from './lsp/diagnostics';
import { hoverAt } from './lsp/hover';
import { APPLY_EDIT_COMMAND, CODE_ACTION_KINDS, asCommand, codeActions, type ExtraActionProvider } from './lsp/codeActions';
import { SCAN_WORKSPACE_METHOD, parseScanParams, scanWorkspace, toPath } from './lsp/scan';
import { SECTION, SettingsStore } from './lsp/settings';
import { TRUST_CHANGED_METHOD, WorkspaceTrust } from './lsp/trust';
import { packageVersion } from './version';

const DEFAULT_DELAY_MS = 200;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const registry = defaultRegistry();
/** Actions other features add beside the quick fixes (each feature appends its provider here). */
const extraActionProviders: ExtraActionProvider[] = [];

let settings: SettingsStore;
let diagnostics: DocumentDiagnostics;
/** Read by registry lookups, which must stay offline in an untrusted workspace. */
let trust = new WorkspaceTrust(true);
let literalCodeActions = true;
let documentChanges = false;
let dynamicConfiguration = false;
let pullConfiguration = false;
/** Documents opened but not yet validated: their first validation skips the debounce. */
const justOpened = new Set<string>();

const log = (message: string): void => connection.console.error(message);
const today = (): string => new Date().toISOString().slice(0, 10);

/** Every handler goes through here: a bug answers with the fallback and a log line, never a dead server. */
function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (err) {
      log(`Shipshape ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  };
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  const options = (typeof params.initializationOptions === 'object' && params.initializationOptions) || {};
  const init = options as Record<string, unknown>;
  pullConfiguration = caps.workspace?.configuration === true;
  dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  literalCodeActions = caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
  documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
  trust = WorkspaceTrust.fromInitializationOptions(init);
  settings = new SettingsStore(
    { pull: pullConfiguration, fetch: (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: SECTION }) },
    init.settings,
    log,
  );
  const delay = typeof init.validationDelayMs === 'number' && init.validationDelayMs >= 0 ? init.validationDelayMs : DEFAULT_DELAY_MS;
  diagnostics = new DocumentDiagnostics(
    {
      document: (uri) => documents.get(uri),
      openDocuments: () => documents.all(),
      settings: (uri) => settings.get(uri),
      publish: (uri, version, ds) => void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: ds }),
      log,
      today,
    },
    delay,
  );
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: literalCodeActions ? { codeActionKinds: CODE_ACTION_KINDS } : true,
      ...(literalCodeActions ? {} : { executeCommandProvider: { commands: [APPLY_EDIT_COMMAND] } }),
    },
    serverInfo: { name: 'shipshape', version: packageVersion() },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration && dynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch((err: unknown) => log(`registering for configuration changes failed: ${String(err)}`));
  }
});

connection.onDidChangeConfiguration(
  guard('didChangeConfiguration', undefined, (params) => {
    settings.changed(params.settings);
    diagnostics.invalidate();
    diagnostics.revalidateAll();
  }),
);

connection.onNotification(TRUST_CHANGED_METHOD, guard('trustChanged', undefined, (params: unknown) => trust.update(params)));

documents.onDidOpen(guard('didOpen', undefined, (e) => void justOpened.add(e.document.uri)));
documents.onDidChangeContent(
  guard('didChange', undefined, (e) => {
    const uri = e.document.uri;
    diagnostics.schedule(uri, justOpened.delete(uri) ? 0 : undefined);
  }),
);
documents.onDidClose(
  guard('didClose', undefined, (e) => {
    justOpened.delete(e.document.uri);
    diagnostics.close(e.document.uri);
    settings.forget(e.document.uri);
  }),
);

connection.onHover(
  guard('hover', null, async (params) => {
    const result = await diagnostics.resultFor(params.textDocument.uri);
    return result ? hoverAt(result, params.position, registry) : null;
  }),
);

connection.onCodeAction(
  guard('codeAction', [], async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const result = await diagnostics.resultFor(params.textDocument.uri);
    if (!doc || !result) return [];
    const actions = codeActions(doc, result, params, { documentChanges, extraProviders: extraActionProviders });
    // Clients without CodeAction literals only understand Commands; the command applies the same edit.
    return literalCodeActions ? actions : actions.flatMap((a) => asCommand(a) ?? []);
  }),
);

connection.onExecuteCommand(
  guard('executeCommand', undefined, async (params) => {
    if (params.command !== APPLY_EDIT_COMMAND) return;
    const edit = params.arguments?.[0] as WorkspaceEdit | undefined;
    if (edit) await connection.workspace.applyEdit(edit);
  }),
);

connection.onRequest(SCAN_WORKSPACE_METHOD, async (raw: unknown, token: CancellationToken) => {
  const params = parseScanParams(raw);
  let progress: WorkDoneProgressReporter;
  const tokens: CancellationToken[] = [token];
  if (params.workDoneToken !== undefined) {
    progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
  } else {
    // A server-created progress can be cancelled from the editor's UI as well as through the request.
    const created = await connection.window.createWorkDoneProgress();
    tokens.push(created.token);
    progress = created;
  }
  const cancel = new CancellationTokenSource();
  const subs = tokens.map((t) => t.onCancellationRequested(() => cancel.cancel()));
  try {
    return await scanWorkspace(
      params,
      {
        isOpen: (path) => documents.all().some((d) => toPath(d.uri) === path),
        settings: (uri) => settings.get(uri),
        publish: (uri, ds) => void connection.sendDiagnostics({ uri, diagnostics: ds }),
        log,
        today,
      },
      progress,
      cancel.token,
    );
  } finally {
    for (const s of subs) s.dispose();
    cancel.dispose();
  }
});

process.on('uncaughtException', (err) => log(`Shipshape: uncaught ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => log(`Shipshape: unhandled rejection ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));

documents.listen(connection);
connection.listen();
