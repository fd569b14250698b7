// The workspace beyond open documents: the config resolution open documents and scans share (nearest
// `.shipshape.yaml` over editor settings), the files a scan published, and keeping those fresh as files,
// `.dockerignore`s and config files change on disk.
import { basename, dirname, sep } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver';
import type { LintConfig } from '../core/config';
import { isDockerfileName } from '../dockerfile/detect';
import { SHIPPED } from '../targets';
import type { RuleMeta } from '../core/types';
import { CONFIG_FILE_NAMES, mergeConfigs } from '../config';
import { workspaceConfig, type WorkspaceConfig } from '../config/node';
import { editorWorkers, scanFiles, wouldWalk, type FileResult, type ScanProgress, type ScanSummary } from '../scan';
import { withFileFacts } from '../scan/facts';
import { EDITOR_WORKER_HEAP } from '../scan/pool';
import { lintWorkspace, mergeOutcome, type WorkspaceFileFacts, type WorkspaceOutcome } from '../core/workspace';
import type { LintResult } from '../core/engine';
import { hostConfig } from './diagnostics';
import type { Settings } from './settings';
import { toDiagnostics } from './toLsp';

/** What the server asks the client to watch: the files we lint, config files and `.dockerignore`s. */
export const WATCH_GLOBS = [
  '**/{Dockerfile,dockerfile,Containerfile,containerfile}',
  '**/{Dockerfile,dockerfile,Containerfile,containerfile}.*',
  '**/*.{dockerfile,containerfile}',
  '**/*.{yaml,yml}',
  '**/.shipshape.{yaml,yml,json}',
  '**/{.dockerignore,*.dockerignore}',
  // Compose files read the `.env` beside them; a change there re-lints them.
  '**/.env',
];

/** Up to this many files are re-linted in process; more go to the worker pool. */
const IN_PROCESS_LIMIT = 32;

export interface WorkspaceDeps {
  metas: readonly RuleMeta[];
  isOpen(path: string): boolean;
  settings(scopeUri: string): Promise<Settings>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** Drop cached results of open documents and lint them again (their config may have changed). */
  revalidateOpen(): void;
  log(message: string): void;
  today(): string;
  /** Default: scan-worker.js next to the running bundle. */
  workerScript?: string;
}

interface Folder {
  uri: string;
  root: string;
  /** `files.exclude` globs in force when the folder was scanned. */
  exclude: readonly string[];
}

export class WorkspaceFiles {
  private readonly roots: string[];
  private config: WorkspaceConfig;
  /** Files a scan linted, with the folder they were found under (whose settings apply to them). */
  private readonly scanned = new Map<string, Folder>();
  private readonly folders = new Map<string, Folder>();
  /**
   * Per scanned file: its own result, its facts for workspace rules and the config it was linted with, so workspace
   * findings are recomputed from these (cheap) whenever any file changes, without linting the others again.
   */
  private readonly own = new Map<string, { result: FileResult; config: LintConfig }>();
  private outcomes = new Map<string, WorkspaceOutcome>();
  /** Watcher work runs one batch at a time, so a re-lint never overtakes a later one. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: WorkspaceDeps,
    roots: readonly string[],
  ) {
    this.roots = [...roots];
    this.config = workspaceConfig(deps.metas, this.roots);
  }

  /** Editor settings < nearest `.shipshape.yaml` < facts about the file (docs/configuration.md). */
  configFor(path: string, host: LintConfig, languageId?: string): LintConfig {
    return withFileFacts(mergeConfigs(host, this.config.resolver.forFile(path)?.lint), path, this.deps.today(), languageId);
  }

  /** The same for an open document; documents that are not files (untitled:) get the editor settings only. */
  configForUri(uri: string, host: LintConfig, languageId?: string): LintConfig {
    const path = toPath(uri);
    return path ? this.configFor(path, host, languageId) : host;
  }

  isScanned(path: string): boolean {
    return this.scanned.has(path);
  }

  /**
   * Scans one folder and publishes results for files that are not open; undefined when Shipshape is disabled there.
   * Results are published and kept (slim) as they arrive, not collected in the summary: `linted` counts them.
   */
  async scanFolder(
    folderUri: string,
    root: string,
    exclude: readonly string[],
    signal?: AbortSignal,
    onProgress?: (p: ScanProgress) => void,
  ): Promise<(ScanSummary & { linted: number }) | undefined> {
    this.addRoot(root);
    const settings = await this.deps.settings(folderUri);
    if (!settings.enable) return undefined;
    const host = hostConfig(settings, this.deps.today());
    const folder: Folder = { uri: folderUri, root, exclude };
    this.folders.set(root, folder);
    const before = [...this.scanned].filter(([, f]) => f.root === root).map(([path]) => path);
    const seen = new Set<string>();
    const configs = new Map<string, LintConfig>();
    const summary = await scanFiles([root], {
      configFor: (path) => this.remember(configs, path, this.configFor(path, host)),
      configIgnore: this.config.configIgnore,
      configDockerfiles: this.config.configDockerfiles,
      exclude,
      workers: editorWorkers(),
      workerHeap: EDITOR_WORKER_HEAP,
      collect: false,
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(this.deps.workerScript ? { workerScript: this.deps.workerScript } : {}),
      onResult: (result) => {
        seen.add(result.path);
        this.scanned.set(result.path, folder);
        this.store(result, configs);
        this.publishResult(result);
      },
    });
    // Files that are now ignored or gone lose the diagnostics an earlier scan gave them.
    if (!summary.cancelled) for (const path of before) if (!seen.has(path)) this.forget(path);
    // A cancelled scan has not seen every NetworkPolicy yet: keep the workspace findings of the last complete one.
    if (!summary.cancelled) this.refreshWorkspace();
    // Cross-file findings (NetworkPolicy coverage) are added after the per-file pass; the count should include them.
    let workspaceFindings = 0;
    for (const [path, outcome] of this.outcomes) if (this.scanned.get(path)?.root === root) workspaceFindings += outcome.findings.length;
    return { ...summary, findings: summary.findings + workspaceFindings, linted: seen.size };
  }

  /** A scanned file's editor closed: show its on-disk result again. */
  closed(uri: string): void {
    const path = toPath(uri);
    if (path && this.scanned.has(path)) this.enqueue(() => this.relint([path]));
  }

  /** Settings changed: re-lint every scanned file under the new settings. */
  settingsChanged(): void {
    this.enqueue(() => this.relint([...this.scanned.keys()]));
  }

  /** workspace/didChangeWatchedFiles. Resolves once the affected files are re-linted (tests await it). */
  watched(changes: readonly FileEvent[]): Promise<void> {
    return this.enqueue(() => this.applyChanges(changes));
  }

  private async applyChanges(changes: readonly FileEvent[]): Promise<void> {
    let configChanged = false;
    const relint = new Set<string>();
    const dockerignoreDirs = new Set<string>();
    for (const change of changes) {
      const path = toPath(change.uri);
      if (!path) continue;
      // Scanned files that read this one (a Compose file's `.env` or built Dockerfile), whatever happened to it.
      for (const dependent of this.readersOf(path)) relint.add(dependent);
      const name = basename(path);
      if ((CONFIG_FILE_NAMES as readonly string[]).includes(name)) {
        configChanged = true;
      } else if (name.endsWith('.dockerignore')) {
        dockerignoreDirs.add(dirname(path));
      } else if (change.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event for the folder.
        for (const scanned of [...this.scanned.keys()]) if (scanned === path || scanned.startsWith(path + sep)) this.forget(scanned);
      } else if (this.scanned.has(path)) {
        relint.add(path);
      } else if (change.type === FileChangeType.Created) {
        const folder = this.folderOf(path);
        if (folder && (await wouldWalk(folder.root, path, { exclude: folder.exclude, configIgnore: this.config.configIgnore, configDockerfiles: this.config.configDockerfiles }))) {
          this.scanned.set(path, folder);
          relint.add(path);
        }
      }
    }
    if (configChanged) {
      this.config.resolver.clear();
      this.deps.revalidateOpen();
      // A config can switch rules and ignore paths anywhere below it: scan the folders again.
      for (const folder of [...this.folders.values()]) await this.scanFolder(folder.uri, folder.root, folder.exclude);
      return;
    }
    if (dockerignoreDirs.size) {
      this.deps.revalidateOpen();
      for (const path of this.scanned.keys()) if (dockerignoreDirs.has(dirname(path)) && isDockerfileName(path)) relint.add(path);
    }
    await this.relint([...relint]);
  }

  /** Scanned files whose last lint read (or looked for) `path`. */
  private readersOf(path: string): string[] {
    const readers: string[] = [];
    for (const [scanned, { result }] of this.own) if (result.reads?.some((read) => toPath(read) === path || read === path)) readers.push(scanned);
    return readers;
  }

  private async relint(paths: readonly string[]): Promise<void> {
    const byFolder = new Map<Folder, string[]>();
    for (const path of paths) {
      const folder = this.scanned.get(path);
      if (!folder) continue;
      if (!existsSync(path)) {
        this.forget(path);
        continue;
      }
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
    }
    for (const [folder, files] of byFolder) {
      const settings = await this.deps.settings(folder.uri);
      if (!settings.enable) {
        for (const path of files) this.forget(path);
        continue;
      }
      const host = hostConfig(settings, this.deps.today());
      const configs = new Map<string, LintConfig>();
      try {
        await scanFiles(files, {
          workers: files.length > IN_PROCESS_LIMIT ? editorWorkers() : 0,
          workerHeap: EDITOR_WORKER_HEAP,
          collect: false,
          configFor: (path) => this.remember(configs, path, this.configFor(path, host)),
          ...(this.deps.workerScript ? { workerScript: this.deps.workerScript } : {}),
          onResult: (result) => {
            if (this.scanned.get(result.path) !== folder) return;
            this.store(result, configs);
            this.publishResult(result);
          },
        });
      } catch (err) {
        // A file deleted between the event and the re-lint; its own delete event clears it.
        this.deps.log(`Shipshape could not re-lint changed files: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    // A changed, added or deleted file can change other files' workspace findings (a NetworkPolicy covers many).
    this.refreshWorkspace();
  }

  private publishResult(result: FileResult): void {
    if (result.skipped) this.deps.log(`Shipshape skipped ${result.path}: ${result.skipped}`);
    if (!this.deps.isOpen(result.path)) this.deps.publish(pathToFileURL(result.path).href, toDiagnostics(mergeOutcome(result, this.outcomes.get(result.path)).findings));
  }

  private forget(path: string): void {
    this.own.delete(path);
    if (this.scanned.delete(path) && !this.deps.isOpen(path)) this.deps.publish(pathToFileURL(path).href, []);
  }

  private remember(configs: Map<string, LintConfig>, path: string, config: LintConfig): LintConfig {
    configs.set(path, config);
    return config;
  }

  private store(result: FileResult, configs: ReadonlyMap<string, LintConfig>): void {
    // Kept only to republish and to recompute workspace findings: an unopened file's diagnostics need no fixes (code
    // actions come from the live lint once it is opened) and no suppressed findings.
    const slim: FileResult = { ...result, suppressed: [], findings: result.findings.map(({ fix: _fix, ...finding }) => ({ ...finding, suggestions: [] })) };
    this.own.set(result.path, { result: slim, config: configs.get(result.path) ?? {} });
  }

  private workspaceInputs(): { path: string; workspace: WorkspaceFileFacts }[] {
    return [...this.own].flatMap(([path, { result }]) => (result.workspace ? [{ path, workspace: result.workspace }] : []));
  }

  /**
   * Recomputes workspace rules (k8s/network-policy-coverage) over every scanned file and republishes the files whose
   * workspace findings changed; open documents are re-linted, since their live result carries them (`liveOutcome`).
   */
  private refreshWorkspace(): void {
    const next = lintWorkspace(this.workspaceInputs(), (path) => this.own.get(path)?.config ?? {}, SHIPPED);
    const previous = this.outcomes;
    this.outcomes = next;
    let openChanged = false;
    for (const path of new Set([...previous.keys(), ...next.keys()])) {
      if (JSON.stringify(previous.get(path)) === JSON.stringify(next.get(path))) continue;
      if (this.deps.isOpen(path)) openChanged = true;
      else {
        const own = this.own.get(path);
        if (own && this.scanned.has(path)) this.publishResult(own.result);
      }
    }
    if (openChanged) this.deps.revalidateOpen();
  }

  /**
   * Workspace findings for an open, scanned document from its live lint: its own facts and suppressions as typed,
   * the other files' as last read from disk. Undefined before a scan has seen the file.
   */
  liveOutcome(uri: string, result: LintResult, config: LintConfig): WorkspaceOutcome | undefined {
    const path = toPath(uri);
    if (!path || !this.own.has(path)) return undefined;
    const inputs = this.workspaceInputs().filter((f) => f.path !== path);
    if (result.workspace) inputs.push({ path, workspace: result.workspace });
    return lintWorkspace(inputs, (p) => (p === path ? config : (this.own.get(p)?.config ?? {})), SHIPPED).get(path);
  }

  private folderOf(path: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders.values()) {
      if (path.startsWith(folder.root + sep) && (!best || folder.root.length > best.root.length)) best = folder;
    }
    return best;
  }

  private addRoot(root: string): void {
    if (this.roots.includes(root)) return;
    this.roots.push(root);
    // The search stops at workspace folders, so a new folder needs a fresh resolver.
    this.config = workspaceConfig(this.deps.metas, this.roots);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work).catch((err: unknown) => this.deps.log(`Shipshape file watcher failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
    this.queue = next;
    return next;
  }
}

export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
