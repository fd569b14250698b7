// What a scan produced, in the shape every output format reads.
import type { Finding, Fix, Severity } from '../core/types';
import { SEVERITIES } from '../core/types';

export interface FileReport {
  /** Relative to the working directory with `/` separators (or the stdin name); shown and written to JSON/SARIF. */
  path: string;
  findings: Finding[];
  /** The text that was linted, when it is not a file on disk (stdin); SARIF fingerprints hash its lines. */
  text?: string;
  /** Streamed text only: a line about the file itself (which Compose services run the image a Dockerfile builds). */
  note?: string;
}

export interface ScanReport {
  files: FileReport[];
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(report: ScanReport): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  for (const file of report.files) for (const f of file.findings) counts[f.severity]++;
  return counts;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export type FailOn = Severity | 'none';

/** Exit 1 when any finding is at or above the threshold. */
export function fails(report: ScanReport, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const threshold = SEVERITY_RANK[failOn];
  return report.files.some((file) => file.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold));
}

/** The paths a finding names besides its own file (Helm: the values line, a fix in values.yaml), mapped like report paths. */
export function mapFindingPaths(f: Finding, map: (path: string) => string): Finding {
  if (!f.related && !f.fix?.path && !f.suggestions.some((s) => s.path)) return f;
  const fix = (x: Fix): Fix => (x.path ? { ...x, path: map(x.path) } : x);
  return {
    ...f,
    ...(f.related ? { related: f.related.map((r) => ({ ...r, path: map(r.path) })) } : {}),
    ...(f.fix ? { fix: fix(f.fix) } : {}),
    suggestions: f.suggestions.map(fix),
  };
}
