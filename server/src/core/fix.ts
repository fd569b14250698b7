// Applies text edits to a string; used by fix-all, the CLI and tests. Overlapping edits are skipped.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit } from './types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const doc = TextDocument.create('file:///fix', 'plaintext', 0, text);
  return TextDocument.applyEdits(doc, [...edits]);
}

/** Non-overlapping union of the safe fixes of the findings, first come first served (ESLint's source-code-fixer). */
export function safeFixEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  const doc = TextDocument.create('file:///fix', 'plaintext', 0, text);
  const taken: [number, number][] = [];
  const out: TextEdit[] = [];
  for (const finding of findings) {
    // A fix of another file (a Helm value) is offered one by one, never folded into this file's fix-all.
    if (!finding.fix || finding.fix.path) continue;
    const spans = finding.fix.edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as [number, number]);
    const clash = spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s === ts && ts === te)));
    if (clash) continue;
    taken.push(...spans);
    out.push(...finding.fix.edits);
  }
  return out;
}
