// The Shipshape language server: connection, documents and handler wiring only; each feature lives in lsp/.
// `--stdio`, `--node-ipc` and `--socket=N` are read from argv by vscode-languageserver.
import {
  CancellationTokenSource,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
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
import { SHIPPED } from './targets';
import { DEFAULT_MAX_FILE_BYTES, DocumentDiagnostics } from './lsp/diagnostics';
import { hoverAt } from './lsp/hover';
import { ChartLinter } from './lsp/helm';
import { APPLY_EDIT_COMMAND, CODE_ACTION_KINDS, asCommand, codeActions, type ExtraActionProvider } from './lsp/codeActions';
import { SCAN_WORKSPACE_METHOD, parseExclude, parseScanParams, scanWorkspace, toPath } from './lsp/scan';
import { WATCH_GLOBS, WorkspaceFiles } from './lsp/files';
import { SECTION, SettingsStore } from './lsp/settings';
import { TRUST_CHANGED_METHOD, WorkspaceTrust } from './lsp/trust';
import { IMAGE_COMMANDS, ImageFeatures, PIN_ACTION_KIND, cacheDirFrom, mergeHovers } from './lsp/images';
import { packageVersion } from './version';
import { suppressionActions } from './suppress/action';
import { EXPORT_SARIF_METHOD, exportSarif } from './scan/sarif';
import { readFromDisk } from './scan/facts';
import { documentLinks } from './lsp/links';
import { hostConfig } from './lsp/diagnostics';
import { pathToFileURL } from 'node:url';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const rules = SHIPPED;
const charts = new ChartLinter({ openDocuments: () => documents.all(), registry: () => rules });
/** Actions other features add beside the quick fixes (each feature appends its provider here). */
const extraActionProviders: ExtraActionProvider[] = [suppressionActions(rules)];

let settings: SettingsStore;
let diagnostics: DocumentDiagnostics;
let workspaceFiles: WorkspaceFiles;
let dynamicWatchers = false;
let imageFeatures: ImageFeatures;
/** Read by registry lookups, which must stay offline in an untrusted workspace. */
let trust = new WorkspaceTrust(true);
let literalCodeActions = true;
let documentChanges = false;
let dynamicConfiguration = false;
let pullConfiguration = false;
let maxFileBytes = DEFAULT_MAX_FILE_BYTES;

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
  dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  literalCodeActions = caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
  documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
  trust = WorkspaceTrust.fromInitializationOptions(init);
  settings = new SettingsStore(
    { pull: pullConfiguration, fetch: (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: SECTION }) },
    init.settings,
    log,
  );
  maxFileBytes = typeof init.maxFileBytes === 'number' && init.maxFileBytes > 0 ? init.maxFileBytes : DEFAULT_MAX_FILE_BYTES;
  const folderPaths = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []).flatMap((uri) => toPath(uri) ?? []);
  workspaceFiles = new WorkspaceFiles(
    {
      metas: rules.metas(),
      isOpen: (path) => documents.all().some((d) => toPath(d.uri) === path),
      settings: (uri) => settings.get(uri),
      publish: (uri, ds) => void connection.sendDiagnostics({ uri, diagnostics: ds }),
      revalidateOpen: () => {
        diagnostics.invalidate();
        diagnostics.revalidateAll();
      },
      log,
      today,
    },
    folderPaths,
  );
  diagnostics = new DocumentDiagnostics(
    {
      document: (uri) => documents.get(uri),
      config: (doc, host) => workspaceFiles.configForUri(doc.uri, host, doc.languageId),
      openDocuments: () => documents.all(),
      settings: (uri) => settings.get(uri),
      publish: (uri, version, ds) => void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: ds }),
      log,
      today,
      extra: (doc, result, s) => imageFeatures.extraDiagnostics(doc, result, s),
      workspace: (doc, result, config) => workspaceFiles.liveOutcome(doc.uri, result, config),
      chart: (doc, config) => charts.lint(doc, config),
      companions: (uri) => charts.companions(uri),
      readFile: (uri) => documents.get(uri)?.getText() ?? readFromDisk(uri),
    },
    maxFileBytes,
  );
  imageFeatures = new ImageFeatures({
    trust,
    cacheDir: cacheDirFrom(init),
    documentChanges,
    resolveSupport: literalCodeActions && (caps.textDocument?.codeAction?.resolveSupport?.properties ?? []).includes('edit'),
    document: (uri) => documents.get(uri),
    openDocuments: () => documents.all(),
    result: (uri) => diagnostics.resultFor(uri),
    settings: (uri) => settings.get(uri),
    workspaceFolders: () => (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []),
    applyEdit: async (edit) => (await connection.workspace.applyEdit(edit)).applied,
    showMessage: (type, message) => void (type === 'info' ? connection.window.showInformationMessage(message) : connection.window.showWarningMessage(message)),
    revalidate: (uri) => diagnostics.schedule(uri),
    progress: (token) => (token !== undefined ? Promise.resolve(connection.window.attachWorkDoneProgress(token)) : connection.window.createWorkDoneProgress()),
    log,
    signaturePolicy: (uri) => workspaceFiles.configForUri(uri, {}).signatures,
  });
  trust.onChange(() => diagnostics.revalidateAll());
  extraActionProviders.push((ctx) => imageFeatures.codeActions(ctx));
  return {
    capabilities: {
      // `save` lets signature checks run after a save instead of while typing.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: literalCodeActions ? { codeActionKinds: [...CODE_ACTION_KINDS, PIN_ACTION_KIND], resolveProvider: true } : true,
      executeCommandProvider: { commands: [...(literalCodeActions ? [] : [APPLY_EDIT_COMMAND]), ...IMAGE_COMMANDS] },
    },
    serverInfo: { name: 'shipshape', version: packageVersion() },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration && dynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch((err: unknown) => log(`registering for configuration changes failed: ${String(err)}`));
  }
  if (dynamicWatchers) {
    const watchers = WATCH_GLOBS.map((globPattern) => ({ globPattern }));
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((err: unknown) => log(`registering file watchers failed: ${String(err)}`));
  }
});

connection.onDidChangeWatchedFiles(
  guard('didChangeWatchedFiles', undefined, (params) => {
    workspaceFiles.watched(params.changes);
    for (const change of params.changes) diagnostics.dependencyChanged(change.uri);
  }),
);

connection.onDidChangeConfiguration(
  guard('didChangeConfiguration', undefined, (params) => {
    settings.changed(params.settings);
    diagnostics.invalidate();
    diagnostics.revalidateAll();
    workspaceFiles.settingsChanged();
  }),
);

connection.onNotification(TRUST_CHANGED_METHOD, guard('trustChanged', undefined, (params: unknown) => trust.update(params)));

documents.onDidChangeContent(
  guard('didChange', undefined, (e) => {
    diagnostics.schedule(e.document.uri);
    diagnostics.dependencyChanged(e.document.uri);
  }),
);
// Signature checks ask registries: after open and save only, never per keystroke.
documents.onDidOpen(guard('didOpen', undefined, (e) => imageFeatures.checkSignatures(e.document.uri)));
documents.onDidSave(guard('didSave', undefined, (e) => imageFeatures.checkSignatures(e.document.uri)));
documents.onDidClose(
  guard('didClose', undefined, (e) => {
    diagnostics.close(e.document.uri);
    imageFeatures.forget(e.document.uri);
    settings.forget(e.document.uri);
    charts.forget(e.document.uri);
    workspaceFiles.closed(e.document.uri);
  }),
);

connection.onDocumentLinks(guard('documentLinks', [], async (params) => documentLinks(await diagnostics.resultFor(params.textDocument.uri), rules)));

connection.onHover(
  guard('hover', null, async (params) => {
    const result = await diagnostics.resultFor(params.textDocument.uri);
    return result ? mergeHovers(hoverAt(result, params.position, rules), await imageFeatures.hover(params.textDocument.uri, params.position, result)) : null;
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

connection.onCodeActionResolve((action) => guard('codeActionResolve', action, () => imageFeatures.resolveAction(action))());

connection.onExecuteCommand(
  guard('executeCommand', undefined, async (params) => {
    if (IMAGE_COMMANDS.includes(params.command)) return imageFeatures.executeCommand(params.command, params.arguments);
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
    const created = await connection.window.createWorkDoneProgress().catch((err: unknown) => {
      log(`window/workDoneProgress/create failed, scanning without progress: ${String(err)}`);
      return undefined;
    });
    if (created) tokens.push(created.token);
    progress = created ?? connection.window.attachWorkDoneProgress(undefined);
  }
  const cancel = new CancellationTokenSource();
  const subs = tokens.map((t) => t.onCancellationRequested(() => cancel.cancel()));
  try {
    return await scanWorkspace(
      params,
      {
        files: workspaceFiles,
        // Only clients that answer workspace/configuration can tell us their files.exclude.
        exclude: async (scopeUri) => (pullConfiguration ? parseExclude(await connection.workspace.getConfiguration({ scopeUri, section: 'files.exclude' }).catch(() => undefined)) : []),
        log,
      },
      progress,
      cancel.token,
    );
  } finally {
    for (const s of subs) s.dispose();
    cancel.dispose();
  }
});

connection.onRequest(EXPORT_SARIF_METHOD, async (raw: unknown, token: CancellationToken) => {
  const folders = parseScanParams(raw).folders.flatMap((uri) => toPath(uri) ?? []);
  const abort = new AbortController();
  const sub = token.onCancellationRequested(() => abort.abort());
  try {
    const host = hostConfig(await settings.get(folders[0] ? pathToFileURL(folders[0]).href : ''), today());
    return await exportSarif(folders, { metas: rules.metas(), toolVersion: packageVersion(), host, signal: abort.signal });
  } finally {
    sub.dispose();
  }
});

process.on('uncaughtException', (err) => log(`Shipshape: uncaught ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => log(`Shipshape: unhandled rejection ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));

documents.listen(connection);
connection.listen();
