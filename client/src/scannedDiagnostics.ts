// Diagnostics of files that are not open, delivered to VS Code in batches.
//
// A workspace scan publishes one `textDocument/publishDiagnostics` per file. Handed to VS Code one by one, each is an
// extension host → workbench message (in code-server also a WebSocket frame): ~3,500 of them in half a minute for a
// corpus of that size kept the workbench's UI thread busy (progress updates stalled for seconds) and queued the open
// document's own diagnostics behind them. Here files that are not open are collected and set in one call per
// FLUSH_MS; open documents go straight through the language client's collection, as before. A URI is only ever in
// one of the two collections, so nothing is shown twice.
import * as vscode from 'vscode';

/** How long scanned results may wait before they are shown (a finished scan flushes at once). */
const FLUSH_MS = 500;
/**
 * At most this many diagnostics per `DiagnosticCollection.set` call: the extension host stops forwarding the entries
 * of one call once their total passes 1.1 × its per-file limit of 1,000 (the rest would silently not be shown).
 */
const MAX_PER_SET = 1000;

type Next = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void;

export class ScannedDiagnostics implements vscode.Disposable {
  private readonly pending = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    /** The language client's own collection, which holds the open documents' diagnostics. */
    private readonly live: () => vscode.DiagnosticCollection | undefined,
    private readonly isOpen: (uri: vscode.Uri) => boolean = (uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
  ) {}

  /** The language client's `handleDiagnostics` middleware. */
  handle(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: Next): void {
    const key = uri.toString();
    if (this.isOpen(uri)) {
      // An open document: no delay, and its scanned result (if any) goes away.
      this.pending.delete(key);
      if (this.collection.has(uri)) this.collection.delete(uri);
      next(uri, diagnostics);
      return;
    }
    if (this.live()?.has(uri)) next(uri, []);
    this.pending.set(key, [uri, diagnostics]);
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    let batch: [vscode.Uri, vscode.Diagnostic[]][] = [];
    let size = 0;
    for (const entry of this.pending.values()) {
      // Most scanned files have no findings: only send an empty list to clear earlier ones.
      if (entry[1].length === 0 && !this.collection.has(entry[0])) continue;
      const n = Math.min(entry[1].length, MAX_PER_SET);
      if (batch.length && size + n > MAX_PER_SET) {
        this.collection.set(batch);
        batch = [];
        size = 0;
      }
      batch.push(entry);
      size += n;
    }
    if (batch.length) this.collection.set(batch);
    this.pending.clear();
  }

  /** The server stopped: its diagnostics go, like the client's own. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.collection.clear();
  }

  dispose(): void {
    this.clear();
    this.collection.dispose();
  }
}
