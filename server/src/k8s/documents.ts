// Multi-document YAML split at `---` for linting document by document (core/documents.ts): each run of documents
// parses alone exactly as inside the whole file.
import type { SourceFile } from '../core/source';
import { Parser } from 'yaml';
import { SCAN_DOCUMENTS } from '../core/documents';
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
export function splitDocuments(text: string, chunkChars = SCAN_DOCUMENTS.chunkChars): Segment[] | undefined {
  if (hasDirective(text) || hasLoneCr(text) || text.indexOf('\uFEFF', 1) >= 0) return undefined;
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
    // Slices of the file, never concatenations: a concatenated string is copied whole when the engine hashes it.
    const current: Segment = pending ? { ...pending, text: text.slice(pending.start, end) } : { start, line, text: text.slice(start, end), suffix: '' };
    line += countLinesIn(text, start, end);
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
  // Only the file's last quote of a kind can open a quoted scalar that no later quote closes, and only then does the
  // whole file read differently from its runs (the scalar swallows the rest of the file).
  const holding = (at: number) => segments.findIndex((_, i) => at < (segments[i + 1]?.start ?? Infinity));
  const unclosed = (['"', "'"] as const)
    .map((q) => ({ q, at: text.lastIndexOf(q) }))
    .filter(({ at }) => at >= 0)
    .map(({ q, at }) => ({ q, segment: holding(at) }))
    .filter(({ q, segment }) => segment >= 0 && segment < segments.length - 1 && hasUnclosedQuote(segments[segment]!.text, q))
    .map(({ segment }) => segment);
  const last = unclosed.length ? Math.min(...unclosed) : -1;
  if (last >= 0) {
    const from = segments[last]!;
    segments.splice(last, segments.length - last, { ...from, text: text.slice(from.start) });
  }
  const chunks = chunked(text, segments, chunkChars);
  if (chunks.length < 2) return undefined;
  return chunks.map((s, i) => ({ ...s, suffix: i < chunks.length - 1 ? QUOTES_AFTER : '' }));
}

/**
 * Consecutive runs joined until each holds at least `chars` characters (the last may hold fewer): every run costs a
 * fixed share of engine work, and a file of a thousand small documents would pay it a thousand times, while an edit
 * re-lints only its own chunk either way.
 */
function chunked(text: string, segments: Segment[], chars: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const open = out[out.length - 1];
    if (open && open.text.length < chars) out[out.length - 1] = { ...open, text: text.slice(open.start, s.start + s.text.length) };
    else out.push(s);
  }
  return out;
}

// indexOf before any regex: these run over the whole text on every keystroke.
const hasDirective = (text: string): boolean => text.startsWith('%') || text.includes('\n%');
const hasLoneCr = (text: string): boolean => text.includes('\r') && /\r(?!\n)/.test(text);

/**
 * The last few answers of hasUnclosedQuote per quote character: while typing, the documents holding the file's last
 * quotes rarely change. Keyed by the document's text itself (a slice of the file), never a concatenation, which
 * would copy the whole document on every keystroke.
 */
const unclosedCache = { '"': new Map<string, boolean>(), "'": new Map<string, boolean>() };

/** Whether `text`, parsed alone, has a `q`-quoted scalar that runs to its end unclosed. */
function hasUnclosedQuote(text: string, q: '"' | "'"): boolean {
  const cache = unclosedCache[q];
  const known = cache.get(text);
  if (known !== undefined) return known;
  const found = findUnclosedQuote(text, q);
  if (cache.size >= 4) cache.delete(cache.keys().next().value!);
  cache.set(text, found);
  return found;
}

function findUnclosedQuote(text: string, q: '"' | "'"): boolean {
  const quoted = q === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
  let found = false;
  const walk = (token: unknown): void => {
    if (found || !token || typeof token !== 'object') return;
    if (Array.isArray(token)) return token.forEach(walk);
    const t = token as Record<string, unknown>;
    if (t['type'] === quoted && typeof t['source'] === 'string' && !isClosed(t['source'], q)) found = true;
    for (const key of ['start', 'key', 'sep', 'value', 'items', 'end', 'props']) walk(t[key]);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

/** A quoted scalar's source ends with its closing quote (not an escaped quote: `''` in single, `\"` in double quotes). */
function isClosed(source: string, q: '"' | "'"): boolean {
  if (source.length < 2 || !source.endsWith(q)) return false;
  let run = 0;
  const escape = q === "'" ? "'" : '\\';
  for (let i = source.length - (q === "'" ? 1 : 2); i >= 1 && source[i] === escape; i--) run++;
  // Single quotes: the closing quote plus pairs of escaped quotes, so an odd run of quotes in all; double quotes: the
  // closing quote after an even run of backslashes.
  return q === "'" ? run % 2 === 1 : run % 2 === 0;
}

function isBlank(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function countLinesIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The lines after the segment's last line of content (blank, comment and `...` lines). */
function trailingNonContent(text: string): string {
  // The text's lines from the last one back, without splitting (or copying) the content before the tail.
  let end = text.length;
  for (;;) {
    const start = end === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (!/^\s*(?:#.*)?$|^\.\.\.(?:[ \t#]|$)/.test(line.endsWith('\r') ? line.slice(0, -1) : line)) return end === text.length ? '' : text.slice(end + 1);
    if (start === 0) return text;
    end = start - 1;
  }
}
