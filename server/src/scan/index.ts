// `scanFiles`: the one workspace scan behind the LSP `shipshape/scanWorkspace` and the CLI. Walks the roots,
// resolves each file's config, lints on worker threads, streams results and progress, and stops on abort.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { LintConfig } from '../core/config';
import type { FileResult } from './lintFile';
import { createLinter } from './pool';
import { walkLintable } from './walk';
import { isLintableFile } from '../targets';
import type { IgnoreRules } from './ignore';
import { SHIPPED } from '../targets';
import { lintWorkspace, mergeOutcome, type WorkspaceFile } from '../core/workspace';

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
   * Treat the files scanned as one workspace: after the walk, run the workspace rules (k8s/network-policy-coverage)
   * over all of them and merge their findings into `ScanSummary.files`. Off for partial re-lints.
   */
  workspaceRules?: boolean;
  signal?: AbortSignal;
  /** Worker threads; 0 lints in process with a yield between files. Default: cores - 1, at least 1, at most 4. */
  workers?: number;
  /** The bundled worker entry; default `scan-worker.js` next to the running bundle. */
  workerScript?: string;
  maxFiles?: number;
}

export interface ScanSummary {
  files: FileResult[];
  findings: number;
  cancelled: boolean;
  durationMs: number;
  threads: number;
}

export async function scanFiles(roots: readonly string[], options: ScanOptions = {}): Promise<ScanSummary> {
  const started = performance.now();
  const workers = options.workers ?? Math.min(4, Math.max(1, availableParallelism() - 1));
  const linter = createLinter(workers, options.workerScript ?? join(__dirname, 'scan-worker.js'));
  const files: FileResult[] = [];
  const progress: ScanProgress = { done: 0, total: 0, walking: true, findings: 0 };
  let lastReport = 0;
  const report = (force = false): void => {
    const now = performance.now();
    // Progress at most every 50 ms: thousands of notifications would cost more than the linting.
    if (!force && now - lastReport < 50) return;
    lastReport = now;
    options.onProgress?.({ ...progress });
  };
  const inFlight = new Set<Promise<void>>();
  // Bounded look-ahead keeps memory flat on huge trees while every worker stays busy.
  const limit = Math.max(8, linter.threads * 8);
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
        progress.total++;
        const named = isLintableFile(path);
        const languageId = !named && options.configDockerfiles?.(path)?.test(path, false) ? 'dockerfile' : undefined;
        // A file given as a root was asked for by name: if its name says nothing, its content decides.
        const job = { path, config: options.configFor?.(path) ?? {}, ...(languageId ? { languageId } : {}), ...(path === root && !named ? { explicit: true } : {}) };
        const task = linter.lint(job).then((reply) => {
          const { id: _id, ...result } = reply;
          void _id;
          if (options.signal?.aborted) return;
          files.push(result);
          progress.done++;
          progress.findings += result.findings.length;
          options.onResult?.(result);
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
    // On cancel, queued files are dropped (their promises reject) and only running ones finish.
    if (options.signal?.aborted) await linter.close();
    await Promise.allSettled(inFlight);
    report(true);
  } finally {
    await linter.close();
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (options.workspaceRules && !options.signal?.aborted) progress.findings += applyWorkspaceRules(files, options.configFor ?? (() => ({})));
  return { files, findings: progress.findings, cancelled: options.signal?.aborted === true, durationMs: performance.now() - started, threads: linter.threads };
}

/** Runs the workspace rules over `files` and merges their findings into each file's result; returns how many were added. */
export function applyWorkspaceRules(files: FileResult[], configFor: (path: string) => LintConfig): number {
  const inputs: WorkspaceFile[] = files.flatMap((f) => (f.workspace ? [{ path: f.path, workspace: f.workspace }] : []));
  if (!inputs.length) return 0;
  const outcomes = lintWorkspace(inputs, configFor, SHIPPED);
  let added = 0;
  files.forEach((file, i) => {
    const outcome = outcomes.get(file.path);
    if (!outcome) return;
    added += outcome.findings.length;
    files[i] = mergeOutcome(file, outcome);
  });
  return added;
}
