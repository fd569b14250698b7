// The one place that turns offsets into LSP positions (0-based lines, UTF-16 columns).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

export class SourceFile {
  readonly doc: TextDocument;
  private lineStarts: number[] | undefined;

  /** `path` is a file path or URI used for detection and reporting; it is never read. */
  constructor(
    readonly path: string,
    readonly text: string,
    readonly languageId?: string,
  ) {
    this.doc = TextDocument.create(path, languageId ?? 'plaintext', 0, text);
  }

  positionAt(offset: number): Position {
    return this.doc.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.doc.offsetAt(position);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  get lineCount(): number {
    return this.doc.lineCount;
  }

  /** Text of line `n` without its line break. */
  lineText(n: number): string {
    const starts = this.starts();
    if (n < 0 || n >= starts.length) return '';
    const start = starts[n]!;
    let end = n + 1 < starts.length ? starts[n + 1]! : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.text.slice(start, end);
  }

  lineStartOffset(n: number): number {
    const starts = this.starts();
    return starts[Math.min(Math.max(n, 0), starts.length - 1)]!;
  }

  /** The line break the file uses, so inserted lines match it. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text[i - 1] === '\r' ? '\r\n' : '\n';
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (t.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
