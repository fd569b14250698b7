// `shipshape/scanWorkspace`: lints every container file under the given folders on the scan worker pool and
// publishes diagnostics for the files that are not open (an open document's live diagnostics always win).
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type ProgressToken,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import type { ScanProgress } from '../scan';
import { toPath, type WorkspaceFiles } from './files';

export { toPath };

export const SCAN_WORKSPACE_METHOD = 'shipshape/scanWorkspace';

/** Minimum time between two progress reports of a scan. */
const REPORT_MS = 250;

export interface ScanWorkspaceParams {
  /** Folder URIs; only `file:` URIs can be scanned. */
  folders: string[];
  workDoneToken?: ProgressToken;
}

export interface ScanWorkspaceResult {
  files: number;
  findings: number;
}

export interface ScanDeps {
  files: WorkspaceFiles;
  /** VS Code's `files.exclude` globs that are switched on for a folder. */
  exclude(folderUri: string): Promise<string[]>;
  log(message: string): void;
}

/** `files.exclude` as the client sends it (`{glob: true | false | {when}}`): the globs switched on. */
export function parseExclude(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([glob, on]) => (on === true ? [glob] : []));
}

export function parseScanParams(raw: unknown): ScanWorkspaceParams {
  const folders = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).folders : undefined;
  if (!Array.isArray(folders) || !folders.every((f): f is string => typeof f === 'string')) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${SCAN_WORKSPACE_METHOD} expects { folders: string[] } (folder URIs)`);
  }
  const token = (raw as Record<string, unknown>).workDoneToken;
  return { folders, ...(typeof token === 'string' || typeof token === 'number' ? { workDoneToken: token } : {}) };
}

export async function scanWorkspace(
  params: ScanWorkspaceParams,
  deps: ScanDeps,
  progress: WorkDoneProgressReporter,
  token: CancellationToken,
): Promise<ScanWorkspaceResult> {
  const abort = new AbortController();
  const onCancel = token.onCancellationRequested(() => abort.abort());
  // No percentage while the walk runs: it stays only a few files ahead of the linting (bounded look-ahead), so
  // done/total read 99% from the first seconds on. The editor shows a running bar and the counts instead.
  progress.begin('Shipshape: scanning', undefined, 'Finding files…', true);
  const totals = { files: 0, findings: 0 };
  let lastPercent = 0;
  let lastSent = -Infinity;
  // Counts span all folders. At most one report per REPORT_MS (the last one always): every report re-renders the
  // editor's notification, and the files' diagnostics are already competing for the same UI thread.
  const report = (done: number, total: number, findings: number, walking: boolean, force = false): void => {
    const now = performance.now();
    if (!force && now - lastSent < REPORT_MS) return;
    lastSent = now;
    const counts = `files, ${findings} finding${findings === 1 ? '' : 's'}`;
    if (walking) {
      progress.report(`${done} ${counts}`);
      return;
    }
    lastPercent = Math.max(lastPercent, total ? Math.floor((done / total) * 100) : 100);
    progress.report(lastPercent, `${done}/${total} ${counts}`);
  };
  try {
    for (const [i, folderUri] of params.folders.entries()) {
      const root = toPath(folderUri);
      if (!root) {
        deps.log(`${SCAN_WORKSPACE_METHOD}: skipping ${folderUri}: only file: folders can be scanned`);
        continue;
      }
      const more = i < params.folders.length - 1;
      try {
        const exclude = await deps.exclude(folderUri);
        const summary = await deps.files.scanFolder(folderUri, root, exclude, abort.signal, (p: ScanProgress) =>
          report(totals.files + p.done, totals.files + p.total, totals.findings + p.findings, p.walking || more),
        );
        if (summary) {
          totals.files += summary.linted;
          totals.findings += summary.findings;
        }
      } catch (err) {
        deps.log(`${SCAN_WORKSPACE_METHOD}: cannot read ${root}: ${message(err)}`);
      }
      throwIfCancelled(token);
    }
    report(totals.files, totals.files, totals.findings, false, true);
    return totals;
  } finally {
    onCancel.dispose();
    progress.done();
  }
}

function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Scan cancelled');
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
