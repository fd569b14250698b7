// Multi-document YAML split at `---` for linting document by document (core/documents.ts): each run of documents
// parses alone exactly as inside the whole file.
import type { SourceFile } from '../core/source';
import type { DocumentSplitter, Segment } from '../core/target';
import { indentStep } from './edit';
import { COMMENT_MARKERS } from './suppress';

const TEMPLATED = 'shipshape/templated-yaml';

export const k8sDocuments: DocumentSplitter = {
  split: splitDocuments,
  hasSuppressions: (text) => COMMENT_MARKERS.test(text),
  // Fixes follow the file's line break and indentation step, which the engine reads from the file's start.
  format: (file: SourceFile) => `${JSON.stringify(file.eol)} ${indentStep(file)}`,
};

/** A document holding both quote characters, so an unclosed quote ends at the marker as in the whole file. */
const QUOTES_AFTER = '---\n"\'"\n';

/** Documents are linted in chunks of about this many characters. */
export const CHUNK_CHARS = 16 * 1024;

/**
 * Splits at `---` lines (the yaml lexer ends any scalar or flow collection there), so each segment parses exactly as
 * its documents do inside the whole file. Undefined when a construct could tie documents together: directives
 * (`%YAML`, `%TAG`), a BOM after the start, lone CR line breaks (not line breaks to the lexer), file-wide suppressions,
 * the once-per-file templated finding's own suppression, or a suppression comment before the first document or after
 * a `...` (it then belongs to no document). A suppression comment at the end of a segment is about the next
 * document's first node, so that segment is joined with the next.
 *
 * One lexer rule does look past a marker: an unclosed quote is first matched with the next quote character anywhere
 * in the text, and only when there is one does it end at the marker; otherwise it swallows the rest of the file. So
 * every segment but the last is linted with `QUOTES_AFTER` appended, and the last one runs from the document that
 * holds the file's last `"` or `'` to the end.
 */
export function splitDocuments(text: string, chunkChars = CHUNK_CHARS): Segment[] | undefined {
  if (/^%/m.test(text) || /\r(?!\n)/.test(text) || text.indexOf('\uFEFF', 1) >= 0) return undefined;
  if (text.includes('shipshape-ignore-file') || text.includes(TEMPLATED)) return undefined;
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const at = nl + 1;
    if (text.startsWith('---', at) && isBlank(text[at + 3])) starts.push(at);
  }
  const segments: Segment[] = [];
  let line = 0;
  let pending: Segment | undefined;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? text.length;
    const chunk = text.slice(start, end);
    const current: Segment = pending ? { ...pending, text: pending.text + chunk } : { start, line, text: chunk, suffix: '' };
    line += countLines(chunk);
    const tail = trailingNonContent(current.text);
    if (COMMENT_MARKERS.test(tail)) {
      if (segments.length === 0 && tail.length === current.text.length) return undefined;
      if (/^\.\.\.(?:[ \t]|$)/m.test(tail)) return undefined;
      if (i + 1 < starts.length) {
        pending = current;
        continue;
      }
    }
    pending = undefined;
    segments.push(current);
  }
  const lastQuote = Math.min(...['"', "'"].map((q) => text.lastIndexOf(q)).filter((at) => at >= 0));
  const last = segments.findIndex((s, i) => lastQuote < (segments[i + 1]?.start ?? Infinity));
  if (last >= 0 && last < segments.length - 1) {
    const from = segments[last]!;
    segments.splice(last, segments.length - last, { ...from, text: text.slice(from.start) });
  }
  const chunks = chunked(segments, chunkChars);
  if (chunks.length < 2) return undefined;
  return chunks.map((s, i) => ({ ...s, suffix: i < chunks.length - 1 ? QUOTES_AFTER : '' }));
}

/**
 * Consecutive runs joined until each holds at least `chars` characters (the last may hold fewer): every run costs a
 * fixed share of engine work, and a file of a thousand small documents would pay it a thousand times, while an edit
 * re-lints only its own chunk either way.
 */
function chunked(segments: Segment[], chars: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const open = out[out.length - 1];
    if (open && open.text.length < chars) out[out.length - 1] = { ...open, text: open.text + s.text };
    else out.push(s);
  }
  return out;
}

function isBlank(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The lines after the segment's last line of content (blank, comment and `...` lines). */
function trailingNonContent(text: string): string {
  const lines = text.split('\n');
  let i = lines.length;
  while (i > 0 && /^\s*(?:#.*)?$|^\.\.\.(?:[ \t#]|$)/.test(lines[i - 1]!.replace(/\r$/, ''))) i--;
  return lines.slice(i).join('\n');
}
