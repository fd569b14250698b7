// `scanFiles`: the one workspace scan behind the LSP `shipshape/scanWorkspace` and the CLI. Walks the roots,
// resolves each file's config, lints on worker threads, streams results and progress, and stops on abort.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { LintConfig } from '../core/config';
import type { FileResult } from './lintFile';
import { createLinter, type WorkerHeap } from './pool';
import { walkLintable } from './walk';
import type { IgnoreRules } from './ignore';
import { SHIPPED, isLintableFile } from '../targets';
import { chartOwning, chartRootMemo } from '../helm/host';
import { lintWorkspace, mergeOutcome, type WorkspaceFile, type WorkspaceOutcome } from '../core/workspace';

export type { FileResult } from './lintFile';
export { IgnoreRules, GlobSet } from './ignore';
export { walkLintable, wouldWalk } from './walk';

export interface ScanProgress {
  /** Files linted so far. */
  done: number;
  /** Files found so far; final once `walking` is false. */
  total: number;
  walking: boolean;
  findings: number;
}

export interface ScanOptions {
  /** The resolved config for a file (layers already merged); called on the main thread, so keep it cached. */
  configFor?(path: string): LintConfig;
  /** `.shipshape.yaml` ignore patterns applying to a path. */
  configIgnore?(path: string): IgnoreRules | undefined;
  /** `.shipshape.yaml` `dockerfiles` patterns applying to a path: files to lint as Dockerfiles whatever their name. */
  configDockerfiles?(path: string): IgnoreRules | undefined;
  /** VS Code `files.exclude` globs, relative to each root. */
  exclude?: readonly string[];
  gitignore?: boolean;
  onProgress?(progress: ScanProgress): void;
  /** Called once per file as soon as it is linted, with its own findings (no workspace rules' findings yet). */
  onResult?(result: FileResult): void;
  /**
   * Call `onResult` in walk order (roots in the order given, files within each in path order) instead of as soon as
   * each file is done, so a caller can stream sorted output. Costs nothing but a small reorder buffer.
   */
  ordered?: boolean;
  /** Called once the walk has found every file (linting may still be running), unless the scan was cancelled. */
  onWalked?(): void;
  /**
   * Keep every result in `ScanSummary.files` (default true). Off for callers that consume `onResult` and would only
   * have the scan hold the whole workspace's findings to the end; workspace rules still see every file's facts.
   */
  collect?: boolean;
  /**
   * Treat the files scanned as one workspace: after the walk, run the workspace rules (k8s/network-policy-coverage)
   * over all of them; their findings are in `ScanSummary.workspace` and merged into `ScanSummary.files`. Off for
   * partial re-lints.
   */
  workspaceRules?: boolean;
  signal?: AbortSignal;
  /** Worker threads; 0 lints in process with a yield between files. Default: one per core (the main thread only
   * walks and dispatches), at most MAX_WORKERS. */
  workers?: number;
  /** The bundled worker entry; default `scan-worker.js` next to the running bundle. */
  workerScript?: string;
  /**
   * A heap budget for each worker (WorkerHeap): the editor's scan keeps its memory down with it; a file that needs
   * more is linted again in a worker of its own without the budget. Default: V8's limits.
   */
  workerHeap?: WorkerHeap;
  maxFiles?: number;
}

export interface ScanSummary {
  files: FileResult[];
  findings: number;
  cancelled: boolean;
  durationMs: number;
  threads: number;
  /** Findings of workspace rules per file path, when `workspaceRules` is on (already counted in `findings`). */
  workspace: Map<string, WorkspaceOutcome>;
}

/** Beyond this many threads a scan is bound by the disk and the main thread's dispatch, not by linting. */
export const MAX_WORKERS = 16;

/** Default worker count: every core. The main thread only walks and dispatches, idle most of the time. */
export function defaultWorkers(): number {
  return Math.min(MAX_WORKERS, Math.max(1, availableParallelism()));
}

/**
 * Workers for a scan inside the language server: one core stays with the main thread, which answers the editor
 * (hover, completion, keystrokes) and publishes every scanned file's diagnostics; and each worker's heap counts
 * against the editor's memory.
 */
export function editorWorkers(): number {
  return Math.min(MAX_WORKERS, Math.max(1, availableParallelism() - 1));
}

/**
 * The file's config, plus how to read a file its name does not make lintable: as a Dockerfile when the config's
 * `dockerfiles` patterns name it, by content when it was given as a root (a file named on the command line).
 */
function withHint(path: string, root: string, options: ScanOptions): LintConfig {
  const config = options.configFor?.(path) ?? {};
  if (isLintableFile(path)) return config;
  if (options.configDockerfiles?.(path)?.test(path, false)) return { ...config, fileHint: { languageId: 'dockerfile' } };
  return path === root ? { ...config, fileHint: { byContent: true } } : config;
}

export async function scanFiles(roots: readonly string[], options: ScanOptions = {}): Promise<ScanSummary> {
  const started = performance.now();
  const linter = createLinter(options.workers ?? defaultWorkers(), options.workerScript ?? join(__dirname, 'scan-worker.js'), options.workerHeap);
  const collect = options.collect !== false;
  const files: FileResult[] = [];
  const facts: WorkspaceFile[] = [];
  const progress: ScanProgress = { done: 0, total: 0, walking: true, findings: 0 };
  let lastReport = 0;
  const report = (force = false): void => {
    const now = performance.now();
    // Progress at most every 50 ms: thousands of notifications would cost more than the linting.
    if (!force && now - lastReport < 50) return;
    lastReport = now;
    options.onProgress?.({ ...progress });
  };
  // Ordered delivery: results wait here until every file walked before them is done.
  const waiting = new Map<number, FileResult[]>();
  let nextToDeliver = 0;
  const deliver = (seq: number, results: FileResult[]): void => {
    if (!options.ordered) {
      for (const r of results) options.onResult?.(r);
      return;
    }
    waiting.set(seq, results);
    for (let rs = waiting.get(nextToDeliver); rs; rs = waiting.get(nextToDeliver)) {
      waiting.delete(nextToDeliver++);
      for (const r of rs) options.onResult?.(r);
    }
  };
  const chartRoot = chartRootMemo();
  const inFlight = new Set<Promise<void>>();
  // Bounded look-ahead keeps memory flat on huge trees while every worker stays busy.
  const limit = Math.max(16, linter.threads * 16);
  // A file under two of the roots (`scan a a/b`) is linted and reported once.
  const walked = new Set<string>();
  try {
    for (const root of roots) {
      for await (const path of walkLintable(root, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.exclude ? { exclude: options.exclude } : {}),
        ...(options.configIgnore ? { configIgnore: options.configIgnore } : {}),
        ...(options.configDockerfiles ? { configDockerfiles: options.configDockerfiles } : {}),
        ...(options.gitignore !== undefined ? { gitignore: options.gitignore } : {}),
        ...(options.maxFiles !== undefined ? { maxFiles: options.maxFiles } : {}),
      })) {
        if (options.signal?.aborted) break;
        if (walked.has(path)) continue;
        walked.add(path);
        // A Helm chart is one unit: its first file found queues the chart directory, its other files ride along.
        const chart = chartOwning(path, chartRoot);
        if (chart && walked.has(chart)) continue;
        if (chart) walked.add(chart);
        const seq = progress.total++;
        const task = linter.lint(chart ?? path, withHint(chart ? join(chart, 'Chart.yaml') : path, root, options)).then(({ more, ...result }) => {
          if (options.signal?.aborted) return;
          const all = [result, ...(more ?? [])];
          for (const r of all) {
            if (collect) files.push(r);
            if (r.workspace) facts.push({ path: r.path, workspace: r.workspace });
            progress.findings += r.findings.length;
          }
          progress.done++;
          deliver(seq, all);
          report();
        });
        inFlight.add(task);
        task.then(
          () => inFlight.delete(task),
          () => inFlight.delete(task),
        );
        if (inFlight.size >= limit) await Promise.race(inFlight).catch(() => undefined);
        report();
      }
      if (options.signal?.aborted) break;
    }
    progress.walking = false;
    if (!options.signal?.aborted) options.onWalked?.();
    // On cancel, queued files are dropped and only running ones finish.
    if (options.signal?.aborted) await linter.close();
    await Promise.allSettled(inFlight);
    report(true);
  } finally {
    await linter.close();
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let workspace = new Map<string, WorkspaceOutcome>();
  if (options.workspaceRules && !options.signal?.aborted && facts.length) {
    workspace = lintWorkspace(facts, options.configFor ?? (() => ({})), SHIPPED);
    for (const outcome of workspace.values()) progress.findings += outcome.findings.length;
    files.forEach((file, i) => (files[i] = mergeOutcome(file, workspace.get(file.path))));
  }
  return {
    files,
    findings: progress.findings,
    cancelled: options.signal?.aborted === true,
    durationMs: performance.now() - started,
    threads: linter.threads,
    workspace,
  };
}
