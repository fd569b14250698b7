// .gitignore semantics (nested files, negation, anchoring, dir-only, `**`) plus VS Code-style globs with braces.
import { relative, sep } from 'node:path';

interface Rule {
  regex: RegExp;
  /** Matches only paths below the pattern, for dir-only patterns tested against files. */
  inside: RegExp;
  negated: boolean;
  dirOnly: boolean;
}

export class IgnoreRules {
  private constructor(
    /** Directory the patterns are relative to. */
    readonly base: string,
    private readonly rules: Rule[],
  ) {}

  /** Parses .gitignore text (or a list of patterns from a config file) relative to `base`. */
  static parse(base: string, source: string | readonly string[]): IgnoreRules {
    const lines = typeof source === 'string' ? source.split(/\r?\n/) : source;
    const rules: Rule[] = [];
    for (const line of lines) {
      const rule = compile(line);
      if (rule) rules.push(rule);
    }
    return new IgnoreRules(base, rules);
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** true: ignored, false: re-included by a negation, undefined: no pattern matches (or outside `base`). */
  test(path: string, isDir: boolean): boolean | undefined {
    const rel = relative(this.base, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..') return undefined;
    let verdict: boolean | undefined;
    for (const rule of this.rules) {
      if ((rule.dirOnly && !isDir ? rule.inside : rule.regex).test(rel)) verdict = !rule.negated;
    }
    return verdict;
  }
}

function compile(raw: string): Rule | undefined {
  let line = raw.replace(/(?<!\\)\s+$/, '');
  if (line === '' || line.startsWith('#')) return undefined;
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  let dirOnly = false;
  if (line.endsWith('/')) {
    dirOnly = true;
    line = line.slice(0, -1);
  }
  if (line === '') return undefined;
  // A slash anywhere but the end anchors the pattern to the base directory; otherwise it matches at any depth.
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  const body = globToRegex(line);
  const prefix = anchored || line.startsWith('**/') ? '' : '(?:.*/)?';
  // A matched directory ignores everything below it, so `build` also matches `build/x/y`.
  return { regex: new RegExp(`^${prefix}${body}(?:/.*)?$`), inside: new RegExp(`^${prefix}${body}/.*$`), negated, dirOnly };
}

export function globToRegex(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && i + 1 < glob.length) {
      out += escape(glob[++i]!);
    } else if (c === '*') {
      if (glob[i + 1] === '*') {
        const before = i === 0 || glob[i - 1] === '/';
        const after = i + 2 === glob.length || glob[i + 2] === '/';
        if (before && after) {
          // `**/` is zero or more directories; a trailing `**` is everything below.
          if (i + 2 === glob.length) out += '.*';
          else {
            out += '(?:.*/)?';
            i++;
          }
          i++;
          continue;
        }
        i++;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let cls = glob.slice(i + 1, end);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        out += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += escape(c);
    }
  }
  return out + ')'.repeat(braces);
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** VS Code `files.exclude` globs, matched against the path relative to the workspace folder. */
export class GlobSet {
  private readonly regexes: RegExp[];

  constructor(
    private readonly base: string,
    globs: readonly string[],
  ) {
    this.regexes = globs.map((g) => new RegExp(`^${globToRegex(g.replace(/^\.\//, '').replace(/\/$/, ''))}(?:/.*)?$`));
  }

  test(path: string): boolean {
    const rel = relative(this.base, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) return false;
    return this.regexes.some((r) => r.test(rel));
  }
}
