// `shipshape/scanWorkspace`: lints every container file under the given folders and publishes diagnostics for
// the files that are not open (an open document's live diagnostics always win).
import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type ProgressToken,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { lint } from '../core/engine';
import { walkLintable } from '../scan/walk';
import type { Settings } from './settings';
import { DEFAULT_MAX_FILE_BYTES, hostConfig } from './diagnostics';
import { toDiagnostics } from './toLsp';

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
  /** Whether the editor has this file open (its live diagnostics then take precedence). */
  isOpen(path: string): boolean;
  settings(scopeUri: string): Promise<Settings>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  today(): string;
  /** Larger files are skipped: linting them would stall the editor's requests. */
  maxFileBytes?: number;
}


export function parseScanParams(raw: unknown): ScanWorkspaceParams {
  const folders = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).folders : undefined;
  if (!Array.isArray(folders) || !folders.every((f): f is string => typeof f === 'string')) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${SCAN_WORKSPACE_METHOD} expects { folders: string[] } (folder URIs)`);
  }
  const token = (raw as Record<string, unknown>).workDoneToken;
  return { folders, ...(typeof token === 'string' || typeof token === 'number' ? { workDoneToken: token } : {}) };
}

/** Yields the lintable files under a folder; the walker decides what counts (ignore files, size, kinds). */
async function* filesUnder(root: string, signal: AbortSignal): AsyncGenerator<string> {
  yield* walkLintable(root, { signal });
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
  try {
    const work: { folderUri: string; path: string }[] = [];
    for (const folderUri of params.folders) {
      const root = toPath(folderUri);
      if (!root) {
        deps.log(`${SCAN_WORKSPACE_METHOD}: skipping ${folderUri}: only file: folders can be scanned`);
        continue;
      }
      try {
        for await (const path of filesUnder(root, abort.signal)) work.push({ folderUri, path });
      } catch (err) {
        deps.log(`${SCAN_WORKSPACE_METHOD}: cannot read ${root}: ${message(err)}`);
      }
      throwIfCancelled(token);
    }
    let findings = 0;
    let lastPercent = -1;
    for (const [i, { folderUri, path }] of work.entries()) {
      throwIfCancelled(token);
      const settings = await deps.settings(folderUri);
      if (settings.enable) findings += await scanFile(path, settings, deps);
      const percent = Math.floor(((i + 1) / work.length) * 100);
      if (percent !== lastPercent) {
        lastPercent = percent;
        progress.report(percent, `${i + 1}/${work.length} files, ${findings} finding${findings === 1 ? '' : 's'}`);
      }
      // Let cancellation and the editor's own requests through between files.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { files: work.length, findings };
  } finally {
    onCancel.dispose();
    progress.done();
  }
}

async function scanFile(path: string, settings: Settings, deps: ScanDeps): Promise<number> {
  try {
    const stat = await fs.stat(path);
    const max = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (stat.size > max) {
      deps.log(`${SCAN_WORKSPACE_METHOD}: skipping ${path}: ${stat.size} bytes is over the ${max}-byte limit; use \`shipshape scan\``);
      return 0;
    }
    const text = await fs.readFile(path, 'utf8');
    const result = lint({ path, text }, hostConfig(settings, deps.today()));
    if (!deps.isOpen(path)) deps.publish(pathToFileURL(path).href, toDiagnostics(result.findings));
    return result.findings.length;
  } catch (err) {
    deps.log(`${SCAN_WORKSPACE_METHOD}: could not lint ${path}: ${message(err)}`);
    return 0;
  }
}

export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Scan cancelled');
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
