// Human output in the spirit of ESLint's stylish: one aligned row per finding with a clickable file:line:col.
// `TextReporter` writes each file's block as soon as it is known, so a long scan shows its first findings at once
// and never holds the whole report; `formatText` renders a finished report the same way.
import type { FileReport, ScanReport, SeverityCounts } from '../report';
import { SEVERITY_RANK } from '../report';
import type { Severity } from '../../core/types';
import { SEVERITIES } from '../../core/types';

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4 } as const;
const SEVERITY_STYLE: Record<Severity, keyof typeof CODES> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' };

export class TextReporter {
  private readonly counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  private files = 0;
  private blocks = 0;
  private worst = -1;
  private crossFileHeader = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly options: TextOptions,
  ) {}

  /** One scanned file (counted even without findings). */
  file(file: FileReport): void {
    this.files++;
    this.block(file);
  }

  /**
   * Findings of workspace rules, known only once every file was read: printed after the files' own blocks under
   * a heading, for files already counted.
   */
  crossFile(file: FileReport): void {
    if (!file.findings.length && !file.note) return;
    if (!this.crossFileHeader) {
      this.crossFileHeader = true;
      this.write(`${this.blocks ? '\n' : ''}${this.paint('bold', 'Cross-file findings (workspace rules):')}\n`);
      this.blocks = 0;
    }
    // The file's own findings streamed before the workspace knew who runs the image; say it once here.
    const lead = file.note ? `${file.path}  ${this.paint('gray', file.note.replace(/^\((.*)\)$/, '$1'))}\n` : '';
    if (file.findings.length) this.block(file, lead);
    else this.write(`${this.blocks++ ? '\n' : ''}${lead}`);
  }

  /** The closing summary line. */
  end(): void {
    const total = this.counts.error + this.counts.warning + this.counts.info + this.counts.hint;
    const scanned = `${this.files} file${this.files === 1 ? '' : 's'}`;
    if (total === 0) {
      this.write(`No problems found in ${scanned}.\n`);
      return;
    }
    const style = this.counts.error ? 'red' : this.counts.warning ? 'yellow' : 'blue';
    this.write(`\n${this.paint('bold', this.paint(style, `✖ ${plural(total, 'problem')} in ${scanned} (${breakdown(this.counts)})`))}\n`);
  }

  /** The rank (SEVERITY_RANK) of the most severe finding written, -1 without any. */
  get worstRank(): number {
    return this.worst;
  }

  private block(file: FileReport, lead = ''): void {
    if (file.findings.length === 0) return;
    for (const f of file.findings) {
      this.counts[f.severity]++;
      this.worst = Math.max(this.worst, SEVERITY_RANK[f.severity]);
    }
    const rows = file.findings.map((f) => ({
      where: `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`,
      severity: f.severity,
      // Keep one finding per line even when a message quotes multi-line text.
      message: f.message.replace(/\s*\r?\n\s*/g, ' '),
      ruleId: f.ruleId,
    }));
    const w = { where: width(rows.map((r) => r.where)), severity: width(rows.map((r) => r.severity)), message: width(rows.map((r) => r.message)) };
    const text = rows
      .map((r) => [r.where.padEnd(w.where), this.paint(SEVERITY_STYLE[r.severity], r.severity.padEnd(w.severity)), r.message.padEnd(w.message), this.paint('gray', r.ruleId)].join('  '))
      .join('\n');
    this.write(`${this.blocks++ ? '\n' : ''}${lead}${text}\n`);
  }

  private paint(style: keyof typeof CODES, text: string): string {
    return this.options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
  }
}

export function formatText(report: ScanReport, options: TextOptions): string {
  let out = '';
  const reporter = new TextReporter((text) => (out += text), options);
  for (const file of report.files) reporter.file(file);
  reporter.end();
  return out;
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
