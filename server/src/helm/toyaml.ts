// Helm's toYaml (sigs.k8s.io/yaml → yaml.v2): keys sorted, two-space indent, sequences flush with their key,
// strings quoted only when YAML would read them as something else. Every key and scalar keeps its values location.
import { childLoc, formatFloat, GoObject, isGoMap, Unknown, type Loc } from './values';

export interface ValueSpan {
  start: number;
  end: number;
  value: Loc;
}

export interface YamlText {
  text: string;
  spans: ValueSpan[];
  unknown: boolean;
}

const MAX_DEPTH = 100;

export function toYaml(v: unknown): YamlText {
  const out: YamlText = { text: '', spans: [], unknown: false };
  const emit = (s: string, loc?: Loc) => {
    if (loc) out.spans.push({ start: out.text.length, end: out.text.length + s.length, value: loc });
    out.text += s;
  };
  const node = (x: unknown, indent: string, inline: boolean, depth: number, loc: Loc | undefined): void => {
    if (depth > MAX_DEPTH) throw new Error('toYaml: value nested too deeply');
    if (x instanceof Unknown) {
      out.unknown = true;
      emit('null');
      return;
    }
    if (Array.isArray(x) && x.length) {
      x.forEach((item, i) => {
        if (i > 0 || !inline) emit(indent);
        emit('- ');
        const l = childLoc(x, i)?.value;
        if (isContainer(item)) node(item, indent + '  ', true, depth + 1, l);
        else {
          emit(scalar(item, indent + '  '), l);
          emit('\n');
        }
      });
      return;
    }
    if (isGoMap(x) && Object.keys(x).length) {
      const keys = Object.keys(x).sort();
      keys.forEach((k, i) => {
        if (i > 0 || !inline) emit(indent);
        const c = childLoc(x, k);
        emit(scalar(k, indent), c?.key);
        const item = x[k];
        if (isContainer(item)) {
          emit(':\n');
          // yaml.v2 writes a list under a key at the key's own indentation.
          node(item, Array.isArray(item) ? indent : indent + '  ', false, depth + 1, c?.value);
        } else {
          emit(': ');
          emit(scalar(item, indent + '  '), c?.value);
          emit('\n');
        }
      });
      return;
    }
    emit(scalar(x, indent), loc);
    emit('\n');
  };
  node(v, '', true, 0, undefined);
  // Helm trims the final newline (toYAML: strings.TrimSuffix(..., "\n")).
  if (out.text.endsWith('\n')) out.text = out.text.slice(0, -1);
  for (const s of out.spans) s.end = Math.min(s.end, out.text.length);
  return out;
}

function isContainer(x: unknown): boolean {
  return (Array.isArray(x) && x.length > 0) || (isGoMap(x) && Object.keys(x).length > 0);
}

/** How yaml.v2 writes a scalar (after the JSON round trip: whole floats become integers). */
export function scalar(x: unknown, indent: string): string {
  if (x === null || x === undefined) return 'null';
  if (typeof x === 'boolean') return String(x);
  if (typeof x === 'bigint') return String(x);
  if (typeof x === 'number') {
    if (Number.isInteger(x) && Math.abs(x) < 1e21) return BigInt(x).toString();
    const s = formatFloat(x);
    return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
  }
  if (Array.isArray(x)) return '[]';
  if (x instanceof GoObject) return '{}';
  if (isGoMap(x)) return '{}';
  if (x instanceof Uint8Array) return Buffer.from(x).toString('base64');
  return yamlString(String(x), indent);
}

const YAML11_SPECIAL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NUMBERISH = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/;

function yamlString(s: string, indent: string): string {
  if (s.includes('\n') && !/[^\S\n]\n|^\s|\t/.test(s) && !hasControl(s, true)) {
    // Multi-line strings become literal blocks; `|-` when there is no final newline.
    const body = s.endsWith('\n') ? s.slice(0, -1) : s;
    const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '|+' : '|') : '|-';
    return chomp + '\n' + body.split('\n').map((l) => (l ? indent + l : '')).join('\n');
  }
  if (needsQuotes(s)) return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h.toUpperCase()}`);
  return s;
}

function needsQuotes(s: string): boolean {
  if (s === '') return true;
  if (YAML11_SPECIAL.test(s) || NUMBERISH.test(s)) return true;
  if (/^[\s]|[\s]$/.test(s)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^-[^\s]/.test(s) && !/^[?:][^\s]/.test(s)) return true;
  if (/^[-?:]$/.test(s)) return true;
  if (/: |:$| #|\t/.test(s) || hasControl(s, false)) return true;
  if (/[^\x20-\x7e\u00a0-\uffff]/u.test(s)) return true;
  return false;
}

/** C0 controls and DEL (a newline allowed when `allowNewline`): yaml.v2 double-quotes such strings. */
function hasControl(s: string, allowNewline: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 || c === 0x7f) && !(allowNewline && c === 10)) return true;
  }
  return false;
}
