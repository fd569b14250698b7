// Reads one file and lints it; shared by the worker threads and the in-process fallback. A file that cannot be
// linted (too large, unreadable, binary, not text, not a Dockerfile or manifest) becomes one `shipshape/skipped-file`
// notice, so one odd file never hides the findings of the others.
import { promises as fs } from 'node:fs';
import { lint, type LintKind } from '../core/engine';
import { SHIPPED } from '../targets';
import { isConfigFile, lintConfigFile } from '../config/lintConfigFile';
import { ruleSeverity, type LintConfig } from '../core/config';
import { ENGINE_DIAGNOSTICS } from '../core/builtin';
import { looksLikeDockerfile } from '../dockerfile/detect';
import { isLintableFile } from '../targets';
import type { Finding } from '../core/types';
import type { Suppressed } from '../core/suppress';
import type { WorkspaceFileFacts } from '../core/workspace';

/**
 * Default size limit (`maxFileSizeMB`): linting YAML runs at about 4.5 MB/s on one core (npm run bench), so a file
 * at the limit costs about 2 s; the largest real manifest we know (argo-cd's install.yaml) is 1.9 MB. Anything
 * bigger is a generated bundle or data, and would stall a worker.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface LintJob {
  id: number;
  path: string;
  config: LintConfig;
  /** `dockerfile` for a file the config's `dockerfiles` patterns name; otherwise the name decides. */
  languageId?: string;
  /** Given explicitly (a CLI argument): a name that says nothing is decided by content, or reported as skipped. */
  explicit?: boolean;
}

export interface FileResult {
  path: string;
  kind: LintKind;
  findings: Finding[];
  suppressed: Suppressed[];
  /** Kubernetes files: what workspace rules need from this file (plain data, so it crosses the worker boundary). */
  workspace?: WorkspaceFileFacts;
  /** Why the file was not linted (also reported as its `shipshape/skipped-file` finding). */
  skipped?: string;
}

export interface LintReply extends FileResult {
  id: number;
}

export type Decoded = { text: string } | { skipped: string };

/**
 * Bytes to text as editors read them: UTF-8 (a byte-order mark dropped, or every column on line 1 is off by one),
 * or UTF-16 with its byte-order mark (PowerShell's `>` writes that). NUL bytes mean binary, as git decides.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  if (bytes.subarray(0, 8000).includes(0)) return { skipped: 'it is a binary file' };
  return decodeWith('utf-8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
}

function decodeWith(encoding: string, bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { skipped: `it is not valid ${encoding.toUpperCase()} text` };
  }
}

export async function lintPath(job: LintJob): Promise<LintReply> {
  const skip = (reason: string): LintReply => skippedResult(job, reason);
  try {
    const limit = job.config.maxFileBytes ?? MAX_FILE_BYTES;
    const stat = await fs.stat(job.path);
    if (!stat.isFile()) return skip('it is not a regular file');
    if (stat.size > limit) return skip(`it is ${megabytes(stat.size)}, over the ${megabytes(limit)} limit (maxFileSizeMB)`);
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(job.path);
    } catch (err) {
      return skip(`it cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    const decoded = decodeText(bytes);
    if ('skipped' in decoded) return skip(decoded.skipped);
    const { text } = decoded;
    // A scanned `.shipshape.yaml` reports its own problems, as it does when open in the editor.
    if (isConfigFile(job.path)) {
      const result = lintConfigFile(job.path, text, SHIPPED.metas());
      return { id: job.id, path: job.path, kind: result.kind, findings: result.findings, suppressed: result.suppressed };
    }
    let languageId = job.languageId;
    if (job.explicit && !isLintableFile(job.path, languageId)) {
      languageId = languageByContent(text);
      if (!languageId) return skip('its name and content are neither a Dockerfile nor Kubernetes YAML');
    }
    const result = lint({ path: job.path, text, ...(languageId ? { languageId } : {}) }, job.config, SHIPPED);
    return { id: job.id, path: job.path, kind: result.kind, findings: result.findings, suppressed: result.suppressed, ...(result.workspace ? { workspace: result.workspace } : {}) };
  } catch (err) {
    return skip(`it cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** For a file named on the command line whose name says nothing: a Dockerfile, Kubernetes YAML, or neither. */
export function languageByContent(text: string): 'dockerfile' | 'yaml' | undefined {
  if (looksLikeDockerfile(text)) return 'dockerfile';
  return /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text) ? 'yaml' : undefined;
}

export function skippedResult(job: LintJob, reason: string): LintReply {
  const id = 'shipshape/skipped-file';
  const severity = ruleSeverity(job.config, id, ENGINE_DIAGNOSTICS[id].severity, true);
  const findings: Finding[] =
    severity === 'off'
      ? []
      : [{ ruleId: id, severity, message: `Not linted: ${reason}.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, suggestions: [] }];
  return { id: job.id, path: job.path, kind: 'other', findings, suppressed: [], skipped: reason };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
