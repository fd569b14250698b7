// Reads one file and lints it; shared by the worker threads and the in-process fallback. Synchronous: a worker has
// nothing else to do meanwhile, and sync reads skip the file-handle round trips of fs.promises.
import { readFileSync, statSync } from 'node:fs';
import { lint, type LintKind } from '../core/engine';
import { SHIPPED } from '../targets';
import { isConfigFile, lintConfigFile } from '../config/lintConfigFile';
import type { LintConfig } from '../core/config';
import type { Finding } from '../core/types';
import type { Suppressed } from '../core/suppress';
import type { WorkspaceFileFacts } from '../core/workspace';
import { readFromDisk } from './facts';

/** Files this large are almost never hand-written manifests; linting them would stall a worker. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface FileResult {
  path: string;
  kind: LintKind;
  findings: Finding[];
  suppressed: Suppressed[];
  /** Kubernetes files: what workspace rules need from this file (plain data, so it crosses the worker boundary). */
  workspace?: WorkspaceFileFacts;
  /** Why the file was not linted (unreadable, too large). */
  error?: string;
}

export function lintFile(path: string, config: LintConfig): FileResult {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return failed(path, `${size} bytes is over the ${MAX_FILE_BYTES}-byte limit`);
    // Editors drop a UTF-8 byte-order mark from the document text; so do we, or every column on line 1 is off by one.
    let text = readFileSync(path, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // A scanned `.shipshape.yaml` reports its own problems, as it does when open in the editor.
    const result = isConfigFile(path) ? lintConfigFile(path, text, SHIPPED.metas()) : lint({ path, text, readFile: readFromDisk }, config, SHIPPED);
    return { path, kind: result.kind, findings: result.findings, suppressed: result.suppressed, ...(result.workspace ? { workspace: result.workspace } : {}) };
  } catch (err) {
    return failed(path, err instanceof Error ? err.message : String(err));
  }
}

export function failed(path: string, error: string): FileResult {
  return { path, kind: 'other', findings: [], suppressed: [], error };
}
