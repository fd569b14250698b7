// Reads one file and lints it; shared by the worker threads and the in-process fallback. Synchronous: a worker has
// nothing else to do meanwhile, and sync reads skip the file-handle round trips of fs.promises. A file that cannot
// be linted (too large, unreadable, binary, not text, not a Dockerfile or manifest) becomes one
// `shipshape/skipped-file` notice, so one odd file never hides the findings of the others.
import { readFileSync, statSync } from 'node:fs';
import { lint, type LintKind } from '../core/engine';
import { SHIPPED, isLintableFile } from '../targets';
import { isConfigFile, lintConfigFile } from '../config/lintConfigFile';
import { ruleSeverity, type LintConfig } from '../core/config';
import { ENGINE_DIAGNOSTICS } from '../core/builtin';
import { looksLikeDockerfile } from '../dockerfile/detect';
import type { Finding } from '../core/types';
import type { Suppressed } from '../core/suppress';
import type { WorkspaceFileFacts } from '../core/workspace';
import { join } from 'node:path';
import { readChartFiles } from '../helm/fs';
import { lintChartWithConfig } from '../helm/host';
import { readFromDisk } from './facts';

/**
 * Default size limit (`maxFileSizeMB`): linting typical YAML runs at about 4.5 MB/s on one core (npm run bench), so
 * a file at the limit costs about 2 s; the largest real manifest we know (argo-cd's install.yaml) is 1.9 MB. Anything
 * bigger is a generated bundle or data, and would stall a worker.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface FileResult {
  path: string;
  kind: LintKind;
  findings: Finding[];
  suppressed: Suppressed[];
  /** Kubernetes files: what workspace rules need from this file (plain data, so it crosses the worker boundary). */
  workspace?: WorkspaceFileFacts;
  /** Why the file was not linted (also reported as its `shipshape/skipped-file` finding). */
  skipped?: string;
  /** A Helm chart (linted as one unit from its directory): the result of each template and other file with findings. */
  more?: FileResult[];
  /**
   * Other files the lint read or looked for (a Compose file's `.env`, `extends.file`, the Dockerfile a service
   * builds): a change to any of them changes this result, so the editor re-lints it (lsp/files.ts).
   */
  reads?: string[];
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

/** For a file named on the command line whose name says nothing: a Dockerfile, Kubernetes YAML, or neither. */
export function languageByContent(text: string): 'dockerfile' | 'yaml' | undefined {
  if (looksLikeDockerfile(text)) return 'dockerfile';
  return /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text) ? 'yaml' : undefined;
}

export function lintFile(path: string, config: LintConfig): FileResult {
  if (isChartDir(path)) return lintChartDir(path, config);
  const skip = (reason: string): FileResult => failed(path, reason, config);
  try {
    const limit = config.maxFileBytes ?? MAX_FILE_BYTES;
    const stat = statSync(path);
    if (!stat.isFile()) return skip('it is not a regular file');
    if (stat.size > limit) return skip(`it is ${megabytes(stat.size)}, over the ${megabytes(limit)} limit (maxFileSizeMB)`);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      return skip(`it cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    const decoded = decodeText(bytes);
    if ('skipped' in decoded) return skip(decoded.skipped);
    const { text } = decoded;
    // A scanned `.shipshape.yaml` reports its own problems, as it does when open in the editor.
    if (isConfigFile(path)) {
      const result = lintConfigFile(path, text, SHIPPED.metas());
      return { path, kind: result.kind, findings: result.findings, suppressed: result.suppressed };
    }
    let languageId = config.fileHint?.languageId;
    if (config.fileHint?.byContent && !isLintableFile(path, languageId)) {
      languageId = languageByContent(text);
      if (!languageId) return skip('its name and content are neither a Dockerfile nor Kubernetes YAML');
    }
    const reads = new Set<string>();
    const readFile = (other: string): string | undefined => {
      reads.add(other);
      return readFromDisk(other);
    };
    const result = lint({ path, text, readFile, ...(languageId ? { languageId } : {}) }, config, SHIPPED);
    return {
      path,
      kind: result.kind,
      findings: result.findings,
      suppressed: result.suppressed,
      ...(result.workspace ? { workspace: result.workspace } : {}),
      ...(reads.size ? { reads: [...reads] } : {}),
    };
  } catch (err) {
    return skip(`it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err))})`);
  }
}

/** A file that was not linted: one `shipshape/skipped-file` notice (unless the config turns it off). */
export function failed(path: string, reason: string, config: LintConfig = {}): FileResult {
  const id = 'shipshape/skipped-file';
  const severity = ruleSeverity(config, id, ENGINE_DIAGNOSTICS[id].severity, true);
  const findings: Finding[] =
    severity === 'off'
      ? []
      : [{ ruleId: id, severity, message: `Not linted: ${reason}.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, suggestions: [] }];
  return { path, kind: 'other', findings, suppressed: [], skipped: reason };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

function isChartDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && statSync(join(path, 'Chart.yaml')).isFile();
  } catch {
    return false;
  }
}

/** A chart is one unit: rendered once, its findings returned per file (the Chart.yaml result leads, the rest in `more`). */
function lintChartDir(root: string, config: LintConfig): FileResult {
  const chartYaml = join(root, 'Chart.yaml');
  try {
    const result = lintChartWithConfig(readChartFiles(root), config, SHIPPED);
    // Every template gets a result, also without findings, so a re-lint after an edit clears what it fixed.
    for (const t of result.templates) if (!result.files.has(t.path)) result.files.set(t.path, { path: t.path, findings: [], snippets: [] });
    const files: FileResult[] = [...result.files.values()].map((f) => ({ path: f.path, kind: 'k8s', findings: f.findings, suppressed: [], ...(f.workspace ? { workspace: f.workspace } : {}) }));
    const own = files.find((f) => f.path === chartYaml);
    return { path: chartYaml, kind: 'k8s', findings: own?.findings ?? [], suppressed: [], more: files.filter((f) => f !== own) };
  } catch (err) {
    return failed(chartYaml, `its chart could not be read (${err instanceof Error ? err.message : String(err)})`, config);
  }
}
