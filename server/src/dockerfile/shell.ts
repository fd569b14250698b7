// A tolerant POSIX/bash parser for RUN bodies: finds every simple command through lists, pipelines, subshells,
// groups, control structures, command substitutions, `sh -c '…'` and heredocs, with words mapped back to document
// offsets. It never throws: unbalanced quotes or half-typed input end the current word at end of input.
import type { SourceFile } from '../core/source';
import type { DWord, Heredoc } from './words';

export interface ShSource {
  text: string;
  /** Document offset of an index in `text`. */
  offsetOf(index: number): number;
}

export interface ShWord {
  /** Text after quote removal; expansions are kept as written (`$buildDeps`). */
  value: string;
  raw: string;
  /** Document offsets. */
  start: number;
  end: number;
  quoted: boolean;
  /** Contains a parameter expansion, command substitution or arithmetic. */
  dynamic: boolean;
  /** Scripts of `$(…)`, backquotes and `<(…)` inside the word. */
  substitutions: ShScript[];
  /** Document offset of a character of `value`, when quoting makes it differ from `start + i`. */
  offsetOfValue(i: number): number;
}

export interface ShRedirect {
  op: string;
  fd?: string;
  target?: ShWord;
  /** For `<<`: the here-document body parsed as a script when the command is a shell reading stdin. */
  heredoc?: { content: string; start: number; quoted: boolean };
}

export interface ShCommand {
  /** All words after leading assignments, as written (`sudo`, `-E`, `apt-get`, …). */
  words: ShWord[];
  /** The command after wrappers such as `sudo`, `env`, `exec`, `nice`, `timeout`, `gosu` are skipped. */
  argv: ShWord[];
  /** Basename of argv[0]; empty for a bare assignment. */
  name: string;
  assignments: ShWord[];
  redirects: ShRedirect[];
  pipeline: ShPipeline;
  /** Position in the pipeline (0 for the first command). */
  pipeIndex: number;
  /** The command whose `sh -c`/heredoc/eval carried this one, if any. */
  parent?: ShCommand;
  /** Inside `$(…)`, backquotes or `<(…)`. */
  inSubstitution: boolean;
  start: number;
  end: number;
  /** Index in execution order within the whole script tree. */
  order: number;
}

export interface ShPipeline {
  /** Elements in pipe order; each holds the commands of one element (a subshell or group may hold several). */
  elements: ShCommand[][];
}

export interface ShScript {
  /** Every simple command in source order, including nested scripts. */
  commands: ShCommand[];
  /** A parse problem (unterminated quote or substitution); the commands found so far are kept. */
  incomplete?: string;
}

export interface ShellOptions {
  /** Dockerfile heredocs that feed `<<EOF` redirections written on the RUN line. */
  heredocs?: Heredoc[];
  /** Exec-form words (`RUN ["sh", "-c", "…"]`). */
  execWords?: DWord[];
  file?: SourceFile;
}

// The one shell vocabulary of the Dockerfile code: POSIX-style shells a RUN, SHELL or `sh -c` can name.
const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const RESERVED_PREFIX = new Set(['if', 'then', 'elif', 'else', 'while', 'until', 'do', '!', '{', 'time']);
const RESERVED_END = new Set(['fi', 'done', '}', 'esac']);

/** A POSIX-style shell (`sh`, `bash`, `/bin/dash`, …); `busybox` counts when asked (it is `sh` as a SHELL). */
export function isShellName(name: string, options: { busybox?: boolean } = {}): boolean {
  const exe = basename(name).toLowerCase();
  return SHELLS.has(exe) || (options.busybox === true && exe === 'busybox');
}

/** The last path segment, for `/` and `\\` separators (`/bin/bash`, `C:\\Windows\\cmd.exe`). */
export function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

/**
 * Whether shell option words turn pipefail on: `-o pipefail`, `-eo pipefail`, `-Eeuo pipefail`, `-o errexit -o
 * pipefail`, as `set` or a shell invocation (`SHELL ["/bin/bash", "-Eeuo", "pipefail", "-c"]`) takes them. A later
 * `+o pipefail` turns it off again. Reading stops at `-c` and at the first operand.
 */
export function enablesPipefail(args: readonly string[]): boolean {
  let on = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--' || a === '-c' || !/^[-+]/.test(a)) break;
    // Each `o` in a group takes the next word as its option name, in order.
    const os = /^[-+][A-Za-z]+$/.test(a) ? [...a.slice(1)].filter((c) => c === 'o').length : 0;
    for (let k = 1; k <= os; k++) {
      if (args[i + k] === 'pipefail') on = a.startsWith('-');
    }
    i += os;
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(a)) break;
  }
  return on;
}

export function parseShell(source: ShSource, options: ShellOptions = {}): ShScript {
  const ctx: Ctx = { order: 0, all: [], externalHeredocs: [...(options.heredocs ?? [])], depth: 0 };
  const script: ShScript = { commands: ctx.all };
  try {
    if (options.execWords) {
      const words = options.execWords.map((w) => execWord(w));
      const pipeline: ShPipeline = { elements: [] };
      const cmd = makeCommand(ctx, words, [], [], pipeline, 0, undefined, false);
      pipeline.elements.push([cmd]);
    } else {
      const p = new Parser(source, ctx, undefined, false);
      p.parseScript();
    }
    if (ctx.problem) script.incomplete = ctx.problem;
  } catch (err) {
    script.incomplete = err instanceof Error ? err.message : String(err);
  }
  ctx.all.sort((a, b) => a.order - b.order);
  return script;
}

function execWord(w: DWord): ShWord {
  return { value: w.value, raw: w.raw, start: w.start, end: w.end, quoted: true, dynamic: false, substitutions: [], offsetOfValue: (i) => (w.raw === JSON.stringify(w.value) ? w.start + 1 + i : w.start) };
}

interface Ctx {
  /** The first syntax problem anywhere in the script tree (nested `sh -c`, substitutions included). */
  problem?: string;
  order: number;
  all: ShCommand[];
  externalHeredocs: Heredoc[];
  depth: number;
}

interface PendingHeredoc {
  redirect: ShRedirect;
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
  command?: ShCommand;
}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
// Characters that end a run of ordinary word characters, as a lookup table by char code.
const SPECIAL = new Uint8Array(128);
const NO_SCRIPTS: ShScript[] = [];
for (const c of [...META, '\\', "'", '"', '$', '`', '\r']) SPECIAL[c.charCodeAt(0)] = 1;

/** A word; `offsetOfValue` is a method (not a closure per word) to keep parsing allocation-light. */
class Word implements ShWord {
  constructor(
    readonly value: string,
    readonly raw: string,
    readonly start: number,
    readonly end: number,
    readonly quoted: boolean,
    readonly dynamic: boolean,
    readonly substitutions: ShScript[],
    private readonly srcStart: number,
    private readonly offsetOf: (i: number) => number,
    private readonly mapV: number[] | undefined,
    private readonly mapS: number[] | undefined,
  ) {}

  offsetOfValue(v: number): number {
    const mapV = this.mapV;
    const mapS = this.mapS;
    if (!mapV || !mapS) return this.offsetOf(this.srcStart + v);
    let k = mapV.length - 1;
    while (k > 0 && mapV[k]! > v) k--;
    return this.offsetOf(mapS[k]! + (v - mapV[k]!));
  }
}

class Parser {
  private i = 0;
  private readonly s: string;
  private pending: PendingHeredoc[] = [];

  get problem(): string | undefined {
    return this.ctx.problem;
  }

  set problem(value: string | undefined) {
    this.ctx.problem ??= value;
  }

  constructor(
    private readonly src: ShSource,
    private readonly ctx: Ctx,
    private readonly parent: ShCommand | undefined,
    private readonly inSubstitution: boolean,
    private readonly stopAt?: string,
  ) {
    this.s = src.text;
  }

  /** Parses until end of input (or the closing `)` when stopAt is set); returns the index after it. */
  parseScript(): number {
    while (this.i < this.s.length) {
      this.skipBlanks(true);
      if (this.i >= this.s.length) break;
      if (this.stopAt && this.s[this.i] === this.stopAt) return this.i + 1;
      const before = this.i;
      this.parsePipeline();
      this.skipBlanks(false);
      const c = this.s[this.i];
      if (c === ';' || c === '&') {
        const and = this.s.startsWith('&&', this.i);
        this.i += this.s.startsWith(';;', this.i) || and ? 2 : 1;
        if (and) this.expectCommand('`&&`');
      } else if (c === '|' && this.s[this.i + 1] === '|') {
        this.i += 2;
        this.expectCommand('`||`');
      } else if (c === '\n') this.newline();
      else if (c === ')' && !this.stopAt) this.i++;
      if (this.i === before) this.i++; // never loop without progress
    }
    this.flushExternalHeredocs();
    return this.i;
  }

  /** After `&&`/`||`: a command must follow (half-typed input often stops right there). */
  private expectCommand(operator: string): void {
    this.skipBlanks(true);
    const c = this.s[this.i];
    if (c === undefined || c === '&' || c === '|' || c === ';' || (c === ')' && this.stopAt === ')')) this.problem = `${operator} with no command after it`;
  }

  private newline(): void {
    this.i++;
    if (this.pending.length) this.readHeredocBodies();
  }

  private skipBlanks(newlines: boolean): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else if (c === '\\' && this.s[this.i + 1] === '\n') this.i += 2;
      else if (c === '\n' && newlines) this.newline();
      else if (c === '#') {
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      } else break;
    }
  }

  private parsePipeline(): void {
    const pipeline: ShPipeline = { elements: [] };
    for (;;) {
      this.skipBlanks(false);
      const element = this.parseCommand(pipeline, pipeline.elements.length);
      if (element.length === 0 && pipeline.elements.length > 0) {
        // `curl … | && …` or a trailing `|` while typing: no command reads the pipe.
        this.problem = 'a pipe with no command after it';
        break;
      }
      pipeline.elements.push(element);
      this.skipBlanks(false);
      if (this.s[this.i] === '|' && this.s[this.i + 1] !== '|') {
        this.i += this.s[this.i + 1] === '&' ? 2 : 1;
        this.skipBlanks(true);
        continue;
      }
      break;
    }
  }

  /** One pipeline element: a simple command, or the commands of a subshell/group/control structure. */
  private parseCommand(pipeline: ShPipeline, pipeIndex: number): ShCommand[] {
    const first = this.ctx.all.length;
    const c = this.s[this.i];
    if (c === '(') {
      if (this.s[this.i + 1] === '(') {
        this.skipArithmetic();
      } else {
        this.i++;
        const sub = new Parser({ text: this.s, offsetOf: this.src.offsetOf }, this.ctx, this.parent, this.inSubstitution, ')');
        sub.i = this.i;
        sub.pending = this.pending;
        this.i = sub.parseScript();
        this.pending = sub.pending;
        if (sub.problem) this.problem = sub.problem;
      }
      this.parseRedirectsOnly();
      return this.collect(first, pipeline, pipeIndex);
    }
    const assignments: ShWord[] = [];
    const words: ShWord[] = [];
    const redirects: ShRedirect[] = [];
    const heredocsHere: PendingHeredoc[] = [];
    // Redirections after `}`, `fi` or `done` belong to the compound command, not to a new empty one.
    let closedCompound = false;
    while (this.i < this.s.length) {
      this.skipBlanks(false);
      const ch = this.s[this.i];
      if (ch === undefined || ch === '\n' || ch === ';' || ch === '&' && this.s[this.i + 1] !== '>' || ch === '|' || ch === ')') break;
      if (ch === '(' && words.length === 1 && this.s[this.i + 1] === ')') {
        // `name() { … }`: a function definition; its body is parsed as ordinary commands.
        this.i += 2;
        words.length = 0;
        break;
      }
      if (ch === '(') {
        if (words.length === 0 && assignments.length === 0) break;
        this.i++;
        continue;
      }
      const redirect = this.tryRedirect();
      if (redirect) {
        redirects.push(redirect.redirect);
        if (redirect.heredoc) heredocsHere.push(redirect.heredoc);
        continue;
      }
      const word = this.readWord();
      if (!word) {
        this.i++;
        continue;
      }
      if (words.length === 0) {
        if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(word.raw)) {
          assignments.push(word);
          continue;
        }
        if (assignments.length === 0 && !word.quoted) {
          if (RESERVED_PREFIX.has(word.value)) continue;
          if (RESERVED_END.has(word.value)) {
            closedCompound = true;
            continue;
          }
          if (word.value === 'for' || word.value === 'select') {
            this.skipUntilDo();
            continue;
          }
          if (word.value === 'case') {
            this.parseCase();
            return this.collect(first, pipeline, pipeIndex);
          }
          if (word.value === '[[') {
            this.skipUntil(']]');
            continue;
          }
          if (word.value === 'function') continue;
        }
      }
      words.push(word);
    }
    if (words.length || assignments.length || (redirects.length && !closedCompound) || heredocsHere.length) {
      const cmd = makeCommand(this.ctx, words, assignments, redirects, pipeline, pipeIndex, this.parent, this.inSubstitution);
      for (const h of heredocsHere) h.command = cmd;
      this.pending.push(...heredocsHere);
    }
    return this.collect(first, pipeline, pipeIndex);
  }

  private collect(first: number, pipeline: ShPipeline, pipeIndex: number): ShCommand[] {
    const out = this.ctx.all.slice(first).filter((c) => c.parent === this.parent && !c.inSubstitution === !this.inSubstitution);
    for (const c of out) {
      // Commands of a subshell keep their own pipeline when they have one: `(curl … | sh) | cat`.
      if (c.pipeline.elements.length > 1 && c.pipeline !== pipeline) continue;
      c.pipeline = pipeline;
      c.pipeIndex = pipeIndex;
    }
    return out;
  }

  private parseRedirectsOnly(): void {
    for (;;) {
      this.skipBlanks(false);
      const r = this.tryRedirect();
      if (!r) return;
      if (r.heredoc) this.pending.push(r.heredoc);
    }
  }

  private skipArithmetic(): void {
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.s[this.i++];
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return;
    }
  }

  private skipUntilDo(): void {
    while (this.i < this.s.length) {
      this.skipBlanks(true);
      const w = this.readWord();
      if (!w) {
        if (this.s[this.i] === ';' || this.s[this.i] === '\n') this.i++;
        else if (this.i < this.s.length) this.i++;
        continue;
      }
      if (w.value === 'do' && !w.quoted) return;
    }
  }

  private skipUntil(token: string): void {
    while (this.i < this.s.length) {
      this.skipBlanks(true);
      const w = this.readWord();
      if (w?.value === token) return;
      if (!w && this.i < this.s.length) this.i++;
    }
  }

  private parseCase(): void {
    // case WORD in  (pattern) list ;; … esac
    this.skipBlanks(true);
    this.readWord();
    this.skipBlanks(true);
    const inWord = this.readWord();
    if (inWord?.value !== 'in') return;
    while (this.i < this.s.length) {
      this.skipBlanks(true);
      if (this.s[this.i] === ';') {
        this.i++;
        continue;
      }
      const save = this.i;
      const w = this.peekWordValue();
      if (w === 'esac') {
        this.readWord();
        return;
      }
      this.i = save;
      // Pattern list up to `)`.
      if (this.s[this.i] === '(') this.i++;
      while (this.i < this.s.length && this.s[this.i] !== ')') {
        if (this.s[this.i] === '\n') this.i++;
        else if (!this.readWord()) this.i++;
      }
      this.i++;
      // Commands until `;;`, `;&`, `;;&` or `esac`.
      while (this.i < this.s.length) {
        this.skipBlanks(true);
        if (this.s.startsWith(';;', this.i) || this.s.startsWith(';&', this.i)) {
          this.i += this.s.startsWith(';;&', this.i) ? 3 : 2;
          break;
        }
        const save2 = this.i;
        if (this.peekWordValue() === 'esac') {
          this.i = save2;
          break;
        }
        this.i = save2;
        const before = this.i;
        this.parsePipeline();
        this.skipBlanks(false);
        const c = this.s[this.i];
        if (c === '&' && this.s[this.i + 1] === '&') this.i += 2;
        else if (c === '|' && this.s[this.i + 1] === '|') this.i += 2;
        else if (c === ';' && this.s[this.i + 1] !== ';' && this.s[this.i + 1] !== '&') this.i++;
        else if (c === '&') this.i++;
        else if (c === '\n') this.newline();
        if (this.i === before) this.i++;
      }
    }
  }

  private peekWordValue(): string | undefined {
    const w = this.readWord();
    return w && !w.quoted ? w.value : undefined;
  }

  private tryRedirect(): { redirect: ShRedirect; heredoc?: PendingHeredoc } | undefined {
    const c0 = this.s.charCodeAt(this.i);
    // Only `<`, `>`, `&` or a digit can start a redirection.
    if (c0 !== 60 && c0 !== 62 && c0 !== 38 && !(c0 >= 48 && c0 <= 57)) return undefined;
    const m = /^(\d*|&)(<<<|<<-|<<|>>|&>>|>&|<&|>\||<>|>|<)/.exec(this.s.slice(this.i, this.i + 6));
    if (!m) return undefined;
    // `<(…)` and `>(…)` are process substitutions, read as words.
    if ((m[2] === '<' || m[2] === '>') && m[1] === '' && this.s[this.i + 1] === '(') return undefined;
    if (m[1] === '&' && m[2] !== '>' && m[2] !== '>>') return undefined;
    this.i += m[0].length;
    const op = m[1] === '&' ? `&${m[2]}` : m[2]!;
    this.skipBlanks(false);
    const target = this.readWord();
    const redirect: ShRedirect = { op, ...(m[1] && m[1] !== '&' ? { fd: m[1] } : {}), ...(target ? { target } : {}) };
    if ((op === '<<' || op === '<<-') && target) {
      return { redirect, heredoc: { redirect, delimiter: target.value, stripTabs: op === '<<-', quoted: target.quoted } };
    }
    return { redirect };
  }

  /** After a newline: here-document bodies written in this source. */
  private readHeredocBodies(): void {
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) {
      const start = this.i;
      let end = this.s.length;
      let next = this.s.length;
      while (this.i < this.s.length) {
        let lineEnd = this.s.indexOf('\n', this.i);
        if (lineEnd < 0) lineEnd = this.s.length;
        let line = this.s.slice(this.i, lineEnd).replace(/\r$/, '');
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) {
          end = this.i;
          next = Math.min(lineEnd + 1, this.s.length);
          break;
        }
        this.i = lineEnd + 1;
      }
      this.i = Math.min(next, this.s.length);
      this.attachHeredoc(h, this.s.slice(start, Math.min(end, this.s.length)), (k) => this.src.offsetOf(start + k));
    }
  }

  /** `RUN cat <<EOF` written on one logical line: the bodies are the Dockerfile's heredocs, in order. */
  private flushExternalHeredocs(): void {
    if (this.stopAt) return;
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) {
      const external = this.ctx.externalHeredocs.shift();
      if (!external) continue;
      const base = external.body.start;
      this.attachHeredoc(h, external.content, (k) => base + k);
    }
  }

  private attachHeredoc(h: PendingHeredoc, content: string, offsetOf: (i: number) => number): void {
    h.redirect.heredoc = { content, start: offsetOf(0), quoted: h.quoted };
    const cmd = h.command;
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(content);
    const interpreter = shebang ? commandName(shebang[1] === '/usr/bin/env' || shebang[1] === 'env' ? (shebang[2] ?? '') : shebang[1]!) : undefined;
    // `RUN <<EOF` alone runs the body with the stage's shell (or its shebang); a shell reading stdin runs it too.
    const bare = cmd !== undefined && cmd.words.length === 0 && cmd.assignments.length === 0 && (interpreter === undefined || SHELLS.has(interpreter));
    if (bare || (cmd && SHELLS.has(cmd.name) && h.redirect.fd === undefined && !hasScriptArgument(cmd))) {
      nested(this.ctx, cmd, { text: content, offsetOf }, false);
    }
  }

  /** Reads one word at the cursor, or undefined at a metacharacter. */
  private readWord(): ShWord | undefined {
    const s = this.s;
    const start = this.i;
    if (start >= s.length) return undefined;
    const first = s[start]!;
    const procSubst = (first === '<' || first === '>') && s[start + 1] === '(';
    if (META.has(first) && !procSubst) return undefined;
    let value = '';
    // value index → source index, recorded where they stop being contiguous (only for quoted/escaped words)
    let mapV: number[] | undefined;
    let mapS: number[] | undefined;
    const mark = (): void => {
      if (!mapV || !mapS) {
        mapV = [0];
        mapS = [start];
      }
      mapV.push(value.length);
      mapS.push(this.i);
    };
    let quoted = false;
    let dynamic = false;
    let subs: ShScript[] = NO_SCRIPTS;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if ((c === '<' || c === '>') && s[this.i + 1] === '(') {
        const text = this.readBalanced(this.i + 2, '(', ')');
        (subs === NO_SCRIPTS ? (subs = []) : subs).push(this.subScript(this.i + 2, text));
        value += s.slice(this.i, this.i + 2 + text.length + 1);
        this.i += 2 + text.length + 1;
        dynamic = true;
        continue;
      }
      if (META.has(c)) break;
      if (c === '\\') {
        if (s[this.i + 1] === '\n') {
          this.i += 2;
          mark();
          continue;
        }
        quoted = true;
        this.i++;
        mark();
        if (this.i < s.length) value += s[this.i++];
        continue;
      }
      if (c === "'") {
        quoted = true;
        const close = s.indexOf("'", this.i + 1);
        const endQ = close < 0 ? s.length : close;
        if (close < 0) this.problem = 'unterminated single quote';
        this.i++;
        mark();
        value += s.slice(this.i, endQ);
        this.i = Math.min(endQ + 1, s.length);
        mark();
        continue;
      }
      if (c === '"') {
        quoted = true;
        this.i++;
        mark();
        while (this.i < s.length && s[this.i] !== '"') {
          const d = s[this.i]!;
          if (d === '\\' && this.i + 1 < s.length && '$`"\\\n'.includes(s[this.i + 1]!)) {
            this.i++;
            mark();
            if (s[this.i] !== '\n') value += s[this.i];
            this.i++;
            continue;
          }
          if (d === '$' || d === '`') {
            const before = this.i;
            if (this.readDollarOrBacktick((subs === NO_SCRIPTS ? (subs = []) : subs))) {
              dynamic = true;
              value += s.slice(before, this.i);
              continue;
            }
          }
          value += d;
          this.i++;
        }
        if (this.i >= s.length) this.problem = 'unterminated double quote';
        this.i++;
        mark();
        continue;
      }
      if (c === '$' && s[this.i + 1] === "'") {
        // ANSI-C quoting: keep the text, escapes are rare in Dockerfiles.
        quoted = true;
        const close = s.indexOf("'", this.i + 2);
        const endQ = close < 0 ? s.length : close;
        this.i += 2;
        mark();
        value += s.slice(this.i, endQ);
        this.i = Math.min(endQ + 1, s.length);
        mark();
        continue;
      }
      if (c === '$' || c === '`') {
        const before = this.i;
        if (this.readDollarOrBacktick((subs === NO_SCRIPTS ? (subs = []) : subs))) {
          dynamic = true;
          value += s.slice(before, this.i);
          continue;
        }
      }
      // A run of ordinary characters is appended in one slice.
      let j = this.i + 1;
      for (let cc = s.charCodeAt(j); j < s.length && (cc >= 128 || SPECIAL[cc] === 0); cc = s.charCodeAt(++j));
      value += s.slice(this.i, j);
      this.i = j;
    }
    if (this.i === start) return undefined;
    const end = this.i;
    const offsetOf = this.src.offsetOf;
    // The end is that of the last character, so a word that ends a nested script stops before the closing quote.
    return new Word(value, s.slice(start, end), offsetOf(start), offsetOf(end - 1) + 1, quoted, dynamic, subs, start, offsetOf, mapV, mapS);
  }

  /** At `$…` or a backquote: consumes an expansion; returns false for a lone `$`. */
  private readDollarOrBacktick(subs: ShScript[]): boolean {
    const s = this.s;
    const c = s[this.i];
    if (c === '`') {
      let j = this.i + 1;
      while (j < s.length && s[j] !== '`') j += s[j] === '\\' ? 2 : 1;
      const text = s.slice(this.i + 1, Math.min(j, s.length));
      subs.push(this.subScript(this.i + 1, text));
      this.i = Math.min(j + 1, s.length);
      return true;
    }
    const n = s[this.i + 1];
    if (n === '(' && s[this.i + 2] === '(') {
      const text = this.readBalanced(this.i + 2, '(', ')');
      this.i += 2 + text.length + 1;
      if (s[this.i] === ')') this.i++;
      return true;
    }
    if (n === '(') {
      const text = this.readBalanced(this.i + 2, '(', ')');
      subs.push(this.subScript(this.i + 2, text));
      this.i = Math.min(this.i + 2 + text.length + 1, s.length);
      return true;
    }
    if (n === '{') {
      const text = this.readBalanced(this.i + 2, '{', '}');
      this.i = Math.min(this.i + 2 + text.length + 1, s.length);
      return true;
    }
    if (n !== undefined && /[A-Za-z0-9_@*#?$!-]/.test(n)) {
      let j = this.i + 1;
      if (/[A-Za-z_]/.test(n)) while (j < s.length && /[A-Za-z0-9_]/.test(s[j]!)) j++;
      else j++;
      this.i = j;
      return true;
    }
    return false;
  }

  /** Text from `from` to the matching close (quote-aware), without the close. */
  private readBalanced(from: number, open: string, close: string): string {
    const s = this.s;
    let depth = 1;
    let j = from;
    while (j < s.length) {
      const c = s[j]!;
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === "'" && open === '(') {
        const q = s.indexOf("'", j + 1);
        j = q < 0 ? s.length : q + 1;
        continue;
      }
      if (c === '"') {
        j++;
        while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
        j++;
        continue;
      }
      if (c === open) depth++;
      else if (c === close && --depth === 0) return s.slice(from, j);
      j++;
    }
    this.problem = `unterminated ${open}`;
    return s.slice(from, Math.min(j, s.length));
  }

  private subScript(from: number, text: string): ShScript {
    const commands: ShCommand[] = [];
    if (this.ctx.depth > 8) return { commands };
    const before = this.ctx.all.length;
    this.ctx.depth++;
    const p = new Parser({ text, offsetOf: (k) => this.src.offsetOf(from + k) }, this.ctx, this.parent, true);
    p.parseScript();
    this.ctx.depth--;
    commands.push(...this.ctx.all.slice(before));
    return { commands };
  }
}

function hasScriptArgument(cmd: ShCommand): boolean {
  return cmd.argv.slice(1).some((w) => !w.value.startsWith('-') || w.value === '-c' || /^-[a-z]*c[a-z]*$/.test(w.value));
}

function makeCommand(
  ctx: Ctx,
  words: ShWord[],
  assignments: ShWord[],
  redirects: ShRedirect[],
  pipeline: ShPipeline,
  pipeIndex: number,
  parent: ShCommand | undefined,
  inSubstitution: boolean,
): ShCommand {
  const argv = unwrap(words);
  const first = words[0] ?? assignments[0];
  const last = words[words.length - 1] ?? assignments[assignments.length - 1];
  const cmd: ShCommand = {
    words,
    argv,
    name: argv[0] ? commandName(argv[0].value) : '',
    assignments,
    redirects,
    pipeline,
    pipeIndex,
    inSubstitution,
    start: first?.start ?? 0,
    end: last?.end ?? 0,
    order: ctx.order++,
    ...(parent ? { parent } : {}),
  };
  ctx.all.push(cmd);
  expandNested(ctx, cmd);
  return cmd;
}

/** The name a command is known by: the basename of its first word. */
export function commandName(value: string): string {
  return basename(value);
}

/** Skips `sudo`, `env`, `exec`, `command`, `nice`, `nohup`, `time`, `timeout`, `gosu`, `su-exec`, `busybox`. */
function unwrap(words: ShWord[]): ShWord[] {
  let i = 0;
  for (let guard = 0; guard < 8 && i < words.length; guard++) {
    const name = commandName(words[i]!.value);
    if (name === 'sudo' || name === 'doas') {
      i++;
      while (i < words.length && words[i]!.value.startsWith('-')) {
        const opt = words[i]!.value;
        i += /^-[ugCDhprT]$|^--(user|group|chdir|prompt)$/.test(opt) ? 2 : 1;
      }
    } else if (name === 'env') {
      i++;
      while (i < words.length && (words[i]!.value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!.value))) i += /^-[uCS]$/.test(words[i]!.value) ? 2 : 1;
    } else if (name === 'exec' || name === 'command' || name === 'nohup' || name === 'time' || name === 'builtin') {
      i++;
      while (i < words.length && words[i]!.value.startsWith('-')) i++;
    } else if (name === 'nice') {
      i++;
      if (words[i]?.value === '-n') i += 2;
      else if (words[i]?.value.startsWith('-')) i++;
    } else if (name === 'timeout') {
      i++;
      while (i < words.length && words[i]!.value.startsWith('-')) i += /^-[sk]$/.test(words[i]!.value) ? 2 : 1;
      i++; // duration
    } else if (name === 'gosu' || name === 'su-exec' || name === 'chpst') {
      i += 2;
    } else if (name === 'busybox' && words[i + 1] && !words[i + 1]!.value.startsWith('-')) {
      i++;
    } else break;
  }
  return words.slice(Math.min(i, words.length));
}

/** `sh -c 'script'`, `bash -ec "…"`, `su -c '…'`, `eval "…"`: the script is parsed as nested commands. */
function expandNested(ctx: Ctx, cmd: ShCommand): void {
  if (ctx.depth > 8) return;
  const argv = cmd.argv;
  let script: ShWord | undefined;
  if (SHELLS.has(cmd.name) || cmd.name === 'su' || cmd.name === 'runuser') {
    for (let k = 1; k < argv.length; k++) {
      const v = argv[k]!.value;
      if (v === '-c' || v === '--command' || (/^-[a-zA-Z]+$/.test(v) && v.includes('c') && SHELLS.has(cmd.name))) {
        // Options such as `-o pipefail` may sit between the flag group and the script.
        let j = k + 1;
        while (j < argv.length && argv[j]!.value.startsWith('-')) j += argv[j]!.value === '-o' ? 2 : 1;
        script = argv[j];
        break;
      }
      if (v === '-o' || v === '+o') k++;
      else if (!v.startsWith('-') && !v.startsWith('+')) break;
    }
  } else if (cmd.name === 'eval' && argv.length > 1) {
    const words = argv.slice(1);
    if (words.length === 1) script = words[0];
  }
  if (!script || script.value === '') return;
  // `sh -c "$(curl …)"`: the substitution is already parsed as part of the word.
  if (/^\s*(\$\(|`)/.test(script.value) && script.substitutions.length) return;
  const w = script;
  nested(ctx, cmd, { text: w.value, offsetOf: (i) => w.offsetOfValue(i) }, false);
}

function nested(ctx: Ctx, parent: ShCommand, source: ShSource, inSubstitution: boolean): void {
  ctx.depth++;
  const p = new Parser(source, ctx, parent, inSubstitution || parent.inSubstitution);
  p.parseScript();
  ctx.depth--;
}

/** One option as read: `name` is a letter or a long name, `word` the word it was written in, `index` its place there. */
export interface ReadOption {
  name: string;
  word: ShWord;
  /** Index in `word.value` of the letter or of the long name (after the dashes). */
  index: number;
  /** The option's value, when the table says it takes one: the rest of the word, after `=`, or the next word. */
  value?: ShWord;
}

/** The options of a command, read through one option table. */
export interface ParsedOptions {
  /** Short flags (letters) and long options (without dashes), mapped to the word that set them (the last one). */
  flags: Map<string, ShWord>;
  /** Non-option arguments. */
  operands: ShWord[];
  /** Values of options declared as taking one (`-o file`, `--output=file`), as words with their own offsets. */
  values: Map<string, ShWord[]>;
  /** Every option in order. */
  list: ReadOption[];
}

/** The part of a word's value from `from` on, as a word whose offsets point into the document. */
export function sliceWord(w: ShWord, from: number): ShWord {
  if (from <= 0) return w;
  const value = w.value.slice(from);
  const start = w.offsetOfValue(from);
  return {
    value,
    raw: value,
    start,
    end: w.end,
    quoted: w.quoted,
    dynamic: w.dynamic && /[$`]/.test(value),
    substitutions: w.substitutions,
    offsetOfValue: (i) => w.offsetOfValue(from + i),
  };
}

/**
 * Parses getopt-style options. `withValue` lists options that take a value (short letters and long names);
 * `--name=value` always carries its value. Dynamic words are operands.
 */
export function parseOptions(args: readonly ShWord[], withValue: ReadonlySet<string> = new Set(), style: { singleDashLong?: boolean } = {}): ParsedOptions {
  const flags = new Map<string, ShWord>();
  const values = new Map<string, ShWord[]>();
  const operands: ShWord[] = [];
  const list: ReadOption[] = [];
  const add = (name: string, word: ShWord, index: number, value?: ShWord): void => {
    flags.set(name, word);
    list.push({ name, word, index, ...(value ? { value } : {}) });
    if (!value) return;
    const known = values.get(name);
    if (known) known.push(value);
    else values.set(name, [value]);
  };
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (v === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    // Go's flag package: `-ldflags=…` and `--ldflags …` are the same long option.
    const dashes = v.startsWith('--') ? 2 : style.singleDashLong && v.startsWith('-') ? 1 : 0;
    if (dashes && v.length > dashes) {
      const eq = v.indexOf('=');
      const name = eq >= 0 ? v.slice(dashes, eq) : v.slice(dashes);
      if (eq >= 0) add(name, w, dashes, sliceWord(w, eq + 1));
      else if (withValue.has(name) && args[i + 1]) add(name, w, dashes, args[++i]!);
      else add(name, w, dashes);
      continue;
    }
    if (v.startsWith('-') && v.length > 1 && !/^-\d/.test(v)) {
      for (let k = 1; k < v.length; k++) {
        const letter = v[k]!;
        if (withValue.has(letter)) {
          if (k + 1 < v.length) add(letter, w, k, sliceWord(w, k + 1));
          else if (args[i + 1]) add(letter, w, k, args[++i]!);
          else add(letter, w, k);
          break;
        }
        add(letter, w, k);
      }
      continue;
    }
    operands.push(w);
  }
  return { flags, operands, values, list };
}
