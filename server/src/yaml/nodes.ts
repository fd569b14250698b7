// YAML AST helpers shared by every YAML target (Kubernetes, Compose, Helm output): aliases resolved, typed access,
// node ranges, suppression-comment lines. Target-neutral: imports only `yaml` and core positions. Navigation keeps
// positions: rules read nodes, never plain JS objects.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq, type Scalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';

export type YNode = Node;

/** Follows an alias one step (bounded by the document), so `*anchor` reads like the anchored node. */
export function deref(node: unknown, doc: Document): Node | undefined {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 16; hops++) current = current.resolve(doc);
  return current === null || current === undefined || isAlias(current) ? undefined : (current as Node);
}

export function asMap(node: unknown, doc: Document): YAMLMap | undefined {
  const n = deref(node, doc);
  return isMap(n) ? n : undefined;
}

export function asSeq(node: unknown, doc: Document): YAMLSeq | undefined {
  const n = deref(node, doc);
  return isSeq(n) ? n : undefined;
}

export function asScalar(node: unknown, doc: Document): Scalar | undefined {
  const n = deref(node, doc);
  return isScalar(n) ? n : undefined;
}

/** The pair for `key` in a map (last one wins, as Kubernetes' decoder does). */
export function pairOf(map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  let found: Pair | undefined;
  for (const item of map.items) {
    if (isPair(item) && keyText(item.key) === key) found = item;
  }
  return found;
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return undefined;
}

export function get(map: YAMLMap | undefined, key: string, doc: Document): Node | undefined {
  const pair = pairOf(map, key);
  return pair ? deref(pair.value, doc) : undefined;
}

/** Walks a dotted path of map keys. */
export function getIn(node: unknown, path: readonly string[], doc: Document): Node | undefined {
  let current: Node | undefined = deref(node, doc);
  for (const key of path) {
    const map = isMap(current) ? current : undefined;
    if (!map) return undefined;
    current = get(map, key, doc);
  }
  return current;
}

export function mapIn(node: unknown, path: readonly string[], doc: Document): YAMLMap | undefined {
  const n = getIn(node, path, doc);
  return isMap(n) ? n : undefined;
}

export function seqIn(node: unknown, path: readonly string[], doc: Document): YAMLSeq | undefined {
  const n = getIn(node, path, doc);
  return isSeq(n) ? n : undefined;
}

/** Scalar value as JS (string, number, boolean, null) or undefined when not a scalar. */
export function scalarValue(node: unknown, doc: Document): unknown {
  const s = asScalar(node, doc);
  return s ? s.value : undefined;
}

export function stringValue(node: unknown, doc: Document): string | undefined {
  const v = scalarValue(node, doc);
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Range of a node's own text (without the trailing newline a block node's range includes). */
export function nodeRange(file: SourceFile, node: { range?: [number, number, number] | null } | null | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return file.rangeOf(r[0], trimEnd(file.text, r[0], r[1]));
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Range of the key of `key` in `map`, for findings about a field's presence. */
export function keyRange(file: SourceFile, map: YAMLMap | undefined, key: string): Range | undefined {
  const pair = pairOf(map, key);
  return pair ? nodeRange(file, pair.key as Node) : undefined;
}

/** Range of the value of `key` in `map`, falling back to the key when the value is empty. */
export function valueRange(file: SourceFile, map: YAMLMap | undefined, key: string): Range | undefined {
  const pair = pairOf(map, key);
  if (!pair) return undefined;
  return nodeRange(file, pair.value as Node) ?? nodeRange(file, pair.key as Node);
}

/** Offset just past the last non-blank character of a node (block nodes' ranges include trailing newlines and comments). */
export function contentEnd(text: string, node: { range?: [number, number, number] | null }): number | undefined {
  const r = node.range;
  return r ? trimEnd(text, r[0], r[1]) : undefined;
}

/** Sequence items as maps, skipping anything else (a template placeholder, a scalar typo). */
export function mapItems(seq: YAMLSeq | undefined, doc: Document): YAMLMap[] {
  const out: YAMLMap[] = [];
  for (const item of seq?.items ?? []) {
    const m = asMap(item, doc);
    if (m) out.push(m);
  }
  return out;
}

/** Scalar string items of a sequence with their nodes, e.g. `capabilities.add`. A lone scalar counts as one item. */
export function stringItems(node: unknown, doc: Document): { value: string; node: Scalar }[] {
  const seq = asSeq(node, doc);
  const items = seq ? seq.items : node === undefined ? [] : [node];
  const out: { value: string; node: Scalar }[] = [];
  for (const item of items) {
    const s = asScalar(item, doc);
    if (s && (typeof s.value === 'string' || typeof s.value === 'number')) out.push({ value: String(s.value), node: s });
  }
  return out;
}

/**
 * Offsets of a string scalar's value inside the document: a plain scalar's own range, a quoted scalar's range
 * without its quotes, or the value found once inside a block scalar. Undefined when the text differs from the
 * value (escapes), because an edit there could not be minimal.
 */
export function scalarSpan(text: string, node: Node | undefined, doc: Document): { value: string; start: number; end: number } | undefined {
  const scalar = asScalar(node, doc);
  const range = scalar?.range;
  if (!scalar || !range || typeof scalar.value !== 'string') return undefined;
  const value = scalar.value.trim();
  if (value === '') return undefined;
  const raw = text.slice(range[0], range[1]);
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2 && raw.endsWith(quote)) {
    const inner = raw.slice(1, -1);
    const lead = inner.length - inner.trimStart().length;
    return inner.trim() === value ? { value, start: range[0] + 1 + lead, end: range[0] + 1 + lead + value.length } : undefined;
  }
  const at = raw.indexOf(value);
  if (at < 0 || raw.indexOf(value, at + 1) >= 0) return undefined;
  return { value, start: range[0] + at, end: range[0] + at + value.length };
}

/**
 * The line a comment about `range` goes above: that of the innermost key or list item holding it that starts its
 * line in block context. Inside a flow collection a comment line would have to sit between flow items, so it goes
 * above the line where the flow node starts.
 */
export function commentLineFor(file: SourceFile, docs: readonly Document[], range: Range): number | undefined {
  const offset = file.offsetAt(range.start);
  const doc = docs.find((d) => d.range && d.range[0] <= offset && offset <= d.range[2]);
  if (!doc) return undefined;
  let best: number | undefined;
  const consider = (start: number): void => {
    const pos = file.positionAt(start);
    if (/^[ \t]*(?:-[ \t]+)*$/.test(file.lineText(pos.line).slice(0, pos.character))) best = pos.line;
  };
  let node: unknown = doc.contents;
  const root = doc.contents as Node | null;
  if (root?.range) consider(root.range[0]);
  for (let depth = 0; depth < 200; depth++) {
    if (isMap(node) || isSeq(node)) {
      if (node.flow) break;
      let next: unknown;
      for (const item of node.items) {
        if (isPair(item)) {
          const key = item.key as Node | null;
          const value = item.value as Node | null;
          const start = key?.range?.[0];
          const end = value?.range?.[1] ?? key?.range?.[1];
          if (start === undefined || end === undefined || offset < start || offset > end) continue;
          consider(start);
          next = value;
          break;
        }
        const r = (item as Node | null)?.range;
        if (r && r[0] <= offset && offset <= r[1]) {
          consider(r[0]);
          next = item;
          break;
        }
      }
      if (next === undefined) break;
      node = next;
    } else {
      break;
    }
  }
  return best;
}
