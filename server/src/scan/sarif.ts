// `shipshape/exportSarif`: scans folders exactly as the CLI does and returns the SARIF text it would write.
import { relative, sep } from 'node:path';
import type { LintConfig } from '../core/config';
import type { RuleMeta } from '../core/types';
import { toSarif } from '../cli/format/sarif';
import { mapFindingPaths } from '../cli/report';
import { workspaceConfig } from '../config/node';
import { scanFiles } from './index';
import { todayIso, withFileFacts } from './facts';

export const EXPORT_SARIF_METHOD = 'shipshape/exportSarif';

export interface ExportSarifOptions {
  metas: readonly RuleMeta[];
  toolVersion: string;
  host?: LintConfig;
  exclude?: readonly string[];
  signal?: AbortSignal;
  workers?: number;
}

export async function exportSarif(folders: readonly string[], options: ExportSarifOptions): Promise<{ sarif: string; files: number; findings: number }> {
  const cwd = folders[0] ?? process.cwd();
  const config = workspaceConfig(options.metas, folders, options.host);
  const summary = await scanFiles(folders, {
    configFor: (path) => withFileFacts(config.configFor(path), path, options.host?.context?.today ?? todayIso()),
    configIgnore: config.configIgnore,
    configDockerfiles: config.configDockerfiles,
    workspaceRules: true,
    ...(options.exclude ? { exclude: options.exclude } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
  const report = { files: summary.files.filter((f) => f.kind !== 'other' || f.findings.length).map((f) => ({ path: relative(cwd, f.path).split(sep).join('/'), findings: f.findings.map((x) => mapFindingPaths(x, (p) => relative(cwd, p).split(sep).join('/'))) })) };
  const sarif = toSarif(report, options.metas, { toolVersion: options.toolVersion, cwd });
  return { sarif: `${JSON.stringify(sarif, null, 2)}\n`, files: summary.files.length, findings: summary.findings };
}
