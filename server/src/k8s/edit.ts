// Minimal text edits on YAML: set, insert and remove fields in the user's own layout, never re-serialising.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import { asMap, asSeq, contentEnd, pairOf } from './yaml';

/** Replaces a scalar's text (keeping any comment after it). */
export function replaceNode(file: SourceFile, node: Node, text: string): TextEdit[] {
  const end = contentEnd(file.text, node);
  const start = node.range?.[0];
  if (start === undefined || end === undefined) return [];
  return [{ range: file.rangeOf(start, end), newText: text }];
}

// Indentation step the file uses, detected once per file: every fix of every rule asks for it.
const stepCache = new WeakMap<SourceFile, number>();

/** The file's indentation step: the first increase in indentation after a line ending in `:`. */
export function indentStep(file: SourceFile): number {
  const known = stepCache.get(file);
  if (known !== undefined) return known;
  const head = file.text.length > 4096 ? file.text.slice(0, 4096) : file.text;
  let step = 2;
  let prev: number | undefined;
  for (const line of head.split(/\r?\n|\r/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (prev !== undefined && indent > prev) {
      step = indent - prev;
      break;
    }
    prev = /:\s*(#.*)?$/.test(line) ? indent : undefined;
  }
  stepCache.set(file, step);
  return step;
}

function column(file: SourceFile, offset: number): number {
  return file.positionAt(offset).character;
}

/** Offset of the end of the line containing `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Block YAML for `path: value` at `indent`, one key per line. */
function blockLines(path: readonly string[], value: string, indent: number, step: number, eol: string): string {
  return path
    .map((key, i) => `${' '.repeat(indent + i * step)}${key}:${i === path.length - 1 ? ` ${value}` : ''}`)
    .join(eol);
}

/** Flow YAML for `path: value`, nesting maps as `{…}`. */
function flowText(path: readonly string[], value: string): string {
  const [head, ...rest] = path;
  return rest.length ? `${head}: {${flowText(rest, value)}}` : `${head}: ${value}`;
}

/**
 * Sets `path` (relative to `map`) to `value`: replaces an existing scalar, or inserts the missing keys
 * under the deepest existing map, in that map's style (block with its indentation, or flow).
 */
export function setField(file: SourceFile, doc: Document, map: YAMLMap, path: readonly string[], value: string): TextEdit[] {
  const [key, ...rest] = path;
  if (key === undefined) return [];
  const pair = pairOf(map, key);
  if (!pair) return insertPair(file, map, path, value);
  const child = asMap(pair.value, doc);
  if (rest.length === 0) {
    if (pair.value && (isScalar(pair.value) || isSeq(pair.value) || isMap(pair.value)) && !isEmptyValue(pair)) return replaceNode(file, pair.value as Node, value);
    return fillEmpty(file, map, pair, [], value);
  }
  if (child) return setField(file, doc, child, rest, value);
  if (isEmptyValue(pair)) return fillEmpty(file, map, pair, rest, value);
  return [];
}

function isEmptyValue(pair: Pair): boolean {
  const v = pair.value;
  return v === null || v === undefined || (isScalar(v) && v.value === null && (v.range?.[0] ?? 0) === (v.range?.[1] ?? 0));
}

/** `key:` with no value: the rest goes on the lines below (block) or after the colon (flow). */
function fillEmpty(file: SourceFile, map: YAMLMap, pair: Pair, rest: readonly string[], value: string): TextEdit[] {
  const keyNode = pair.key as Node;
  const keyEnd = keyNode.range?.[1];
  const keyStart = keyNode.range?.[0];
  if (keyEnd === undefined || keyStart === undefined) return [];
  const colon = file.text.indexOf(':', keyEnd);
  if (colon < 0) return [];
  const at = file.rangeOf(colon + 1, colon + 1);
  if (map.flow || rest.length === 0) {
    return [{ range: at, newText: rest.length ? ` {${flowText(rest, value)}}` : ` ${value}` }];
  }
  const indent = column(file, keyStart) + indentStep(file);
  return [{ range: at, newText: `${file.eol}${blockLines(rest, value, indent, indentStep(file), file.eol)}` }];
}

/** Adds `path: value` as the last entry of `map`. */
export function insertPair(file: SourceFile, map: YAMLMap, path: readonly string[], value: string): TextEdit[] {
  const range = map.range;
  if (!range) return [];
  if (map.flow) {
    const close = file.text.lastIndexOf('}', range[1]);
    if (close < range[0]) return [];
    const last = map.items[map.items.length - 1];
    if (!last) return [{ range: file.rangeOf(close, close), newText: flowText(path, value) }];
    const end = contentEnd(file.text, (last.value ?? last.key) as Node) ?? close;
    return [{ range: file.rangeOf(end, end), newText: `, ${flowText(path, value)}` }];
  }
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  if (!first || !last) return [];
  const indent = column(file, (first.key as Node).range![0]);
  const lastEnd = contentEnd(file.text, (last.value ?? last.key) as Node) ?? (last.key as Node).range![1];
  const at = lineEnd(file.text, lastEnd);
  return [{ range: file.rangeOf(at, at), newText: `${file.eol}${blockLines(path, value, indent, indentStep(file), file.eol)}` }];
}

/** Appends a scalar item to a sequence in its style (`- item` lines or `[…, item]`). */
export function appendItem(file: SourceFile, seq: YAMLSeq, item: string): TextEdit[] {
  const range = seq.range;
  if (!range) return [];
  if (seq.flow) {
    const close = file.text.lastIndexOf(']', range[1]);
    if (close < range[0]) return [];
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    if (!last) return [{ range: file.rangeOf(close, close), newText: item }];
    const end = contentEnd(file.text, last) ?? close;
    return [{ range: file.rangeOf(end, end), newText: `, ${item}` }];
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!last?.range) return [];
  // The dash sits before the item on the same line; reuse that line's prefix.
  const lineStart = file.lineStartOffset(file.positionAt(last.range[0]).line);
  const prefix = file.text.slice(lineStart, last.range[0]);
  const dash = prefix.match(/^(\s*)-\s*/);
  if (!dash) return [];
  const at = lineEnd(file.text, contentEnd(file.text, last) ?? last.range[1]);
  return [{ range: file.rangeOf(at, at), newText: `${file.eol}${dash[1]}- ${item}` }];
}

/** Removes one scalar item from a sequence: its whole line in block style, the item and a comma in flow style. */
export function removeItem(file: SourceFile, seq: YAMLSeq, index: number): TextEdit[] {
  const item = seq.items[index] as Node | undefined;
  if (!item?.range) return [];
  const text = file.text;
  const end = contentEnd(text, item) ?? item.range[1];
  if (seq.flow) {
    if (seq.items.length === 1) return [{ range: file.rangeOf(item.range[0], end), newText: '' }];
    if (index < seq.items.length - 1) {
      const next = (seq.items[index + 1] as Node).range![0];
      return [{ range: file.rangeOf(item.range[0], next), newText: '' }];
    }
    const prevEnd = contentEnd(text, seq.items[index - 1] as Node)!;
    return [{ range: file.rangeOf(prevEnd, end), newText: '' }];
  }
  // A block sequence with one item would become `key:` (null); leave an empty flow list instead.
  if (seq.items.length === 1) {
    const lineStart = file.lineStartOffset(file.positionAt(item.range[0]).line);
    const keyEnd = text.lastIndexOf(':', lineStart);
    return keyEnd >= 0 ? [{ range: file.rangeOf(keyEnd + 1, lineEnd(text, end)), newText: ' []' }] : [];
  }
  const line = file.positionAt(item.range[0]).line;
  const startOfLine = file.lineStartOffset(line);
  const nextLine = file.lineStartOffset(file.positionAt(end).line + 1);
  const stop = nextLine > startOfLine ? nextLine : lineEnd(text, end);
  return [{ range: file.rangeOf(startOfLine, stop), newText: '' }];
}

/** Sets `path` under `map`, adding ALL-style items to an existing list rather than replacing it. */
export function ensureItem(file: SourceFile, doc: Document, map: YAMLMap, path: readonly string[], item: string): TextEdit[] {
  let current: YAMLMap | undefined = map;
  for (let i = 0; i < path.length - 1 && current; i++) {
    const next = asMap(pairOf(current, path[i]!)?.value, doc);
    if (!next) return setField(file, doc, current, path.slice(i), `[${item}]`);
    current = next;
  }
  const key = path[path.length - 1]!;
  if (!current) return [];
  const seq = asSeq(pairOf(current, key)?.value, doc);
  return seq ? appendItem(file, seq, item) : setField(file, doc, current, [key], `[${item}]`);
}
