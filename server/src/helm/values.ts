// Template values as Go sees them: YAML numbers are float64 (JS number), template integers int64 (bigint), maps
// are plain objects; plus where each value came from, and the `Unknown` that stands for what cannot be evaluated.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YNode } from 'yaml';

/** A file location: template or values file, character offsets. */
export interface Loc {
  file: string;
  start: number;
  end: number;
}

/** A value the engine cannot know (a random function, an unvendored subchart); output depending on it is not linted. */
export class Unknown {
  constructor(readonly reason: string) {}
}

/** A Go struct with methods (`.Files`, `.Capabilities.APIVersions`): fields first, then methods. */
export class GoObject {
  constructor(
    readonly typeName: string,
    readonly fields: Record<string, unknown>,
    readonly methods: Record<string, (...args: unknown[]) => unknown> = {},
    /** What `range` iterates over (`.Files.Glob` results are maps of path to content in Helm). */
    readonly entries?: GoMap,
  ) {}
}

export type GoMap = Record<string, unknown>;

export function isGoMap(v: unknown): v is GoMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof GoObject) && !(v instanceof Uint8Array);
}

export function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

/**
 * Maps whose missing keys are unknown rather than absent: the values section of a dependency that is not vendored
 * (its own values.yaml, which would fill the gaps, is not there).
 */
const openMaps = new WeakSet<object>();

export function markOpen(v: unknown, depth = 0): void {
  if (!isGoMap(v) || depth > MAX_DEPTH_OPEN) return;
  openMaps.add(v);
  for (const x of Object.values(v)) markOpen(x, depth + 1);
}

export function isOpen(v: unknown): boolean {
  return v !== null && typeof v === 'object' && openMaps.has(v);
}

const MAX_DEPTH_OPEN = 50;

/** For each map or list from a values file, where each child came from: the value node and its key. */
export interface ChildLoc {
  value: Loc;
  key?: Loc;
}
const provenance = new WeakMap<object, Map<string, ChildLoc>>();

export function childLoc(container: unknown, key: string | number): ChildLoc | undefined {
  if (container === null || typeof container !== 'object') return undefined;
  return provenance.get(container)?.get(String(key));
}

export function setChildLoc(container: object, key: string | number, loc: ChildLoc): void {
  let m = provenance.get(container);
  if (!m) provenance.set(container, (m = new Map()));
  m.set(String(key), loc);
}

export interface LoadedValues {
  values: GoMap;
  error?: { message: string; start: number; end: number };
}

/** Parses a values file the way Helm does (YAML 1.1 via sigs.k8s.io/yaml), keeping the location of every value. */
export function loadValues(text: string, file: string): LoadedValues {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: false, merge: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { values: newMap(), error: { message: e.message.split('\n')[0]!, start: e.pos[0], end: e.pos[1] } };
  }
  const v = toValue(doc.contents as YNode | null, doc, file, 0);
  return { values: isGoMap(v) ? v : newMap() };
}

const MAX_DEPTH = 200;

function toValue(node: YNode | null, doc: Document, file: string, depth: number): unknown {
  if (!node || depth > MAX_DEPTH) return null;
  if (isAlias(node)) return toValue(node.resolve(doc) as YNode | null, doc, file, depth + 1);
  if (isScalar(node)) {
    const v = node.value;
    if (v instanceof Date) return node.source ?? v.toISOString();
    if (typeof v === 'bigint') return Number(v);
    return v === undefined ? null : v;
  }
  if (isSeq(node)) {
    const out: unknown[] = [];
    node.items.forEach((item, i) => {
      out.push(toValue(item as YNode, doc, file, depth + 1));
      const r = (item as YNode | null)?.range;
      if (r) setChildLoc(out, i, { value: { file, start: r[0], end: r[1] } });
    });
    return out;
  }
  if (isMap(node)) {
    const out = newMap();
    for (const pair of node.items) {
      const k = pair.key as YNode | null;
      const keyText = isScalar(k) ? String(k.value) : k ? String(k) : '';
      if (keyText === '<<' && isScalar(k)) continue;
      out[keyText] = toValue(pair.value as YNode | null, doc, file, depth + 1);
      const vr = (pair.value as YNode | null)?.range;
      const kr = k?.range;
      if (vr || kr) {
        setChildLoc(out, keyText, {
          value: vr ? { file, start: vr[0], end: vr[1] } : { file, start: kr![1], end: kr![1] },
          ...(kr ? { key: { file, start: kr[0], end: kr[1] } } : {}),
        });
      }
    }
    // YAML merge keys (`<<: *base`): merged entries never override explicit ones.
    for (const pair of node.items) {
      const k = pair.key as YNode | null;
      if (!(isScalar(k) && k.value === '<<')) continue;
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const s of sources) {
        const m = toValue(s as YNode, doc, file, depth + 1);
        if (isGoMap(m)) for (const [key, val] of Object.entries(m)) if (!(key in out)) out[key] = val;
      }
    }
    return out;
  }
  return null;
}

/**
 * Helm's coalesce: `over` wins, maps merge recursively, a `null` in `over` deletes the key. Returns a new map; the
 * inputs keep their provenance, and so do the merged maps.
 */
export function coalesceValues(base: GoMap, over: GoMap): GoMap {
  const out = newMap();
  for (const [k, v] of Object.entries(base)) {
    out[k] = v;
    const loc = childLoc(base, k);
    if (loc) setChildLoc(out, k, loc);
  }
  for (const [k, v] of Object.entries(over)) {
    const loc = childLoc(over, k);
    if (v === null) {
      delete out[k];
      continue;
    }
    const prev = out[k];
    if (isGoMap(prev) && isGoMap(v)) {
      out[k] = coalesceValues(prev, v);
      if (loc) setChildLoc(out, k, loc);
    } else {
      out[k] = v;
      if (loc) setChildLoc(out, k, loc);
    }
  }
  return out;
}

/** Deep copy keeping provenance (Sprig's deepCopy / merge functions copy, and locations should survive). */
export function deepCopy(v: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(v)) {
    const out = v.map((x) => deepCopy(x, depth + 1));
    v.forEach((_, i) => {
      const l = childLoc(v, i);
      if (l) setChildLoc(out, i, l);
    });
    return out;
  }
  if (isGoMap(v)) {
    const out = newMap();
    for (const [k, x] of Object.entries(v)) {
      out[k] = deepCopy(x, depth + 1);
      const l = childLoc(v, k);
      if (l) setChildLoc(out, k, l);
    }
    return out;
  }
  return v;
}

/** Go truthiness: false, 0, nil, and empty strings, lists and maps are false. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  if (isGoMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** Go's type names, as `typeOf` prints them. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int64';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Uint8Array) return '[]uint8';
  if (v instanceof GoObject) return v.typeName;
  return 'map[string]interface {}';
}

/** Go's reflect kinds, as `kindOf`/`kindIs` name them. */
export function goKind(v: unknown): string {
  if (v === null || v === undefined) return 'invalid';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int64';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoObject) return 'struct';
  return 'map';
}

/** Go's `%v` for a float64: shortest digits, exponent form when the exponent is < -4 or >= 6 (so 1e+06). */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa = '', e = '0'] = f.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** Go's `fmt.Sprint` of one value (`{{ . }}` output). Nil prints nothing: Helm replaces `<no value>` with "". */
export function printValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  return sprintValue(v, true);
}

export function sprintValue(v: unknown, top = false): string {
  if (v === null || v === undefined) return top ? '<no value>' : '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return formatFloat(v);
  if (Array.isArray(v)) return `[${v.map((x) => sprintValue(x)).join(' ')}]`;
  if (v instanceof Uint8Array) return `[${Array.from(v).join(' ')}]`;
  if (v instanceof GoObject) return `{${Object.values(v.fields).map((x) => sprintValue(x)).join(' ')}}`;
  if (v instanceof Unknown) return '';
  if (isGoMap(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${sprintValue(v[k])}`).join(' ')}]`;
  return String(v);
}

/** A document parsed as YAML 1.1 into template values (fromYaml). */
export function yamlToValue(text: string): { value: unknown; error?: string } {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: false, merge: true });
  if (doc.errors.length) return { value: null, error: doc.errors[0]!.message.split('\n')[0]! };
  return { value: toValue(doc.contents as YNode | null, doc, '', 0) };
}
