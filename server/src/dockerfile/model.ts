// Parses a Dockerfile once and derives what rules share: instructions as BuildKit splits them (continuations,
// comment lines, heredocs, escape directive), stages, base images, SHELL, USER and ARG/ENV values per stage.
// dockerfile-ast stays available (lazily) for editor features and suppressions that use its node API.
import { DockerfileParser } from 'dockerfile-ast';
import type { Dockerfile, From, Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import { isShellName, parseShell, type ShScript } from './shell';
import { parseImageRef, type ImageReference } from '../images/reference';

export type { Span, DWord, DFlag, Heredoc } from './words';
import type { Span, DWord, DFlag, Heredoc } from './words';

export interface KeyValue {
  key: string;
  keySpan: Span;
  value?: string;
  valueSpan?: Span;
}

export interface InstructionNode extends Span {
  /** Upper-case keyword. */
  keyword: string;
  keywordSpan: Span;
  /** 0-based line of the keyword. */
  line: number;
  /** The arguments as BuildKit sees them: escape+newline and comment lines removed, heredoc bodies excluded. */
  text: string;
  flags: DFlag[];
  /** Where the arguments after the flags start in `text`. */
  argsIndex: number;
  /** Whitespace-separated words after the flags. */
  args: DWord[];
  /** Exec form (`["a", "b"]`), when the arguments are a JSON string array. */
  json?: DWord[];
  heredocs: Heredoc[];
  /** The instruction an `ONBUILD` registers. */
  trigger?: InstructionNode;
  /** Maps an index in `text` to a document offset. */
  offsetOf(index: number): number;
}

export interface ImageRef {
  /** The image text as written, e.g. `nginx:1.27@sha256:…`. */
  text: string;
  range: Range;
  name: string;
  nameRange: Range;
  tag?: string;
  tagRange?: Range;
  digest?: string;
  digestRange?: Range;
  /** The reference contains `$VAR` / `${VAR}`. */
  hasVariables: boolean;
  /** The reference with global ARG defaults substituted, when every variable has a known value. */
  resolved?: string;
  /** Registry host (`docker.io` when none is written), from the resolved reference when there is one. */
  registry?: string;
  /** The reference that is pulled: the written text, or the resolved one when it has variables (then `ref.spans` point into `resolved`). */
  ref?: ImageReference;
  span: Span;
}

export interface Stage {
  /** Position in `stages`. */
  index: number;
  /**
   * Instructions written before any `FROM` (a half-typed file, a fragment) form an implicit first stage with an
   * unknown base: it has no FROM node, no image and no name, and rules check its instructions as usual.
   */
  implicit: boolean;
  /** dockerfile-ast's FROM node (editor features, suppressions); undefined for the implicit stage. */
  readonly from: From | undefined;
  fromNode?: InstructionNode;
  /** The stage's first instruction: its FROM, or the first instruction of the implicit stage. */
  firstNode: InstructionNode;
  /** `AS name`, lower-cased as BuildKit compares it. */
  name?: string;
  /** Undefined for `scratch` and for a stage built on an earlier stage. */
  image?: ImageRef;
  /** The earlier stage this one builds on (`FROM builder`). */
  parent?: Stage;
  /** dockerfile-ast's instruction nodes of the stage. */
  readonly instructions: Instruction[];
  nodes: InstructionNode[];
  isFinal: boolean;
  /** Windows image (escape directive, Windows base image or a cmd/PowerShell SHELL). */
  windows: boolean;
}

export interface Directive {
  name: string;
  value: string;
  span: Span;
}

export interface DockerfileModel {
  readonly ast: Dockerfile;
  /** dockerfile-ast's instructions (editor features, suppressions). */
  readonly instructions: Instruction[];
  nodes: InstructionNode[];
  comments: Span[];
  directives: Directive[];
  stages: Stage[];
  finalStage?: Stage;
  escapeChar: string;
  /**
   * Global ARGs (before the first FROM), name → default (undefined when declared without one). A default that names
   * earlier global ARGs is expanded (`ARG IMAGE=${BASE}:${TAG}`), as BuildKit expands meta args in order.
   */
  globalArgs: Map<string, string | undefined>;
  stageOf(node: InstructionNode): Stage | undefined;
  /** The SHELL in effect for a RUN/CMD/ENTRYPOINT node. */
  shellOf(node: InstructionNode): string[];
  /** The shell script of a RUN (shell form with a POSIX shell, or exec form running `sh -c`); cached. */
  scriptOf(node: InstructionNode): ShScript | undefined;
  /** Value of a variable visible at a node (ARG default or ENV in its stage, or global ARG for FROM). */
  variable(node: InstructionNode, name: string): string | undefined;
  /** Substitutes known variables; undefined when any is unknown. */
  expand(node: InstructionNode, text: string): string | undefined;
}

/** A SHELL (or default shell) that runs RUN bodies as POSIX shell scripts. */
export function isPosixShell(shell: readonly string[]): boolean {
  return isShellName(shell[0] ?? '', { busybox: true });
}

export function parseDockerfile(file: SourceFile): DockerfileModel {
  const lexed = lexDockerfile(file.text);
  let ast: Dockerfile | undefined;
  const getAst = (): Dockerfile => (ast ??= DockerfileParser.parse(file.text));
  const nodes = lexed.nodes;
  const stages: Stage[] = [];
  const stageByNode = new Map<InstructionNode, Stage>();
  const globalArgs = new Map<string, string | undefined>();
  let current: Stage | undefined;
  let froms = 0;
  for (const node of nodes) {
    if (node.keyword === 'FROM') {
      current = makeStage(file, node, stages, globalArgs, getAst, lexed.escape, froms++);
      stages.push(current);
    } else if ((!current || current.implicit) && node.keyword === 'ARG') {
      // Meta args: every ARG before the first FROM, as BuildKit reads them, even after a stray instruction.
      for (const kv of argPairs(node)) globalArgs.set(kv.key, kv.value === undefined ? undefined : (expandVars(kv.value, (n) => globalArgs.get(n)) ?? kv.value));
      current?.nodes.push(node);
    } else if (current) {
      current.nodes.push(node);
    } else {
      current = implicitStage(node, lexed.escape);
      stages.push(current);
    }
    if (current) stageByNode.set(node, current);
  }
  const finalStage = stages[stages.length - 1];
  if (finalStage) finalStage.isFinal = true;
  for (const stage of stages) {
    if (!stage.windows && stage.nodes.some((n) => n.keyword === 'SHELL' && !isPosixShell(jsonValues(n)))) stage.windows = true;
  }

  const shells = new Map<InstructionNode, string[]>();
  // The shell a child stage inherits is the last one of its parent.
  const lastShell = new Map<Stage, string[]>();
  for (const stage of stages) {
    let shell = (stage.parent ? lastShell.get(stage.parent) : undefined) ?? defaultShell(stage);
    if (stage.fromNode) shells.set(stage.fromNode, shell);
    for (const node of stage.nodes) {
      if (node.keyword === 'SHELL' && node.json?.length) shell = jsonValues(node);
      shells.set(node, shell);
    }
    lastShell.set(stage, shell);
  }
  const scripts = new Map<InstructionNode, ShScript | undefined>();
  const model: DockerfileModel = {
    get ast() {
      return getAst();
    },
    get instructions() {
      return getAst().getInstructions();
    },
    nodes,
    comments: lexed.comments,
    directives: lexed.directives,
    stages,
    ...(finalStage ? { finalStage } : {}),
    escapeChar: lexed.escape,
    globalArgs,
    stageOf: (node) => stageByNode.get(node),
    shellOf(node) {
      const stage = stageByNode.get(node);
      return shells.get(node) ?? (stage ? defaultShell(stage) : ['/bin/sh', '-c']);
    },
    scriptOf(node) {
      if (scripts.has(node)) return scripts.get(node);
      const script = scriptFor(model, file, node);
      scripts.set(node, script);
      return script;
    },
    variable: (node, name) => variableAt(model, node, name),
    expand: (node, text) => expandVars(text, (name) => variableAt(model, node, name)),
  };
  return model;
}

function defaultShell(stage: Stage): string[] {
  return stage.windows ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'];
}

function jsonValues(node: InstructionNode): string[] {
  return (node.json ?? []).map((w) => w.value);
}

function scriptFor(model: DockerfileModel, file: SourceFile, node: InstructionNode): ShScript | undefined {
  const target = node.trigger ?? node;
  if (target.keyword !== 'RUN') return undefined;
  if (target.json) {
    // Exec form runs no shell itself, but `["sh", "-c", "…"]` does.
    return parseShell({ text: '', offsetOf: () => target.start }, { execWords: target.json, heredocs: target.heredocs, file });
  }
  if (!isPosixShell(model.shellOf(node))) return undefined;
  const body = target.text.slice(target.argsIndex);
  const base = target.argsIndex;
  return parseShell({ text: body, offsetOf: (i) => target.offsetOf(base + i) }, { heredocs: target.heredocs, file });
}

function variableAt(model: DockerfileModel, node: InstructionNode, name: string): string | undefined {
  const stage = model.stageOf(node);
  if (!stage || node === stage.fromNode) return model.globalArgs.get(name);
  // ARG defaults and ENV values are expanded with what is set before them, as BuildKit does.
  const env = new Map<string, string | undefined>();
  const expand = (value: string): string => expandVars(value, (n) => env.get(n)) ?? value;
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.unshift(s);
  outer: for (const s of chain) {
    for (const n of s.nodes) {
      if (n === node) break outer;
      if (n.keyword === 'ENV') {
        for (const kv of envPairs(n)) env.set(kv.key, kv.value === undefined ? undefined : expand(kv.value));
      } else if (n.keyword === 'ARG') {
        // `ARG NAME` inside a stage re-imports the global default.
        for (const kv of argPairs(n)) env.set(kv.key, kv.value === undefined ? model.globalArgs.get(kv.key) : expand(kv.value));
      }
    }
  }
  const value = env.get(name);
  // A value that still names an unknown variable is not known.
  return value !== undefined && !/\$(\{[A-Za-z_]|[A-Za-z_])/.test(value) ? value : undefined;
}

/** Substitutes `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`; undefined when a value is unknown. */
export function expandVars(text: string, lookup: (name: string) => string | undefined): string | undefined {
  if (!text.includes('$')) return text;
  let failed = false;
  const out = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = lookup(name);
    if (op === ':-' || op === '-') return value === undefined || (op === ':-' && value === '') ? (word ?? '') : value;
    if (op === ':+' || op === '+') return value !== undefined && (op === '+' || value !== '') ? (word ?? '') : '';
    if (value === undefined) failed = true;
    return value ?? '';
  });
  return failed ? undefined : out;
}

function makeStage(
  file: SourceFile,
  node: InstructionNode,
  stages: Stage[],
  globalArgs: Map<string, string | undefined>,
  getAst: () => Dockerfile,
  escape: string,
  fromIndex: number,
): Stage {
  const index = stages.length;
  const [imageWord, asWord, nameWord] = node.args;
  const name = asWord && asWord.value.toLowerCase() === 'as' && nameWord ? nameWord.value.toLowerCase() : undefined;
  // `FROM base-${VARIANT}` names an earlier stage when the global ARG default expands to one.
  const baseText = imageWord ? (imageWord.value.includes('$') ? expandVars(imageWord.value, (n) => globalArgs.get(n)) : imageWord.value) : undefined;
  const imageLower = baseText?.toLowerCase();
  const parent = imageLower ? [...stages].reverse().find((s) => s.name === imageLower) : undefined;
  const stage: Stage = {
    index,
    implicit: false,
    get from(): From | undefined {
      return getAst().getFROMs()[fromIndex];
    },
    fromNode: node,
    firstNode: node,
    ...(name ? { name } : {}),
    ...(parent ? { parent } : {}),
    get instructions(): Instruction[] {
      const froms = getAst().getFROMs();
      const from = froms[fromIndex];
      if (!from) return [];
      const next = froms[fromIndex + 1];
      const all = getAst().getInstructions();
      const start = all.indexOf(from);
      const end = next ? all.indexOf(next) : all.length;
      return all.slice(start + 1, end);
    },
    nodes: [],
    isFinal: false,
    windows: escape === '`' || (parent?.windows ?? false),
  };
  if (!parent && imageWord && imageLower !== 'scratch') {
    stage.image = imageRefOf(file, imageWord, globalArgs);
    const img = (stage.image.resolved ?? imageWord.value).toLowerCase();
    if (/(^|\/)(windows|nanoserver|servercore|windowsservercore)([:/@-]|$)|mcr\.microsoft\.com\/windows/.test(img) || /(nanoserver|windowsservercore|ltsc20)/.test(img)) stage.windows = true;
  }
  return stage;
}

function implicitStage(node: InstructionNode, escape: string): Stage {
  return { index: 0, implicit: true, from: undefined, firstNode: node, instructions: [], nodes: [node], isFinal: false, windows: escape === '`' };
}

function imageRefOf(file: SourceFile, word: DWord, globalArgs: Map<string, string | undefined>): ImageRef {
  const text = word.value;
  const hasVariables = text.includes('$');
  const expanded = hasVariables ? expandVars(text, (n) => globalArgs.get(n)) : undefined;
  // A default that still names an unknown variable does not resolve the reference.
  const resolved = expanded !== undefined && !expanded.includes('$') ? expanded : undefined;
  // Parts come from the written text (a tag or digest written after `${BASE}` still has its place); what is
  // pulled is the resolved text when every variable is known.
  const written = parseImageRef(text);
  const pulled = hasVariables ? (resolved ? parseImageRef(resolved) : undefined) : written;
  // Offsets are only exact when the word has no quotes or escapes, which image references never need.
  const exact = word.raw === word.value;
  const off = (i: number): number => (exact ? word.start + i : i === 0 ? word.start : word.end);
  const spans = written?.spans;
  const nameEnd = spans?.name.end ?? text.length;
  const ref: ImageRef = {
    text,
    span: { start: word.start, end: word.end },
    range: file.rangeOf(word.start, word.end),
    name: text.slice(0, nameEnd),
    nameRange: file.rangeOf(word.start, off(nameEnd)),
    hasVariables,
  };
  if (written?.tag !== undefined && spans?.tag) {
    ref.tag = written.tag;
    ref.tagRange = file.rangeOf(off(spans.tag.start), off(spans.tag.end));
  }
  if (written?.digest !== undefined && spans?.digest) {
    ref.digest = written.digest;
    ref.digestRange = file.rangeOf(off(spans.digest.start), off(spans.digest.end));
  }
  if (resolved !== undefined) ref.resolved = resolved;
  if (pulled) {
    ref.ref = pulled;
    ref.registry = pulled.domain;
  }
  return ref;
}

/** Instructions of a stage with the given keyword (upper-case). */
export function instructionsOf(stage: Stage, keyword: string): InstructionNode[] {
  return stage.nodes.filter((i) => i.keyword === keyword);
}

/** `ENV a=b c=d` or the legacy `ENV a b c`. */
export function envPairs(node: InstructionNode): KeyValue[] {
  const args = node.args;
  const first = args[0];
  if (!first) return [];
  if (!first.raw.includes('=')) {
    const rest = args.slice(1);
    const last = rest[rest.length - 1];
    const kv: KeyValue = { key: first.value, keySpan: span(first) };
    if (rest.length && last) {
      kv.value = rest.map((w) => w.value).join(' ');
      kv.valueSpan = { start: rest[0]!.start, end: last.end };
    }
    return [kv];
  }
  return args.map(pairOf);
}

/** `ARG a=b c` (several names per ARG since Dockerfile 1.5). */
export function argPairs(node: InstructionNode): KeyValue[] {
  return node.args.map(pairOf);
}

function pairOf(word: DWord): KeyValue {
  const eq = word.raw.indexOf('=');
  if (eq < 0) return { key: word.value, keySpan: span(word) };
  const key = word.raw.slice(0, eq);
  const rawValue = word.raw.slice(eq + 1);
  return { key, keySpan: { start: word.start, end: word.start + eq }, value: unquote(rawValue), valueSpan: { start: word.start + eq + 1, end: word.end } };
}

function span(s: Span): Span {
  return { start: s.start, end: s.end };
}

function unquote(raw: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < raw.length) out += raw[++i];
      else out += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < raw.length) out += raw[++i];
    else out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Lexer: splits the text into instructions the way BuildKit's parser does.

interface Lexed {
  nodes: InstructionNode[];
  comments: Span[];
  directives: Directive[];
  escape: string;
}

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const DIRECTIVE_NAMES = new Set(['escape', 'syntax', 'check']);

export function lexDockerfile(text: string): Lexed {
  const starts: number[] = [];
  const ends: number[] = [];
  {
    // Lines end at \n (a trailing \r is dropped), as BuildKit's line scanner splits them.
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (;;) {
      starts.push(i);
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      ends.push(end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      if (nl < 0) break;
      i = nl + 1;
    }
  }
  const lineCount = starts.length;
  const directives: Directive[] = [];
  const comments: Span[] = [];
  let escape = '\\';
  let li = 0;
  for (; li < lineCount; li++) {
    const line = text.slice(starts[li]!, ends[li]!);
    const m = DIRECTIVE.exec(line);
    if (!m || !DIRECTIVE_NAMES.has(m[1]!.toLowerCase())) break;
    const name = m[1]!.toLowerCase();
    directives.push({ name, value: m[2]!, span: { start: starts[li]!, end: ends[li]! } });
    comments.push({ start: starts[li]!, end: ends[li]! });
    if (name === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const esc = escape.charCodeAt(0);
  const nodes: InstructionNode[] = [];
  const firstNonBlank = (l: number): number => {
    let i = starts[l]!;
    const e = ends[l]!;
    while (i < e && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    return i;
  };
  /** Index of the continuation escape on line l (from `from`), or -1: BuildKit's `([^\\])\\[ \t]*$|^\\[ \t]*$`. */
  const continuation = (l: number, from: number): number => {
    let e = ends[l]! - 1;
    while (e >= from && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e--;
    if (e < from || text.charCodeAt(e) !== esc) return -1;
    // An escaped escape (`C:\\`) ends the line: BuildKit does not continue it (dockerfile-ast does).
    if (e > from && text.charCodeAt(e - 1) === esc) return -1;
    return e;
  };
  while (li < lineCount) {
    const s = firstNonBlank(li);
    const e = ends[li]!;
    if (s >= e) {
      li++;
      continue;
    }
    if (text.charCodeAt(s) === 35 /* # */) {
      comments.push({ start: s, end: e });
      li++;
      continue;
    }
    // Logical line: segments of document text joined without separators, as BuildKit joins continuation lines.
    const segText: string[] = [];
    const segL: number[] = [];
    const segR: number[] = [];
    let logicalLen = 0;
    const push = (from: number, to: number): void => {
      segText.push(text.slice(from, to));
      segL.push(logicalLen);
      segR.push(from);
      logicalLen += to - from;
    };
    let from = s;
    let lastLine = li;
    let cont = continuation(li, s);
    push(from, cont >= 0 ? cont : e);
    let endOffset = e;
    while (cont >= 0 && lastLine + 1 < lineCount) {
      lastLine++;
      const ls = firstNonBlank(lastLine);
      const le = ends[lastLine]!;
      if (ls >= le) continue; // empty continuation line (deprecated, still accepted)
      if (text.charCodeAt(ls) === 35) {
        comments.push({ start: ls, end: le });
        continue;
      }
      from = starts[lastLine]!;
      cont = continuation(lastLine, from);
      push(from, cont >= 0 ? cont : le);
      endOffset = le;
    }
    const logical = segText.join('');
    // Callers walk forward through the text, so the search starts at the previous segment.
    let cursor = 0;
    const offsetOf = (i: number): number => {
      let k = cursor;
      while (k > 0 && segL[k]! > i) k--;
      while (k + 1 < segL.length && segL[k + 1]! <= i) k++;
      cursor = k;
      const rel = i - segL[k]!;
      const segLen = segText[k]!.length;
      // Past a segment's end (its continuation escape), map to that end.
      return segR[k]! + Math.min(rel, segLen);
    };
    const node = makeNode(logical, offsetOf, escape);
    li = lastLine + 1;
    // Heredoc bodies follow the instruction's last line, one after another.
    const target = node.trigger ?? node;
    if (target.heredocs.length) {
      for (const h of target.heredocs) {
        const bodyStart = li < lineCount ? starts[li]! : text.length;
        let closed = false;
        let bodyEnd = text.length;
        for (; li < lineCount; li++) {
          let line = text.slice(starts[li]!, ends[li]!);
          if (h.stripTabs) line = line.replace(/^\t+/, '');
          if (line === h.name) {
            bodyEnd = starts[li]!;
            endOffset = ends[li]!;
            closed = true;
            li++;
            break;
          }
        }
        if (!closed) endOffset = text.length;
        h.body = { start: bodyStart, end: Math.max(bodyStart, bodyEnd) };
        h.content = text.slice(h.body.start, h.body.end);
        h.closed = closed;
      }
    }
    node.end = Math.max(node.end, endOffset);
    if (node.trigger) node.trigger.end = node.end;
    nodes.push(node);
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const n of nodes) {
    n.line = lineOf(n.keywordSpan.start);
    if (n.trigger) n.trigger.line = lineOf(n.trigger.keywordSpan.start);
  }
  return { nodes, comments, directives, escape };
}

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const FLAG_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'FROM', 'HEALTHCHECK']);

function makeNode(logical: string, offsetOf: (i: number) => number, escape: string): InstructionNode {
  let k = 0;
  while (k < logical.length && !/\s/.test(logical[k]!)) k++;
  const keyword = logical.slice(0, k).toUpperCase();
  let a = k;
  while (a < logical.length && /\s/.test(logical[a]!)) a++;
  // A shell-form RUN body is read by the shell parser; only its leading --flags are split here.
  const words = keyword === 'RUN' ? splitFlags(logical, a, escape) : splitWords(logical, a, escape);
  const flags: DFlag[] = [];
  let argsIndex = a;
  let wi = 0;
  if (FLAG_KEYWORDS.has(keyword)) {
    for (; wi < words.length; wi++) {
      const w = words[wi]!;
      if (!w.raw.startsWith('--') || w.raw === '--') break;
      const eq = w.raw.indexOf('=');
      const flag: DFlag = { name: (eq >= 0 ? w.raw.slice(2, eq) : w.raw.slice(2)).toLowerCase(), start: offsetOf(w.start), end: offsetOf(w.end - 1) + 1 };
      if (eq >= 0) {
        flag.value = unquote(w.raw.slice(eq + 1));
        flag.valueStart = offsetOf(w.start + eq + 1);
      }
      flags.push(flag);
      argsIndex = words[wi + 1]?.start ?? logical.length;
    }
    if (keyword === 'RUN' && wi > 0) {
      // RUN words past the flags are not split, so the body starts after the last flag and its blanks.
      let i = words[wi - 1]!.end;
      while (i < logical.length && (logical[i] === ' ' || logical[i] === '\t')) i++;
      argsIndex = i;
    }
    if (wi < words.length && words[wi]!.raw === '--') {
      argsIndex = words[wi + 1]?.start ?? logical.length;
      wi++;
    }
  }
  const endOf = (i: number): number => (i > 0 ? offsetOf(i - 1) + 1 : offsetOf(0));
  const argWords = words.slice(wi).map((w) => ({ raw: w.raw, value: w.value, start: offsetOf(w.start), end: endOf(w.end) }));
  const node: InstructionNode = {
    keyword,
    keywordSpan: { start: offsetOf(0), end: offsetOf(k) },
    line: 0,
    start: offsetOf(0),
    end: endOf(logical.length),
    text: logical,
    flags,
    argsIndex,
    args: argWords,
    heredocs: [],
    offsetOf,
  };
  const rest = logical.slice(argsIndex).trim();
  if ((keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'SHELL' || keyword === 'COPY' || keyword === 'ADD' || keyword === 'VOLUME') && rest.startsWith('[')) {
    const json = jsonWords(logical, argsIndex, offsetOf);
    if (json) node.json = json;
  }
  if (keyword === 'HEALTHCHECK' && argWords[0]?.value.toUpperCase() === 'CMD') {
    const i = logical.indexOf(argWords[0].raw, argsIndex) + 3;
    if (logical.slice(i).trim().startsWith('[')) {
      const json = jsonWords(logical, i, offsetOf);
      if (json) node.json = json;
    }
  }
  if (keyword === 'RUN' && !node.json && logical.includes('<<', argsIndex)) {
    const re = /(?<=^|[\s;&|(])<<(-?)(["']?)([^<"'\s;&|()]+)\2/g;
    re.lastIndex = argsIndex;
    for (let m = re.exec(logical); m; m = re.exec(logical)) {
      node.heredocs.push({ name: m[3]!, stripTabs: m[1] === '-', quoted: m[2] !== '', marker: { start: offsetOf(m.index), end: endOf(m.index + m[0].length) }, body: { start: 0, end: 0 }, content: '', closed: false });
    }
  }
  if (HEREDOC_KEYWORDS.has(keyword) && keyword !== 'RUN' && !node.json) {
    for (const w of argWords) {
      const m = /^<<(-?)(["']?)([^<"'\s]+)\2$/.exec(w.raw);
      if (!m) continue;
      node.heredocs.push({ name: m[3]!, stripTabs: m[1] === '-', quoted: m[2] !== '', marker: { start: w.start, end: w.end }, body: { start: 0, end: 0 }, content: '', closed: false });
    }
  }
  if (keyword === 'ONBUILD' && a < logical.length) {
    node.trigger = makeNode(logical.slice(a), (i) => offsetOf(a + i), escape);
  }
  return node;
}

function splitFlags(s: string, from: number, escape: string): RawWord[] {
  const out: RawWord[] = [];
  let i = from;
  while (s.startsWith('--', i)) {
    const [w] = splitWords(s.slice(0, nextBlank(s, i)), i, escape);
    if (!w) break;
    out.push(w);
    i = w.end;
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  }
  return out;
}

/** End of the word starting at i, respecting quotes (flag values such as `--mount="a b"`). */
function nextBlank(s: string, i: number): number {
  let quote = '';
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ' ' || c === '\t' || c === '\n') break;
  }
  return i;
}

interface RawWord {
  raw: string;
  value: string;
  start: number;
  end: number;
}

/** Splits on whitespace, keeping quoted runs together; `value` drops quotes and applies escapes. */
function splitWords(s: string, from: number, escape: string): RawWord[] {
  const out: RawWord[] = [];
  let i = from;
  const n = s.length;
  while (i < n) {
    let c = s.charCodeAt(i);
    while (i < n && (c === 32 || c === 9 || c === 10 || c === 13)) c = s.charCodeAt(++i);
    if (i >= n) break;
    const start = i;
    // Fast path: a word without quotes or escapes is its own value.
    let plain = true;
    for (; i < n; i++) {
      const d = s[i]!;
      if (d === ' ' || d === '\t' || d === '\n' || d === '\r') break;
      if (d === '"' || d === "'" || d === escape) {
        plain = false;
        break;
      }
    }
    if (plain) {
      const raw = s.slice(start, i);
      out.push({ raw, value: raw, start, end: i });
      continue;
    }
    i = start;
    let value = '';
    let quote = '';
    while (i < n) {
      const d = s[i]!;
      if (quote) {
        if (d === quote) quote = '';
        else if (d === escape && quote === '"' && i + 1 < n && (s[i + 1] === '"' || s[i + 1] === escape)) value += s[++i];
        else value += d;
      } else if (d === ' ' || d === '\t' || d === '\n' || d === '\r') break;
      else if (d === '"' || d === "'") quote = d;
      else if (d === escape && i + 1 < n) {
        // On Windows images (escape=`), `\` is an ordinary character; with escape=\, `\x` is x.
        value += s[++i];
      } else value += d;
      i++;
    }
    out.push({ raw: s.slice(start, i), value, start, end: i });
  }
  return out;
}

function jsonWords(logical: string, from: number, offsetOf: (i: number) => number): DWord[] | undefined {
  const body = logical.slice(from).trim();
  if (!body.endsWith(']')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string')) return undefined;
  const out: DWord[] = [];
  let i = logical.indexOf('[', from) + 1;
  for (const value of parsed as string[]) {
    const q = logical.indexOf('"', i);
    let j = q + 1;
    while (j < logical.length && logical[j] !== '"') j += logical[j] === '\\' ? 2 : 1;
    out.push({ raw: logical.slice(q, j + 1), value, start: offsetOf(q), end: offsetOf(j) + 1 });
    i = j + 1;
  }
  return out;
}
