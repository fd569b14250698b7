// Variable interpolation as Docker Compose does it (`${VAR}`, `${VAR:-default}`, `${VAR?err}`, `$$`), with values
// from the `.env` beside the file. The shell environment is unknown to a pure linter: a variable that neither the
// `.env` nor a default sets is unknown, and a value depending on it is never a finding.

export type Env = ReadonlyMap<string, string>;

/** `undefined`: the value depends on a variable we cannot know. */
export type Interpolated = string | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Expands `text` the way compose-go's template package does: `$$` is a literal `$`; `${VAR:-d}`/`${VAR-d}` use
 * `d` when VAR is unset (`:-` also when empty); `${VAR:+r}`/`${VAR+r}` use `r` when set; `${VAR?e}`/`${VAR:?e}`
 * require VAR. Defaults are themselves interpolated.
 */
export function interpolate(text: string, env: Env): Interpolated {
  if (!text.includes('$')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(text, i + 1);
      if (close < 0) return undefined;
      const value = expandBraced(text.slice(i + 2, close), env);
      if (value === undefined) return undefined;
      out += value;
      i = close + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1))?.[0];
    if (!name) {
      out += '$';
      i++;
      continue;
    }
    const value = env.get(name);
    if (value === undefined) return undefined;
    out += value;
    i += 1 + name.length;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function expandBraced(inner: string, env: Env): Interpolated {
  const name = NAME.exec(inner)?.[0];
  if (!name) return undefined;
  const rest = inner.slice(name.length);
  const value = env.get(name);
  if (rest === '') return value;
  const op = /^(:?[-+?=])/.exec(rest)?.[1];
  if (!op) return undefined;
  const arg = rest.slice(op.length);
  const colon = op.startsWith(':');
  const unset = value === undefined || (colon && value === '');
  switch (op.slice(-1)) {
    case '-':
    case '=':
      return unset ? interpolate(arg, env) : value;
    case '+':
      // Unknown whether set: we cannot tell between the replacement and the empty string.
      return value === undefined ? undefined : unset ? '' : interpolate(arg, env);
    default:
      // `?`: Compose refuses to start without it; what it will be is unknown.
      return value;
  }
}

/** Whether the text mentions a variable at all (after `$$` escapes). */
export function hasVariables(text: string): boolean {
  return /\$(?!\$)(\{|[A-Za-z_])/.test(text.replace(/\$\$/g, ''));
}

/**
 * Parses a `.env` file as Compose does: `KEY=value`, optional `export `, `#` comments, single quotes literal,
 * double quotes with escapes, unquoted values trimmed and cut at ` #`. Later values may use earlier ones.
 */
export function parseDotEnv(text: string): Map<string, string> {
  const env = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s?(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!;
    let raw = m[2]!.trim();
    let value: string;
    const quote = raw[0];
    if (quote === "'" || quote === '"') {
      // A quoted value may span lines.
      while (!closes(raw, quote) && n + 1 < lines.length) raw += `\n${lines[++n]!}`;
      const end = raw.lastIndexOf(quote);
      const inner = raw.slice(1, end > 0 ? end : raw.length);
      value = quote === '"' ? unescapeDouble(inner, env) : inner;
    } else {
      value = raw.replace(/\s+#.*$/, '').trim();
      value = interpolate(value, env) ?? value;
    }
    env.set(key, value);
  }
  return env;
}

function closes(raw: string, quote: string): boolean {
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] === '\\' && quote === '"') i++;
    else if (raw[i] === quote) return true;
  }
  return false;
}

function unescapeDouble(inner: string, env: Env): string {
  const text = inner.replace(/\\([nrt"\\$])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
  return interpolate(text, env) ?? text;
}
