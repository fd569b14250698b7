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
  progress.begin('Shipshape: scanning', 0, 'Finding files…', true);
  const totals = { files: 0, findings: 0 };
  let lastPercent = 0;
  // Counts span all folders; the total grows while the walk runs, so the percentage is held below 100 until it ends.
  const report = (done: number, total: number, findings: number, walking: boolean): void => {
    const raw = total ? Math.floor((done / total) * 100) : walking ? 0 : 100;
    lastPercent = Math.max(lastPercent, walking ? Math.min(99, raw) : raw);
    progress.report(lastPercent, `${done}/${total}${walking ? '+' : ''} files, ${findings} finding${findings === 1 ? '' : 's'}`);
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
          totals.files += summary.files.length;
          totals.findings += summary.findings;
        }
      } catch (err) {
        deps.log(`${SCAN_WORKSPACE_METHOD}: cannot read ${root}: ${message(err)}`);
      }
      throwIfCancelled(token);
    }
    report(totals.files, totals.files, totals.findings, false);
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
