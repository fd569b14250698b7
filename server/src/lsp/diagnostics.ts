// Validates open documents: coalesced per URI (lint at once when idle; while a lint runs, only the newest version
// waits for the next one), one cached LintResult per (uri, version), stale results never published.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintResult } from '../core/engine';
import { EDITOR_DOCUMENTS } from '../core/documents';
import type { FileReader } from '../core/target';
import { SHIPPED } from '../targets';
import { isConfigFile, lintConfigFile } from '../config/lintConfigFile';
import type { LintConfig } from '../core/config';
import type { Settings } from './settings';
import { toLintConfig } from './settings';
import { toDiagnostics } from './toLsp';
import { mergeOutcome, type WorkspaceOutcome } from '../core/workspace';

export interface DiagnosticsDeps {
  document(uri: string): TextDocument | undefined;
  openDocuments(): TextDocument[];
  settings(uri: string): Promise<Settings>;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  /** Injected so tests and the host can pin the date suppressions expire against. */
  today?: () => string;
  /** The full config for a document from its editor-settings layer (adds `.shipshape.yaml` and file facts). */
  config?(doc: TextDocument, host: LintConfig): LintConfig;
  /** Diagnostics other features add for a document (registry digest drift), published with the engine's. */
  extra?(doc: TextDocument, result: LintResult | undefined, settings: Settings): Diagnostic[];
  /**
   * Findings of workspace rules for the document (from the last workspace scan and its live facts), merged into its
   * result so hovers and suppression actions treat them as any other finding.
   */
  workspace?(doc: TextDocument, result: LintResult, config: LintConfig): WorkspaceOutcome | undefined;
  /** A Helm chart file's result from a lint of its chart; undefined for other files. */
  chart?(doc: TextDocument, config: LintConfig): LintResult | undefined;
  /** Open documents whose result depends on this one (the other open files of its Helm chart). */
  companions?(uri: string): string[];
  /** Reads a file a document refers to (a Compose `.env`, `extends.file`, build Dockerfile): open documents first. */
  readFile?: FileReader;
}

interface Entry {
  version: number;
  /** Undefined when Shipshape is disabled for the document. */
  result: LintResult | undefined;
  settings: Settings;
  /** Files the lint read (by the names the engine asked for), so a change there re-lints this document. */
  reads: ReadonlySet<string>;
}

/**
 * Linting is synchronous on the server's only thread, and a multi-megabyte file of many small YAML documents takes
 * seconds to parse; above this size the editor stays responsive instead and the file is left to the CLI.
 */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * `previous`: the document's last result; multi-document files from a few kilobytes on are linted in small runs of
 * documents and reuse every unchanged run (core/documents.ts), so a keystroke re-lints about one run.
 */
export function lintDocument(doc: Pick<TextDocument, 'uri' | 'languageId' | 'getText'>, config: LintConfig, previous?: LintResult, readFile?: FileReader): LintResult {
  if (isConfigFile(doc.uri)) return lintConfigFile(doc.uri, doc.getText(), SHIPPED.metas());
  const input = { path: doc.uri, text: doc.getText(), languageId: doc.languageId, ...(readFile ? { readFile } : {}) };
  return lint(input, config, SHIPPED, { previous, documents: EDITOR_DOCUMENTS });
}

export function hostConfig(settings: Settings, today: string): LintConfig {
  return { ...toLintConfig(settings), context: { today } };
}

export class DocumentDiagnostics {
  private readonly cache = new Map<string, Entry>();
  /** In-flight computations keyed by `uri#version`, so a hover during validation does not lint twice. */
  private readonly pending = new Map<string, Promise<Entry | undefined>>();
  /** URIs changed since their last validation started; a Set, so a burst of edits leaves one pending run. */
  private readonly dirty = new Set<string>();
  /** URIs whose validation loop is queued or running: a change there only marks the URI dirty. */
  private readonly active = new Set<string>();
  /** Bumped when settings change, so a computation that started under the old settings is not cached. */
  private generation = 0;

  constructor(
    private readonly deps: DiagnosticsDeps,
    private readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES,
  ) {}

  /**
   * Validate `uri`'s newest version. Idle: the run starts after the messages already read are handled (setImmediate),
   * so a burst of didChange notifications that arrived together is linted once, at its last version. Busy: the URI
   * is marked dirty and its running loop lints the newest version when the current lint finishes. No fixed delay:
   * a lint that takes 1 ms should not make the user wait 200 ms.
   */
  schedule(uri: string): void {
    this.enqueue(uri);
    // Editing values.yaml changes what its chart's templates render: their cached results are stale too.
    for (const other of this.deps.companions?.(uri) ?? []) {
      this.cache.delete(other);
      this.enqueue(other);
    }
  }

  private enqueue(uri: string): void {
    this.dirty.add(uri);
    if (this.active.has(uri)) return;
    this.active.add(uri);
    setImmediate(() => void this.run(uri));
  }

  private async run(uri: string): Promise<void> {
    try {
      while (this.dirty.delete(uri)) await this.validate(uri);
    } finally {
      // Nothing can run between the loop's last check and here (no await), so no change is lost.
      this.active.delete(uri);
    }
  }

  /** Re-validates the open documents whose last lint read `uri` (a Compose file's Dockerfile or `.env` changed). */
  dependencyChanged(uri: string): void {
    for (const [doc, entry] of this.cache) {
      if (doc === uri || !entry.reads.has(uri)) continue;
      this.cache.delete(doc);
      this.schedule(doc);
    }
  }

  /** Re-validates every open document, e.g. after a settings change. */
  revalidateAll(): void {
    for (const doc of this.deps.openDocuments()) this.schedule(doc.uri);
  }

  close(uri: string): void {
    this.dirty.delete(uri);
    this.cache.delete(uri);
    this.deps.publish(uri, undefined, []);
  }

  /** Forget cached results (settings changed) without touching what the client shows. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.pending.clear();
  }

  /**
   * The lint result for the document's current version: cached, or computed now. Undefined when the document is
   * closed, disabled, changed while settings were fetched, or linting failed.
   */
  async resultFor(uri: string): Promise<LintResult | undefined> {
    return (await this.entryFor(uri))?.result;
  }

  private async entryFor(uri: string): Promise<Entry | undefined> {
    const doc = this.deps.document(uri);
    if (!doc) return undefined;
    const cached = this.cache.get(uri);
    if (cached?.version === doc.version) return cached;
    const key = `${uri}#${doc.version}`;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.compute(doc).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async compute(doc: TextDocument): Promise<Entry | undefined> {
    const { uri, version } = doc;
    const generation = this.generation;
    const settings = await this.deps.settings(uri);
    // The document moved on (or closed) while settings were fetched: this version's result is already stale.
    if (this.deps.document(uri)?.version !== version || generation !== this.generation) return undefined;
    let result: LintResult | undefined;
    const reads = new Set<string>();
    const size = Buffer.byteLength(doc.getText(), 'utf8');
    if (size > this.maxFileBytes) {
      this.deps.log(`Shipshape skipped ${uri}: ${size} bytes is over the ${this.maxFileBytes}-byte limit for live linting; use \`shipshape scan\``);
    } else if (settings.enable) {
      try {
        const host = hostConfig(settings, this.today());
        const config = this.deps.config?.(doc, host) ?? host;
        const read = this.deps.readFile;
        result = this.deps.chart?.(doc, config) ?? lintDocument(doc, config, this.cache.get(uri)?.result, read && ((path) => (reads.add(path), read(path))));
        result = mergeOutcome(result, this.deps.workspace?.(doc, result, config));
      } catch (err) {
        this.deps.log(`Shipshape could not lint ${uri} (version ${version}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return undefined;
      }
    }
    const entry: Entry = { version, result, settings, reads };
    this.cache.set(uri, entry);
    return entry;
  }

  private async validate(uri: string): Promise<void> {
    try {
      const entry = await this.entryFor(uri);
      const doc = this.deps.document(uri);
      // Never publish a result for version N once version N+1 (or a close) has arrived.
      if (!entry || !doc || doc.version !== entry.version) return;
      const extra = entry.result ? (this.deps.extra?.(doc, entry.result, entry.settings) ?? []) : [];
      this.deps.publish(uri, entry.version, entry.result ? [...toDiagnostics(entry.result.findings), ...extra] : []);
    } catch (err) {
      this.deps.log(`Shipshape validation of ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }

  private today(): string {
    return this.deps.today?.() ?? new Date().toISOString().slice(0, 10);
  }
}
