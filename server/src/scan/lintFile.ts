// Reads one file and lints it; shared by the worker threads and the in-process fallback.
import { promises as fs } from 'node:fs';
import { lint, type LintKind } from '../core/engine';
import { SHIPPED } from '../targets';
import { isConfigFile, lintConfigFile } from '../config/lintConfigFile';
import type { LintConfig } from '../core/config';
import type { Finding } from '../core/types';
import type { Suppressed } from '../core/suppress';
import type { WorkspaceFileFacts } from '../core/workspace';
import { join } from 'node:path';
import { readChartFiles } from '../helm/fs';
import { lintChartWithConfig } from '../helm/host';

/** Files this large are almost never hand-written manifests; linting them would stall a worker. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface LintJob {
  id: number;
  path: string;
  config: LintConfig;
  /** `path` is a Helm chart directory: the chart is rendered and linted as one unit. */
  chart?: boolean;
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
  /** A chart job: the result of every chart file with findings (templates, values files). */
  more?: FileResult[];
}

export async function lintPath(job: LintJob): Promise<LintReply> {
  if (job.chart) return lintChartJob(job);
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

/** A chart is one unit: rendered once, its findings returned per template (the Chart.yaml result leads). */
function lintChartJob(job: LintJob): LintReply {
  const chartYaml = join(job.path, 'Chart.yaml');
  try {
    const result = lintChartWithConfig(readChartFiles(job.path), job.config, SHIPPED);
    const files: FileResult[] = [...result.files.values()].map((f) => ({ path: f.path, kind: 'k8s', findings: f.findings, suppressed: [] }));
    const own = files.find((f) => f.path === chartYaml);
    return { id: job.id, path: chartYaml, kind: 'k8s', findings: own?.findings ?? [], suppressed: [], more: files.filter((f) => f !== own) };
  } catch (err) {
    return { id: job.id, path: chartYaml, kind: 'other', findings: [], suppressed: [], error: err instanceof Error ? err.message : String(err) };
  }
}
