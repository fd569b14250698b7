// Human output in the spirit of ESLint's stylish: one aligned row per finding with a clickable file:line:col.
import type { ScanReport, SeverityCounts } from '../report';
import { countBySeverity } from '../report';
import type { Severity } from '../../core/types';

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4 } as const;

export function formatText(report: ScanReport, options: TextOptions): string {
  const paint = (style: keyof typeof CODES, text: string): string => (options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const severityStyle: Record<Severity, keyof typeof CODES> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' };
  const blocks: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const rows = file.findings.map((f) => ({
      where: `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`,
      severity: f.severity,
      // Keep one finding per line even when a message quotes multi-line text.
      message: f.message.replace(/\s*\r?\n\s*/g, ' '),
      ruleId: f.ruleId,
    }));
    const w = { where: width(rows.map((r) => r.where)), severity: width(rows.map((r) => r.severity)), message: width(rows.map((r) => r.message)) };
    blocks.push(
      rows
        .map((r) =>
          [
            r.where.padEnd(w.where),
            paint(severityStyle[r.severity], r.severity.padEnd(w.severity)),
            r.message.padEnd(w.message),
            paint('gray', r.ruleId),
          ].join('  '),
        )
        .join('\n'),
    );
  }
  const counts = countBySeverity(report);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const scanned = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  if (total === 0) return `No problems found in ${scanned}.\n`;
  const style = counts.error ? 'red' : counts.warning ? 'yellow' : 'blue';
  const summary = paint('bold', paint(style, `✖ ${plural(total, 'problem')} in ${scanned} (${breakdown(counts)})`));
  return `${blocks.join('\n\n')}\n\n${summary}\n`;
}

function breakdown(c: SeverityCounts): string {
  return [plural(c.error, 'error'), plural(c.warning, 'warning'), `${c.info} info`, plural(c.hint, 'hint')].join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function width(values: string[]): number {
  return values.reduce((w, v) => Math.max(w, v.length), 0);
}
