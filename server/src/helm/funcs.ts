// The functions the engine evaluates: Go's builtins, Sprig's deterministic functions and Helm's. Random, clock,
// network and crypto-key functions are deliberately absent: calling them yields an unknown value, never a guess.
import { createHash } from 'node:crypto';
import { toYaml } from './toyaml';
import {
  deepCopy,
  formatFloat,
  GoObject,
  goKind,
  goTypeName,
  isGoMap,
  isOpen,
  newMap,
  Unknown,
  sprintValue,
  truthy,
  yamlToValue,
  type GoMap,
} from './values';

export class FuncError extends Error {}

export interface CallContext {
  templateName: string;
}

export type Func = (args: unknown[], cc: CallContext) => unknown;

const err = (msg: string): never => {
  throw new FuncError(msg);
};

function arity(name: string, args: unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    err(`wrong number of args for ${name}: want ${min === max ? min : `${min}-${max}`} got ${args.length}`);
  }
}

/** Sprig's cast.ToString-ish conversion (`toString`, string arguments). */
export function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  return sprintValue(v);
}

/** cast.ToInt64: numbers truncate, numeric strings parse, bools are 0/1, anything else is 0. */
export function toInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') {
    const s = v.trim();
    if (/^[+-]?\d+$/.test(s)) return BigInt(s);
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(s)) return s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s.replace(/^\+/, ''));
    return 0n;
  }
  return 0n;
}

export function toFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const f = Number(v.trim());
    return Number.isFinite(f) && v.trim() !== '' ? f : 0;
  }
  return 0;
}

function list(v: unknown, name: string): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  return err(`Cannot find ${name} on type ${goTypeName(v)}`);
}

function map(v: unknown, name: string): GoMap {
  if (isGoMap(v)) return v;
  // Go passes a nil argument to a map parameter as a nil map: reads see it empty.
  if (v === null || v === undefined) return newMap();
  return err(`wrong type for value; expected map[string]interface {}; got ${goTypeName(v)} (in ${name})`);
}

function isNumeric(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

function basicEq(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a !== typeof b) {
    if (a === null || b === null || a === undefined || b === undefined) return false;
    return err(`incompatible types for comparison`);
  }
  if (typeof a === 'object') return err('uncomparable type');
  return a === b;
}

function compare(a: unknown, b: unknown): number {
  if (isNumeric(a) && isNumeric(b)) return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return err(typeof a !== typeof b ? 'incompatible types for comparison' : `invalid type for comparison`);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return typeof a === typeof b && Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isGoMap(a) && isGoMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return a === b;
}

function index(args: unknown[]): unknown {
  if (args.length < 1) err('wrong number of args for index: want at least 1 got 0');
  let cur = args[0];
  for (const k of args.slice(1)) {
    if (Array.isArray(cur)) {
      const i = Number(toInt(k));
      if (i < 0 || i >= cur.length) err(`error calling index: index out of range: ${i}`);
      cur = cur[i];
    } else if (isGoMap(cur)) {
      if (typeof k === 'string' && !(k in cur) && isOpen(cur)) return new Unknown(`value ${k} may come from a dependency that is not vendored`);
      cur = typeof k === 'string' && k in cur ? cur[k] : null;
    }
    else if (cur === null || cur === undefined) err('error calling index: index of untyped nil');
    else if (typeof cur === 'string') {
      const i = Number(toInt(k));
      const bytes = Buffer.from(cur);
      if (i < 0 || i >= bytes.length) err(`error calling index: index out of range: ${i}`);
      cur = BigInt(bytes[i]!);
    } else err(`error calling index: can't index item of type ${goTypeName(cur)}`);
  }
  return cur;
}

function slice(args: unknown[]): unknown {
  const [x, ...idx] = args;
  const n = idx.map((i) => Number(toInt(i)));
  if (typeof x === 'string') return x.slice(n[0] ?? 0, n[1] ?? x.length);
  const l = list(x, 'slice');
  const from = n[0] ?? 0;
  const to = n[1] ?? l.length;
  if (from < 0 || to > l.length || from > to) err(`error calling slice: index out of range`);
  return l.slice(from, to);
}

/** Go's fmt.Sprint: a space between operands when neither side is a string. */
function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += sprintValue(a);
  });
  return out;
}

/** Go's fmt.Sprintf for the verbs charts use: %s %d %v %q %f %t %x %X %o %b %e %g %c %T %%, with flags, width, precision. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let ai = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([a-zA-Z%])/.exec(format.slice(i + 1));
    if (!m) {
      out += '%!(NOVERB)';
      break;
    }
    i += m[0].length;
    const flags = m[1] ?? '';
    const width = m[2] === '*' ? Number(toInt(args[ai++])) : m[2] ? Number(m[2]) : undefined;
    const hasPrec = m[0].includes('.');
    const prec = m[3] === '*' ? Number(toInt(args[ai++])) : m[3] ? Number(m[3]) : hasPrec ? 0 : undefined;
    const verb = m[4]!;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (ai >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const a = args[ai++];
    let s: string;
    switch (verb) {
      case 'v':
        s = a === null || a === undefined ? '<nil>' : sprintValue(a);
        break;
      case 's':
        s = typeof a === 'string' ? a : a === null || a === undefined ? '%!s(<nil>)' : sprintValue(a);
        if (prec !== undefined) s = s.slice(0, prec);
        break;
      case 'q':
        s = typeof a === 'string' ? JSON.stringify(a) : isNumeric(a) ? `'${String.fromCodePoint(Number(a))}'` : JSON.stringify(sprintValue(a));
        break;
      case 'd':
        s = typeof a === 'bigint' ? a.toString() : typeof a === 'number' ? `%!d(float64=${formatFloat(a)})` : typeof a === 'string' ? `%!d(string=${a})` : `%!d(${goTypeName(a)}=${sprintValue(a)})`;
        if (flags.includes('+') && typeof a === 'bigint' && a >= 0n) s = '+' + s;
        break;
      case 't':
        s = typeof a === 'boolean' ? String(a) : `%!t(${goTypeName(a)}=${sprintValue(a)})`;
        break;
      case 'f':
      case 'F':
        s = isNumeric(a) ? Number(a).toFixed(prec ?? 6) : `%!f(${goTypeName(a)}=${sprintValue(a)})`;
        break;
      case 'e':
        s = isNumeric(a) ? Number(a).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2') : `%!e(${goTypeName(a)}=${sprintValue(a)})`;
        break;
      case 'g':
        s = isNumeric(a) ? (prec !== undefined ? String(Number(Number(a).toPrecision(prec))) : formatFloat(Number(a))) : `%!g(${goTypeName(a)}=${sprintValue(a)})`;
        break;
      case 'x':
      case 'X': {
        if (isNumeric(a)) s = BigInt(Math.trunc(Number(a))).toString(16);
        else s = Buffer.from(str(a)).toString('hex');
        if (verb === 'X') s = s.toUpperCase();
        break;
      }
      case 'o':
        s = isNumeric(a) ? toInt(a).toString(8) : `%!o(${goTypeName(a)})`;
        break;
      case 'b':
        s = isNumeric(a) ? toInt(a).toString(2) : `%!b(${goTypeName(a)})`;
        break;
      case 'c':
        s = String.fromCodePoint(Number(toInt(a)));
        break;
      case 'T':
        s = goTypeName(a);
        break;
      default:
        s = `%!${verb}(${goTypeName(a)}=${sprintValue(a)})`;
    }
    if (width !== undefined && s.length < width) {
      if (flags.includes('-')) s = s.padEnd(width);
      else if (flags.includes('0') && /[dfeFgxXob]/.test(verb)) s = s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
      else s = s.padStart(width);
    }
    out += s;
  }
  if (ai < args.length) out += `%!(EXTRA ${args.slice(ai).map((a) => `${goTypeName(a)}=${sprintValue(a)}`).join(', ')})`;
  return out;
}

function toJson(v: unknown, pretty = false, raw = false): string {
  const conv = (x: unknown): unknown => {
    if (typeof x === 'bigint') return Number(x);
    if (Array.isArray(x)) return x.map(conv);
    if (x instanceof GoObject) return Object.fromEntries(Object.entries(x.fields).map(([k, y]) => [k, conv(y)]));
    if (isGoMap(x)) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, conv(x[k])]));
    return x === undefined ? null : x;
  };
  let s = JSON.stringify(conv(v), null, pretty ? 2 : undefined) ?? 'null';
  // Go's encoding/json escapes <, > and & unless asked not to (toRawJson).
  if (!raw) s = s.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return s;
}

function jsonToValue(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(jsonToValue);
  if (x !== null && typeof x === 'object') {
    const m = newMap();
    for (const [k, v] of Object.entries(x)) m[k] = jsonToValue(v);
    return m;
  }
  return x;
}

/** Sprig's merge/mergeOverwrite (mergo): maps merge deeply; other values fill missing or empty keys, or all with overwrite. */
function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): GoMap {
  for (const [k, v] of Object.entries(src)) {
    const cur = dst[k];
    if (isGoMap(cur) && isGoMap(v)) mergeInto(cur, v, overwrite);
    else if (overwrite || !(k in dst) || !truthy(cur)) dst[k] = deepCopy(v);
  }
  return dst;
}

/** Sprig's semver range check (Masterminds/semver constraints: comparisons, ~, ^, x-ranges, `,` and `||`). */
export function semverCompare(constraint: string, version: string): boolean {
  const v = parseSemver(version);
  if (!v) return err(`error calling semverCompare: Invalid Semantic Version`);
  return constraint.split('||').some((group) =>
    group
      .trim()
      .split(/\s*,\s*|\s+(?=[<>=!~^])/)
      .filter(Boolean)
      .every((c) => checkConstraint(c.trim(), v)),
  );
}

type Semver = [number, number, number, string];

function parseSemver(s: string): Semver | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(s.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0), m[4] ?? ''];
}

function cmpSemver(a: Semver, b: Semver): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  if (a[3] === b[3]) return 0;
  if (!a[3]) return 1;
  if (!b[3]) return -1;
  return a[3] < b[3] ? -1 : 1;
}

function checkConstraint(c: string, v: Semver): boolean {
  const m = /^(>=|<=|!=|=>|=<|>|<|=|~>|~|\^)?\s*v?([0-9xX*]+)(?:\.([0-9xX*]+))?(?:\.([0-9xX*]+))?(?:-([0-9A-Za-z.-]+))?$/.exec(c);
  if (!m) return err(`error calling semverCompare: improper constraint: ${c}`);
  const op = m[1] ?? '';
  const wild = (x: string | undefined) => x === undefined || /^[xX*]$/.test(x);
  const parts = [m[2], m[3], m[4]];
  const nums = parts.map((p) => (wild(p) ? 0 : Number(p)));
  const given = parts.findIndex(wild);
  const precision = given < 0 ? 3 : given;
  const base: Semver = [nums[0]!, nums[1]!, nums[2]!, m[5] ?? ''];
  // Masterminds: a prerelease version satisfies a constraint only when the constraint names a prerelease.
  if (v[3] && !base[3]) return false;
  const upper = (p: number): Semver => (p === 0 ? [Infinity, 0, 0, ''] : p === 1 ? [base[0] + 1, 0, 0, ''] : [base[0], base[1] + 1, 0, '']);
  const cmp = cmpSemver(v, base);
  switch (op) {
    case '':
    case '=':
      return precision === 3 ? cmp === 0 : cmp >= 0 && cmpSemver(v, upper(precision)) < 0;
    case '!=':
      return precision === 3 ? cmp !== 0 : !(cmp >= 0 && cmpSemver(v, upper(precision)) < 0);
    case '>':
      return precision === 3 ? cmp > 0 : cmpSemver(v, upper(precision)) >= 0;
    case '>=':
    case '=>':
      return cmp >= 0;
    case '<':
      return cmp < 0;
    case '<=':
    case '=<':
      return precision === 3 ? cmp <= 0 : cmpSemver(v, upper(precision)) < 0;
    case '~':
    case '~>':
      return cmp >= 0 && cmpSemver(v, precision <= 1 ? upper(1) : upper(2)) < 0;
    case '^':
      return cmp >= 0 && cmpSemver(v, base[0] > 0 || precision === 1 ? upper(1) : base[1] > 0 || precision === 2 ? upper(2) : [0, 0, base[2] + 1, '']) < 0;
    default:
      return false;
  }
}

function goRegex(pattern: string): RegExp {
  // RE2 and JS agree on the syntax charts use; RE2-only flags groups like (?i) are translated.
  let flags = '';
  let p = pattern;
  const m = /^\(\?([imsU]+)\)/.exec(p);
  if (m) {
    if (m[1]!.includes('i')) flags += 'i';
    if (m[1]!.includes('m')) flags += 'm';
    if (m[1]!.includes('s')) flags += 's';
    p = p.slice(m[0].length);
  }
  try {
    return new RegExp(p, flags + 'u');
  } catch {
    return err(`error parsing regexp: ${pattern}`);
  }
}

function splitMap(sep: string, s: string): GoMap {
  const m = newMap();
  s.split(sep).forEach((part, i) => (m[`_${i}`] = part));
  return m;
}

function until(count: bigint, start = 0n, step = 1n): unknown[] {
  if (step === 0n) return [];
  const n = step > 0n ? (count - start + step - 1n) / step : (start - count - step - 1n) / -step;
  if (n > 1_000_000n) return err('error calling until: the list would exceed 1000000 elements');
  const out: bigint[] = [];
  for (let i = start; step > 0n ? i < count : i > count; i += step) out.push(i);
  return out;
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

function dig(args: unknown[]): unknown {
  if (args.length < 3) err(`wrong number of args for dig: want at least 3 got ${args.length}`);
  const m = map(args[args.length - 1], 'dig');
  const def = args[args.length - 2];
  let cur: unknown = m;
  for (const k of args.slice(0, -2)) {
    if (!isGoMap(cur) || !(str(k) in cur)) return def;
    cur = cur[str(k)];
  }
  return cur;
}

function uniq(l: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const x of l) if (!out.some((y) => deepEqual(x, y))) out.push(x);
  return out;
}

function wrap(width: number, s: string, sep = '\n'): string {
  const words = s.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.join(sep);
}

function title(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

function words(s: string): string[] {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean);
}

function fromYaml(s: unknown, array = false): unknown {
  const { value, error } = yamlToValue(str(s));
  if (error) {
    const m = newMap();
    m.Error = `error converting YAML to JSON: ${error}`;
    return array ? [`error converting YAML to JSON: ${error}`] : m;
  }
  if (array) return Array.isArray(value) ? value : value === null ? [] : [value];
  return isGoMap(value) ? value : newMap();
}

export const FUNCS: Record<string, Func> = {
  // Go builtins
  not: (a) => (arity('not', a, 1), !truthy(a[0])),
  eq: (a) => {
    if (a.length < 2) err('wrong number of args for eq: want at least 2');
    return a.slice(1).some((b) => basicEq(a[0], b));
  },
  ne: (a) => (arity('ne', a, 2), !basicEq(a[0], a[1])),
  lt: (a) => (arity('lt', a, 2), compare(a[0], a[1]) < 0),
  le: (a) => (arity('le', a, 2), compare(a[0], a[1]) <= 0),
  gt: (a) => (arity('gt', a, 2), compare(a[0], a[1]) > 0),
  ge: (a) => (arity('ge', a, 2), compare(a[0], a[1]) >= 0),
  len: (a) => {
    arity('len', a, 1);
    const v = a[0];
    if (typeof v === 'string') return BigInt(Buffer.byteLength(v));
    if (Array.isArray(v) || v instanceof Uint8Array) return BigInt(v.length);
    if (isGoMap(v)) return BigInt(Object.keys(v).length);
    return err(`error calling len: len of type ${goTypeName(v)}`);
  },
  index: (a) => index(a),
  slice: (a) => slice(a),
  print: (a) => sprint(a),
  println: (a) => a.map((x) => sprintValue(x)).join(' ') + '\n',
  printf: (a) => sprintf(str(a[0]), a.slice(1)),
  html: (a) => sprint(a).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;'),
  js: (a) => sprint(a).replace(/[\\'"<>&=]/g, (c) => `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`),
  urlquery: (a) => encodeURIComponent(sprint(a)).replace(/%20/g, '+'),
  // Helm
  toYaml: (a) => toYaml(a[0]).text,
  mustToYaml: (a) => toYaml(a[0]).text,
  toYamlPretty: (a) => toYaml(a[0]).text,
  fromYaml: (a) => fromYaml(a[0]),
  mustFromYaml: (a) => fromYaml(a[0]),
  fromYamlArray: (a) => fromYaml(a[0], true),
  toJson: (a) => toJson(a[0]),
  mustToJson: (a) => toJson(a[0]),
  toPrettyJson: (a) => toJson(a[0], true),
  mustToPrettyJson: (a) => toJson(a[0], true),
  toRawJson: (a) => toJson(a[0], false, true),
  mustToRawJson: (a) => toJson(a[0], false, true),
  fromJson: (a) => {
    try {
      return jsonToValue(JSON.parse(str(a[0])));
    } catch (e) {
      const m = newMap();
      m.Error = e instanceof Error ? e.message : String(e);
      return m;
    }
  },
  mustFromJson: (a) => {
    try {
      return jsonToValue(JSON.parse(str(a[0])));
    } catch (e) {
      return err(`error calling mustFromJson: ${e instanceof Error ? e.message : String(e)}`);
    }
  },
  fromJsonArray: (a) => {
    try {
      const v = jsonToValue(JSON.parse(str(a[0])));
      return Array.isArray(v) ? v : [];
    } catch (e) {
      return [e instanceof Error ? e.message : String(e)];
    }
  },
  required: (a) => {
    arity('required', a, 2);
    const v = a[1];
    if (v === null || v === undefined || (typeof v === 'string' && v === '')) err(`error calling required: ${str(a[0])}`);
    return v;
  },
  fail: (a) => err(`error calling fail: ${str(a[0])}`),
  // `helm template` has no cluster: lookup returns an empty map, as Helm documents for dry runs.
  lookup: (a) => (arity('lookup', a, 4), newMap()),
  // Sprig: strings
  trim: (a) => str(a[0]).trim(),
  trimAll: (a) => trimCutset(str(a[1]), str(a[0])),
  trimall: (a) => trimCutset(str(a[1]), str(a[0])),
  trimSuffix: (a) => (str(a[1]).endsWith(str(a[0])) && str(a[0]) ? str(a[1]).slice(0, -str(a[0]).length) : str(a[1])),
  trimPrefix: (a) => (str(a[1]).startsWith(str(a[0])) ? str(a[1]).slice(str(a[0]).length) : str(a[1])),
  upper: (a) => str(a[0]).toUpperCase(),
  lower: (a) => str(a[0]).toLowerCase(),
  title: (a) => title(str(a[0])),
  untitle: (a) => str(a[0]).replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toLowerCase()),
  trunc: (a) => {
    const n = Number(toInt(a[0]));
    const s = str(a[1]);
    return n < 0 ? s.slice(Math.max(0, s.length + n)) : s.slice(0, n);
  },
  substr: (a) => {
    const s = str(a[2]);
    let start = Number(toInt(a[0]));
    let end = Number(toInt(a[1]));
    if (start < 0) start = 0;
    if (end < 0 || end > s.length) end = s.length;
    return start > end ? '' : s.slice(start, end);
  },
  repeat: (a) => {
    const n = Number(toInt(a[0]));
    if (n * str(a[1]).length > 1_000_000) err('error calling repeat: result too long');
    return str(a[1]).repeat(Math.max(0, n));
  },
  nospace: (a) => str(a[0]).replace(/\s/g, ''),
  initials: (a) => str(a[0]).split(/\s+/).filter(Boolean).map((w) => w[0]).join(''),
  abbrev: (a) => {
    const n = Number(toInt(a[0]));
    const s = str(a[1]);
    return n < 4 || s.length <= n ? s : s.slice(0, n - 3) + '...';
  },
  swapcase: (a) => [...str(a[0])].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  snakecase: (a) => words(str(a[0])).map((w) => w.toLowerCase()).join('_'),
  kebabcase: (a) => words(str(a[0])).map((w) => w.toLowerCase()).join('-'),
  camelcase: (a) => str(a[0]).split(/_+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''),
  wrap: (a) => wrap(Number(toInt(a[0])), str(a[1])),
  wrapWith: (a) => wrap(Number(toInt(a[0])), str(a[2]), str(a[1])),
  contains: (a) => str(a[1]).includes(str(a[0])),
  hasPrefix: (a) => str(a[1]).startsWith(str(a[0])),
  hasSuffix: (a) => str(a[1]).endsWith(str(a[0])),
  quote: (a) => a.filter((x) => x !== null && x !== undefined).map((x) => goQuote(str(x))).join(' '),
  squote: (a) => a.filter((x) => x !== null && x !== undefined).map((x) => `'${str(x)}'`).join(' '),
  cat: (a) => a.filter((x) => x !== null && x !== undefined).map((x) => str(x)).join(' '),
  indent: (a) => {
    const pad = ' '.repeat(Math.max(0, Number(toInt(a[0]))));
    return pad + str(a[1]).replace(/\n/g, '\n' + pad);
  },
  nindent: (a) => {
    const pad = ' '.repeat(Math.max(0, Number(toInt(a[0]))));
    return '\n' + pad + str(a[1]).replace(/\n/g, '\n' + pad);
  },
  replace: (a) => str(a[2]).split(str(a[0])).join(str(a[1])),
  plural: (a) => (toInt(a[2]) === 1n ? str(a[0]) : str(a[1])),
  sha1sum: (a) => createHash('sha1').update(str(a[0])).digest('hex'),
  sha256sum: (a) => createHash('sha256').update(str(a[0])).digest('hex'),
  sha512sum: (a) => createHash('sha512').update(str(a[0])).digest('hex'),
  adler32sum: (a) => {
    let x = 1;
    let y = 0;
    for (const byte of Buffer.from(str(a[0]))) {
      x = (x + byte) % 65521;
      y = (y + x) % 65521;
    }
    return String(y * 65536 + x);
  },
  toString: (a: unknown[]) => str(a[0]),
  toStrings: (a) => list(a[0], 'toStrings').map((x) => str(x)),
  atoi: (a) => toInt(str(a[0])),
  int: (a) => toInt(a[0]),
  int64: (a) => toInt(a[0]),
  float64: (a) => toFloat(a[0]),
  toDecimal: (a) => {
    const s = str(a[0]);
    return /^[0-7]+$/.test(s) ? BigInt('0o' + s) : 0n;
  },
  split: (a) => splitMap(str(a[0]), str(a[1])),
  splitList: (a) => str(a[1]).split(str(a[0])),
  splitn: (a) => {
    const n = Number(toInt(a[1]));
    const parts = str(a[2]).split(str(a[0]));
    const out = n > 0 && parts.length > n ? [...parts.slice(0, n - 1), parts.slice(n - 1).join(str(a[0]))] : parts;
    const m = newMap();
    out.forEach((p, i) => (m[`_${i}`] = p));
    return m;
  },
  join: (a) => {
    const v = a[1];
    const items = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
    return items.filter((x) => x !== null && x !== undefined).map((x) => str(x)).join(str(a[0]));
  },
  sortAlpha: (a) => list(a[0], 'sortAlpha').map((x) => str(x)).sort(),
  b64enc: (a) => b64(str(a[0])),
  b64dec: (a) => Buffer.from(str(a[0]), 'base64').toString('utf8'),
  b32enc: (a) => base32(Buffer.from(str(a[0]))),
  base: (a) => posix('base', str(a[0])),
  dir: (a) => posix('dir', str(a[0])),
  clean: (a) => posix('clean', str(a[0])),
  ext: (a) => posix('ext', str(a[0])),
  isAbs: (a) => str(a[0]).startsWith('/'),
  // Sprig: regular expressions
  regexMatch: (a) => goRegex(str(a[0])).test(str(a[1])),
  mustRegexMatch: (a) => goRegex(str(a[0])).test(str(a[1])),
  regexFind: (a) => goRegex(str(a[0])).exec(str(a[1]))?.[0] ?? '',
  mustRegexFind: (a) => goRegex(str(a[0])).exec(str(a[1]))?.[0] ?? '',
  regexFindAll: (a) => regexAll(a),
  mustRegexFindAll: (a) => regexAll(a),
  regexReplaceAll: (a) => str(a[1]).replace(new RegExp(goRegex(str(a[0])).source, 'gu'), goReplacement(str(a[2]))),
  mustRegexReplaceAll: (a) => str(a[1]).replace(new RegExp(goRegex(str(a[0])).source, 'gu'), goReplacement(str(a[2]))),
  regexReplaceAllLiteral: (a) => str(a[1]).replace(new RegExp(goRegex(str(a[0])).source, 'gu'), () => str(a[2])),
  mustRegexReplaceAllLiteral: (a) => str(a[1]).replace(new RegExp(goRegex(str(a[0])).source, 'gu'), () => str(a[2])),
  regexSplit: (a) => str(a[1]).split(goRegex(str(a[0]))),
  mustRegexSplit: (a) => str(a[1]).split(goRegex(str(a[0]))),
  regexQuoteMeta: (a) => str(a[0]).replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'),
  // Sprig: numbers
  add1: (a) => toInt(a[0]) + 1n,
  add: (a) => a.reduce<bigint>((s, x) => s + toInt(x), 0n),
  sub: (a) => toInt(a[0]) - toInt(a[1]),
  mul: (a) => a.reduce<bigint>((s, x) => s * toInt(x), 1n),
  div: (a) => (toInt(a[1]) === 0n ? err('error calling div: runtime error: integer divide by zero') : toInt(a[0]) / toInt(a[1])),
  mod: (a) => (toInt(a[1]) === 0n ? err('error calling mod: runtime error: integer divide by zero') : toInt(a[0]) % toInt(a[1])),
  add1f: (a) => toFloat(a[0]) + 1,
  addf: (a) => a.reduce<number>((s, x) => s + toFloat(x), 0),
  subf: (a) => a.slice(1).reduce<number>((s, x) => s - toFloat(x), toFloat(a[0])),
  mulf: (a) => a.reduce<number>((s, x) => s * toFloat(x), 1),
  divf: (a) => a.slice(1).reduce<number>((s, x) => s / toFloat(x), toFloat(a[0])),
  max: (a) => a.map(toInt).reduce((m, x) => (x > m ? x : m)),
  biggest: (a) => a.map(toInt).reduce((m, x) => (x > m ? x : m)),
  min: (a) => a.map(toInt).reduce((m, x) => (x < m ? x : m)),
  maxf: (a) => Math.max(...a.map(toFloat)),
  minf: (a) => Math.min(...a.map(toFloat)),
  ceil: (a) => Math.ceil(toFloat(a[0])),
  floor: (a) => Math.floor(toFloat(a[0])),
  round: (a) => {
    const p = 10 ** Number(toInt(a[1] ?? 0n));
    return Math.round(toFloat(a[0]) * p) / p;
  },
  until: (a) => until(toInt(a[0])),
  untilStep: (a) => until(toInt(a[1]), toInt(a[0]), toInt(a[2])),
  seq: (a) => {
    const n = a.map(toInt);
    const [start, step, end] = n.length === 1 ? [1n, 1n, n[0]!] : n.length === 2 ? [n[0]!, n[0]! <= n[1]! ? 1n : -1n, n[1]!] : [n[0]!, n[1]!, n[2]!];
    const items = until(end + (step > 0n ? 1n : -1n), start, step);
    return items.map((x) => String(x)).join(' ');
  },
  // Sprig: defaults and types
  empty: (a) => !truthy(a[0]),
  all: (a) => a.every(truthy),
  any: (a) => a.some(truthy),
  compact: (a) => list(a[0], 'compact').filter(truthy),
  mustCompact: (a) => list(a[0], 'compact').filter(truthy),
  deepCopy: (a) => deepCopy(a[0]),
  mustDeepCopy: (a) => deepCopy(a[0]),
  typeOf: (a) => goTypeName(a[0]),
  typeIs: (a) => str(a[0]) === goTypeName(a[1]),
  typeIsLike: (a) => str(a[0]) === goTypeName(a[1]) || str(a[0]) === `*${goTypeName(a[1])}`,
  kindOf: (a) => goKind(a[0]),
  kindIs: (a) => str(a[0]) === goKind(a[1]),
  deepEqual: (a) => deepEqual(a[0], a[1]),
  // Sprig: lists
  list: (a) => [...a],
  tuple: (a) => [...a],
  append: (a) => [...list(a[0], 'append'), a[1]],
  push: (a) => [...list(a[0], 'push'), a[1]],
  mustAppend: (a) => [...list(a[0], 'append'), a[1]],
  mustPush: (a) => [...list(a[0], 'push'), a[1]],
  prepend: (a) => [a[1], ...list(a[0], 'prepend')],
  mustPrepend: (a) => [a[1], ...list(a[0], 'prepend')],
  concat: (a) => a.flatMap((x) => list(x, 'concat')),
  first: (a) => list(a[0], 'first')[0] ?? null,
  mustFirst: (a) => list(a[0], 'first')[0] ?? null,
  last: (a) => list(a[0], 'last').at(-1) ?? null,
  mustLast: (a) => list(a[0], 'last').at(-1) ?? null,
  rest: (a) => list(a[0], 'rest').slice(1),
  mustRest: (a) => list(a[0], 'rest').slice(1),
  initial: (a) => list(a[0], 'initial').slice(0, -1),
  mustInitial: (a) => list(a[0], 'initial').slice(0, -1),
  reverse: (a) => [...list(a[0], 'reverse')].reverse(),
  mustReverse: (a) => [...list(a[0], 'reverse')].reverse(),
  uniq: (a) => uniq(list(a[0], 'uniq')),
  mustUniq: (a) => uniq(list(a[0], 'uniq')),
  without: (a) => list(a[0], 'without').filter((x) => !a.slice(1).some((y) => deepEqual(x, y))),
  mustWithout: (a) => list(a[0], 'without').filter((x) => !a.slice(1).some((y) => deepEqual(x, y))),
  has: (a) => list(a[1], 'has').some((x) => deepEqual(x, a[0])),
  mustHas: (a) => list(a[1], 'has').some((x) => deepEqual(x, a[0])),
  mustSlice: (a) => slice(a),
  chunk: (a) => chunk(Number(toInt(a[0])), list(a[1], 'chunk')),
  mustChunk: (a) => chunk(Number(toInt(a[0])), list(a[1], 'chunk')),
  // Sprig: dicts
  dict: (a) => {
    const m = newMap();
    for (let i = 0; i < a.length; i += 2) m[str(a[i])] = i + 1 < a.length ? a[i + 1] : '';
    return m;
  },
  get: (a) => {
    const m = map(a[0], 'get');
    return str(a[1]) in m ? m[str(a[1])] : '';
  },
  set: (a) => {
    const m = map(a[0], 'set');
    m[str(a[1])] = a[2];
    return m;
  },
  unset: (a) => {
    const m = map(a[0], 'unset');
    delete m[str(a[1])];
    return m;
  },
  hasKey: (a) => str(a[1]) in map(a[0], 'hasKey'),
  pluck: (a) => a.slice(1).flatMap((d) => (isGoMap(d) && str(a[0]) in d ? [d[str(a[0])]] : [])),
  keys: (a) => a.flatMap((d) => Object.keys(map(d, 'keys'))),
  values: (a) => Object.values(map(a[0], 'values')),
  pick: (a) => {
    const m = map(a[0], 'pick');
    const out = newMap();
    for (const k of a.slice(1).map(str)) if (k in m) out[k] = m[k];
    return out;
  },
  omit: (a) => {
    const m = map(a[0], 'omit');
    const drop = new Set(a.slice(1).map(str));
    const out = newMap();
    for (const [k, v] of Object.entries(m)) if (!drop.has(k)) out[k] = v;
    return out;
  },
  merge: (a) => a.slice(1).reduce<GoMap>((d, s) => mergeInto(d, map(s, 'merge'), false), map(a[0], 'merge')),
  mustMerge: (a) => a.slice(1).reduce<GoMap>((d, s) => mergeInto(d, map(s, 'merge'), false), map(a[0], 'merge')),
  mergeOverwrite: (a) => a.slice(1).reduce<GoMap>((d, s) => mergeInto(d, map(s, 'mergeOverwrite'), true), map(a[0], 'mergeOverwrite')),
  mustMergeOverwrite: (a) => a.slice(1).reduce<GoMap>((d, s) => mergeInto(d, map(s, 'mergeOverwrite'), true), map(a[0], 'mergeOverwrite')),
  dig: (a) => dig(a),
  // Sprig: semver
  semverCompare: (a) => semverCompare(str(a[0]), str(a[1])),
  semver: (a) => {
    const v = parseSemver(str(a[0]));
    if (!v) return err('error calling semver: Invalid Semantic Version');
    return new GoObject('*semver.Version', { Major: BigInt(v[0]), Minor: BigInt(v[1]), Patch: BigInt(v[2]), Prerelease: v[3], Original: str(a[0]) });
  },
  urlJoin: (a) => {
    const m = map(a[0], 'urlJoin');
    const scheme = str(m.scheme);
    const host = str(m.host);
    return `${scheme ? scheme + '://' : ''}${str(m.userinfo) ? str(m.userinfo) + '@' : ''}${host}${str(m.path)}${str(m.query) ? '?' + str(m.query) : ''}${str(m.fragment) ? '#' + str(m.fragment) : ''}`;
  },
  urlParse: (a) => {
    let u: URL;
    try {
      u = new URL(str(a[0]));
    } catch {
      return err(`error calling urlParse: unable to parse url: ${str(a[0])}`);
    }
    const m = newMap();
    Object.assign(m, {
      scheme: u.protocol.replace(/:$/, ''),
      host: u.host,
      hostname: u.hostname,
      path: u.pathname,
      query: u.search.replace(/^\?/, ''),
      opaque: '',
      fragment: u.hash.replace(/^#/, ''),
      userinfo: u.username ? `${u.username}${u.password ? ':' + u.password : ''}` : '',
    });
    return m;
  },
};

function trimCutset(s: string, cut: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && cut.includes(s[a]!)) a++;
  while (b > a && cut.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Go's strconv.Quote, which `quote` uses via fmt %q. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (m, h: string) => {
    const c = parseInt(h, 16);
    if (c === 0x7f || c < 0x20) return `\\x${h.slice(2)}`;
    return m;
  });
}

function regexAll(a: unknown[]): unknown[] {
  const re = new RegExp(goRegex(str(a[0])).source, 'gu');
  const n = Number(toInt(a[2]));
  const all = str(a[1]).match(re) ?? [];
  return n < 0 ? all : all.slice(0, n);
}

/** Go regexp replacement: `$1`/`${1}`/`${name}`; JS uses `$<name>`. */
function goReplacement(r: string): string {
  return r.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$$<$1>').replace(/\$\{(\d+)\}/g, '$$$1');
}

function chunk(size: number, l: unknown[]): unknown[] {
  if (size <= 0) return [];
  const out: unknown[] = [];
  for (let i = 0; i < l.length; i += size) out.push(l.slice(i, i + size));
  return out;
}

function base32(buf: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  while (out.length % 8) out += '=';
  return out;
}

function posix(op: 'base' | 'dir' | 'clean' | 'ext', p: string): string {
  const clean = (s: string): string => {
    if (!s) return '.';
    const abs = s.startsWith('/');
    const parts: string[] = [];
    for (const seg of s.split('/')) {
      if (!seg || seg === '.') continue;
      if (seg === '..') {
        if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
        else if (!abs) parts.push('..');
      } else parts.push(seg);
    }
    const out = (abs ? '/' : '') + parts.join('/');
    return out || (abs ? '/' : '.');
  };
  if (op === 'clean') return clean(p);
  if (op === 'base') {
    const t = p.replace(/\/+$/, '');
    if (!p) return '.';
    if (!t) return '/';
    return t.slice(t.lastIndexOf('/') + 1);
  }
  if (op === 'dir') {
    const i = p.lastIndexOf('/');
    return clean(i < 0 ? '' : p.slice(0, i + 1));
  }
  const b = p.slice(p.lastIndexOf('/') + 1);
  const i = b.lastIndexOf('.');
  return i < 0 ? '' : b.slice(i);
}

