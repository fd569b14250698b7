import { type ChildProcess } from 'node:child_process';
import { type ClientCapabilities, type ConfigurationParams, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams, type Registration } from 'vscode-languageserver-protocol/node';
export declare const ROOT: string;
export declare const SERVER: string;
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
    workspaceFolders?: {
        uri: string;
        name: string;
    }[];
}
/** Everything a modern editor announces; tests take capabilities away from this. */
export declare function fullCapabilities(): ClientCapabilities;
export declare class TestServer {
    readonly child: ChildProcess;
    readonly connection: ProtocolConnection;
    readonly published: PublishDiagnosticsParams[];
    readonly logs: string[];
    /** client/registerCapability registrations the server made (dynamic registration). */
    readonly registrations: Registration[];
    stderr: string;
    private readonly cursor;
    private readonly waiters;
    private exited;
    constructor(child: ChildProcess, connection: ProtocolConnection);
    get alive(): boolean;
    /**
     * The next publishDiagnostics for `uri` that satisfies `pred`, counting from the last one a previous call
     * consumed for that URI (so a notification that arrived early is not missed). Rejects after a deadline.
     */
    diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, what?: string): Promise<PublishDiagnosticsParams>;
    open(uri: string, languageId: string, text: string, version?: number): Promise<void>;
    /** Replaces the whole text (a full-content change event is valid under incremental sync). */
    change(uri: string, version: number, text: string): Promise<void>;
    close(uri: string): Promise<void>;
    dispose(): Promise<void>;
}
export interface Started {
    server: TestServer;
    init: InitializeResult;
}
export declare function startServer(options?: StartOptions): Promise<Started>;
/** Starts a server, runs `body`, and always disposes the server. */
export declare function withServer<T>(options: StartOptions, body: (s: Started) => Promise<T>): Promise<T>;
export declare function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T>;
