// Reads one file and lints it; shared by the worker threads and the in-process fallback.
import { promises as fs } from 'node:fs';
import { lint, type LintKind } from '../core/engine';
import { SHIPPED } from '../targets';
import { isConfigFile, lintConfigFile } from '../config/lintConfigFile';
import type { LintConfig } from '../core/config';
import type { Finding } from '../core/types';
import type { Suppressed } from '../core/suppress';
import type { WorkspaceFileFacts } from '../core/workspace';

/** Files this large are almost never hand-written manifests; linting them would stall a worker. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface LintJob {
  id: number;
  path: string;
  config: LintConfig;
}

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

export interface LintReply extends FileResult {
  id: number;
}

export async function lintPath(job: LintJob): Promise<LintReply> {
  try {
    const stat = await fs.stat(job.path);
    if (stat.size > MAX_FILE_BYTES) return { id: job.id, path: job.path, kind: 'other', findings: [], suppressed: [], error: `${stat.size} bytes is over the ${MAX_FILE_BYTES}-byte limit` };
    // Editors drop a UTF-8 byte-order mark from the document text; so do we, or every column on line 1 is off by one.
    const text = (await fs.readFile(job.path, 'utf8')).replace(/^\uFEFF/, '');
    // A scanned `.shipshape.yaml` reports its own problems, as it does when open in the editor.
    const result = isConfigFile(job.path) ? lintConfigFile(job.path, text, SHIPPED.metas()) : lint({ path: job.path, text }, job.config, SHIPPED);
    return { id: job.id, path: job.path, kind: result.kind, findings: result.findings, suppressed: result.suppressed, ...(result.workspace ? { workspace: result.workspace } : {}) };
  } catch (err) {
    return { id: job.id, path: job.path, kind: 'other', findings: [], suppressed: [], error: err instanceof Error ? err.message : String(err) };
  }
}
