// A real LSP client for protocol tests: starts the built server (dist/server.js) in a fresh process per test.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '../../..');
export const SERVER = join(ROOT, 'dist/server.js');
const WAIT_MS = 15_000;

export interface StartOptions {
  transport?: 'stdio' | 'ipc';
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  /** Answers workspace/configuration; only asked when the capabilities announce `workspace.configuration`. */
  configuration?: (params: ConfigurationParams) => unknown[] | Promise<unknown[]>;
  /** The server bundle (default dist/server.js) and node options for its process (the benchmark's probes). */
  serverPath?: string;
  execArgv?: string[];
  /** Workspace folders announced at initialize (default none). */
  workspaceFolders?: { uri: string; name: string }[];
}

/** Everything a modern editor announces; tests take capabilities away from this. */
export function fullCapabilities(): ClientCapabilities {
  return {
    workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false } },
    window: { workDoneProgress: true },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        dataSupport: true,
      },
    },
  };
}

export class TestServer {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** client/registerCapability registrations the server made (dynamic registration). */
  readonly registrations: Registration[] = [];
  stderr = '';
  private readonly cursor = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private exited = false;

  constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      for (const w of [...this.waiters]) w();
    });
    connection.onNotification(LogMessageNotification.type, (p) => void this.logs.push(p.message));
    child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    child.on('exit', () => {
      this.exited = true;
      for (const w of [...this.waiters]) w();
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  /**
   * The next publishDiagnostics for `uri` that satisfies `pred`, counting from the last one a previous call
   * consumed for that URI (so a notification that arrived early is not missed). Rejects after a deadline.
   */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, what = 'diagnostics', timeoutMs = WAIT_MS): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        for (let i = this.cursor.get(uri) ?? 0; i < this.published.length; i++) {
          const p = this.published[i]!;
          if (p.uri !== uri) continue;
          this.cursor.set(uri, i + 1);
          if (pred(p)) {
            finish();
            resolve(p);
            return true;
          }
        }
        if (this.exited) {
          finish();
          reject(new Error(`server exited while waiting for ${what} on ${uri}\n${this.stderr}`));
          return true;
        }
        return false;
      };
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what} on ${uri}; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => ({ v: p.version, n: p.diagnostics.length })))}\n${this.logs.join('\n')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
      check();
    });
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-content change event is valid under incremental sync). */
  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async dispose(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5_000, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // a server that does not shut down cleanly is killed below
      }
    }
    this.connection.dispose();
    if (!this.exited) {
      await withTimeout(new Promise<void>((resolve) => this.child.once('exit', () => resolve())), 5_000, 'exit').catch(() => this.child.kill('SIGKILL'));
    }
  }
}

export interface Started {
  server: TestServer;
  init: InitializeResult;
}

export async function startServer(options: StartOptions = {}): Promise<Started> {
  const serverPath = options.serverPath ?? SERVER;
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run node scripts/build.mjs first`);
  const execArgv = options.execArgv ?? [];
  let child: ChildProcess;
  let connection: ProtocolConnection;
  if (options.transport === 'ipc') {
    child = fork(serverPath, ['--node-ipc'], { execArgv, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  } else {
    child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    connection = createProtocolConnection(child.stdout!, child.stdin!);
  }
  const server = new TestServer(child, connection);
  const configuration = options.configuration;
  // Announcing window.workDoneProgress obliges the client to accept server-created progress tokens.
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
  connection.onRequest(RegistrationRequest.type, (params) => void server.registrations.push(...params.registrations));
  connection.onRequest(ConfigurationRequest.type, async (params) => (configuration ? configuration(params) : params.items.map(() => null)));
  connection.listen();
  const init = await withTimeout(
    connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: options.capabilities ?? fullCapabilities(),
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
      workspaceFolders: options.workspaceFolders ?? null,
    }),
    WAIT_MS,
    'initialize',
  );
  await connection.sendNotification(InitializedNotification.type, {});
  return { server, init };
}

/** Starts a server, runs `body`, and always disposes the server. */
export async function withServer<T>(options: StartOptions, body: (s: Started) => Promise<T>): Promise<T> {
  const started = await startServer(options);
  try {
    return await body(started);
  } finally {
    await started.server.dispose();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
