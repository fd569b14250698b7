// Machine output. The shape is a stable contract (documented in `shipshape scan --help`); bump
// JSON_SCHEMA_VERSION on any incompatible change.
import type { Fix, ObjectRef, Range, RelatedLocation, Severity } from '../../core/types';
import type { ScanReport, SeverityCounts } from '../report';
import { countBySeverity } from '../report';

export const JSON_SCHEMA_VERSION = 1;

export interface JsonFinding {
  file: string;
  ruleId: string;
  /** The rule's message key (as in `messages` and `messageEquivalents`); null for engine notices without one. */
  messageId: string | null;
  severity: Severity;
  message: string;
  /** 0-based line and UTF-16 character, end exclusive (LSP positions). */
  range: Range;
  object?: ObjectRef;
  /** The behaviour-preserving fix, or null when the rule has none for this finding. */
  fix: Fix | null;
  /** Fixes that change behaviour; offered, never applied automatically. */
  suggestions: Fix[];
  /** Other places that explain the finding (for a Helm template: the values line that set the value). */
  related?: RelatedLocation[];
}

export interface JsonOutput {
  version: typeof JSON_SCHEMA_VERSION;
  tool: { name: 'shipshape'; version: string };
  summary: { files: number; findings: number } & SeverityCounts;
  findings: JsonFinding[];
}

export function toJson(report: ScanReport, toolVersion: string): JsonOutput {
  const findings: JsonFinding[] = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      file: file.path,
      ruleId: f.ruleId,
      messageId: f.messageId ?? null,
      severity: f.severity,
      message: f.message,
      range: f.range,
      ...(f.object ? { object: f.object } : {}),
      fix: f.fix ?? null,
      suggestions: f.suggestions,
      ...(f.related ? { related: f.related } : {}),
    })),
  );
  return {
    version: JSON_SCHEMA_VERSION,
    tool: { name: 'shipshape', version: toolVersion },
    summary: { files: report.files.length, findings: findings.length, ...countBySeverity(report) },
    findings,
  };
}

export function formatJson(report: ScanReport, toolVersion: string): string {
  return `${JSON.stringify(toJson(report, toolVersion), null, 2)}\n`;
}
