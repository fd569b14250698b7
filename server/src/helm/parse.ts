// Go text/template lexer and parser with exact offsets: every node knows where it came from in the template file.
// Follows text/template/parse (lex.go, parse.go): `{{-`/`-}}` trimming, comments, pipelines, variables, control
// structures and `define`/`template`/`block`. Errors carry the offset of the offending token, like `helm lint`.

export type Node = TextNode | ActionNode | IfNode | RangeNode | WithNode | TemplateNode | BreakNode | ContinueNode;

export interface Span {
  start: number;
  end: number;
}

export interface TextNode extends Span {
  type: 'text';
  /** The text after trimming; `start` is the offset of its first character in the file. */
  text: string;
}

export interface ActionNode extends Span {
  type: 'action';
  pipe: Pipe;
}

interface Branch extends Span {
  pipe: Pipe;
  list: Node[];
  elseList?: Node[];
}

export interface IfNode extends Branch {
  type: 'if';
}
export interface WithNode extends Branch {
  type: 'with';
}
export interface RangeNode extends Branch {
  type: 'range';
}

export interface TemplateNode extends Span {
  type: 'template';
  name: string;
  pipe?: Pipe;
}

export interface BreakNode extends Span {
  type: 'break';
}
export interface ContinueNode extends Span {
  type: 'continue';
}

export interface Pipe extends Span {
  /** Variables declared (`:=`) or assigned (`=`) by this pipeline. */
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
}

export interface Command extends Span {
  args: Arg[];
}

export type Arg =
  | ({ type: 'field'; idents: string[] } & Span)
  | ({ type: 'variable'; name: string; idents: string[] } & Span)
  | ({ type: 'dot' } & Span)
  | ({ type: 'nil' } & Span)
  | ({ type: 'bool'; value: boolean } & Span)
  | ({ type: 'number'; value: number | bigint } & Span)
  | ({ type: 'string'; value: string } & Span)
  | ({ type: 'identifier'; name: string } & Span)
  | ({ type: 'pipe'; pipe: Pipe } & Span)
  | ({ type: 'chain'; node: Arg; fields: string[] } & Span);

export interface Template {
  name: string;
  /** The file the template text comes from (defines keep their file). */
  file: string;
  root: Node[];
}

export interface ParseResult {
  /** The file's own body, plus every `define`/`block` it declares. */
  main: Template;
  defines: Template[];
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

// ---- lexer ----

type TokType =
  | 'text' | 'left' | 'right' | 'comment' | 'space' | 'pipe' | 'lparen' | 'rparen' | 'comma' | 'declare' | 'assign'
  | 'string' | 'rawstring' | 'char' | 'number' | 'bool' | 'identifier' | 'field' | 'variable' | 'dot' | 'keyword' | 'eof';

interface Token extends Span {
  type: TokType;
  val: string;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'nil', 'template', 'with']);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{Nd}_]/u.test(c);

/** Splits the file into text and action tokens; text tokens are already trimmed by adjacent `{{-`/`-}}`. */
function lex(src: string, file: string): Token[] {
  const toks: Token[] = [];
  let pos = 0;
  let trimNext = false;
  const err = (msg: string, at: number, end = at + 1): never => {
    throw new TemplateError(msg, file, at, Math.min(end, src.length));
  };
  while (pos <= src.length) {
    const open = src.indexOf('{{', pos);
    let textEnd = open < 0 ? src.length : open;
    let textStart = pos;
    const trimLeft = open >= 0 && src[open + 2] === '-' && isSpace(src[open + 3]);
    if (trimNext) while (textStart < textEnd && isSpace(src[textStart])) textStart++;
    if (trimLeft) while (textEnd > textStart && isSpace(src[textEnd - 1])) textEnd--;
    if (textEnd > textStart) toks.push({ type: 'text', val: src.slice(textStart, textEnd), start: textStart, end: textEnd });
    if (open < 0) break;
    let p = open + 2 + (trimLeft ? 2 : 0);
    // Comments: `{{/*` … `*/}}`, with optional trim markers, and nothing else inside the delimiters.
    if (src.startsWith('/*', p)) {
      const close = src.indexOf('*/', p + 2);
      if (close < 0) err('unclosed comment', open, open + 2);
      let q = close + 2;
      let trimRight = false;
      if (isSpace(src[q]) && src[q + 1] === '-' && src.startsWith('}}', q + 2)) {
        trimRight = true;
        q += 2;
      }
      if (!src.startsWith('}}', q)) err('comment ends before closing delimiter', close, close + 2);
      toks.push({ type: 'comment', val: src.slice(p, close + 2), start: open, end: q + 2 });
      pos = q + 2;
      trimNext = trimRight;
      continue;
    }
    toks.push({ type: 'left', val: '{{', start: open, end: p });
    let parenDepth = 0;
    for (;;) {
      if (p >= src.length) err('unclosed action', open, open + 2);
      const c = src[p]!;
      // ` -}}` closes with a right trim.
      if (isSpace(c) && src[p + 1] === '-' && src.startsWith('}}', p + 2)) {
        if (parenDepth > 0) err('unclosed left paren', p, p + 4);
        toks.push({ type: 'right', val: '-}}', start: p + 1, end: p + 4 });
        pos = p + 4;
        trimNext = true;
        break;
      }
      if (src.startsWith('}}', p)) {
        if (parenDepth > 0) err('unclosed left paren', p, p + 2);
        toks.push({ type: 'right', val: '}}', start: p, end: p + 2 });
        pos = p + 2;
        trimNext = false;
        break;
      }
      const start = p;
      if (isSpace(c)) {
        // A space directly before `-}}` belongs to the trim marker.
        while (p < src.length && isSpace(src[p]) && !(src[p + 1] === '-' && src.startsWith('}}', p + 2))) p++;
        toks.push({ type: 'space', val: ' ', start, end: p });
        continue;
      }
      if (c === '|') { toks.push({ type: 'pipe', val: c, start, end: ++p }); continue; }
      if (c === '(') { parenDepth++; toks.push({ type: 'lparen', val: c, start, end: ++p }); continue; }
      if (c === ')') {
        if (--parenDepth < 0) err('unexpected right paren', p);
        toks.push({ type: 'rparen', val: c, start, end: ++p });
        continue;
      }
      if (c === ',') { toks.push({ type: 'comma', val: c, start, end: ++p }); continue; }
      if (c === ':') {
        if (src[p + 1] !== '=') err('expected :=', p);
        p += 2;
        toks.push({ type: 'declare', val: ':=', start, end: p });
        continue;
      }
      if (c === '=') { toks.push({ type: 'assign', val: c, start, end: ++p }); continue; }
      if (c === '"') {
        p++;
        while (src[p] !== '"') {
          if (p >= src.length || src[p] === '\n') err('unterminated quoted string', start, p);
          if (src[p] === '\\') p++;
          p++;
        }
        p++;
        toks.push({ type: 'string', val: src.slice(start, p), start, end: p });
        continue;
      }
      if (c === '`') {
        const close = src.indexOf('`', p + 1);
        if (close < 0) err('unterminated raw quoted string', start, src.length);
        p = close + 1;
        toks.push({ type: 'rawstring', val: src.slice(start, p), start, end: p });
        continue;
      }
      if (c === "'") {
        p++;
        while (src[p] !== "'") {
          if (p >= src.length || src[p] === '\n') err('unterminated character constant', start, p);
          if (src[p] === '\\') p++;
          p++;
        }
        p++;
        toks.push({ type: 'char', val: src.slice(start, p), start, end: p });
        continue;
      }
      if (c === '$') {
        p++;
        while (isAlnum(src[p])) p++;
        toks.push({ type: 'variable', val: src.slice(start, p), start, end: p });
        continue;
      }
      if (c === '.') {
        // `.5` is a number; `.Name` a field; a lone `.` is dot.
        if (/[0-9]/.test(src[p + 1] ?? '')) {
          p = scanNumber(src, p);
          toks.push({ type: 'number', val: src.slice(start, p), start, end: p });
          continue;
        }
        p++;
        while (isAlnum(src[p])) p++;
        toks.push(p - start === 1 ? { type: 'dot', val: '.', start, end: p } : { type: 'field', val: src.slice(start, p), start, end: p });
        continue;
      }
      if (/[0-9]/.test(c) || ((c === '-' || c === '+') && /[0-9.]/.test(src[p + 1] ?? ''))) {
        p = scanNumber(src, p);
        if (isAlnum(src[p])) err(`bad number syntax: "${src.slice(start, p + 1)}"`, start, p + 1);
        toks.push({ type: 'number', val: src.slice(start, p), start, end: p });
        continue;
      }
      if (isAlnum(c)) {
        while (isAlnum(src[p])) p++;
        const word = src.slice(start, p);
        const type: TokType = KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : 'identifier';
        toks.push({ type, val: word, start, end: p });
        continue;
      }
      err(`unrecognized character in action: ${JSON.stringify(c)}`, p);
    }
  }
  toks.push({ type: 'eof', val: '', start: src.length, end: src.length });
  return toks;
}

function scanNumber(src: string, p: number): number {
  if (src[p] === '+' || src[p] === '-') p++;
  if (src[p] === '0' && /[xXoObB]/.test(src[p + 1] ?? '')) {
    p += 2;
    while (/[0-9a-fA-F_]/.test(src[p] ?? '')) p++;
    return p;
  }
  while (/[0-9_]/.test(src[p] ?? '')) p++;
  if (src[p] === '.') {
    p++;
    while (/[0-9_]/.test(src[p] ?? '')) p++;
  }
  if (src[p] === 'e' || src[p] === 'E') {
    p++;
    if (src[p] === '+' || src[p] === '-') p++;
    while (/[0-9_]/.test(src[p] ?? '')) p++;
  }
  return p;
}

// ---- parser ----

/** Names callable in templates; an identifier outside this set is a parse error, as in Go. */
export type FunctionNames = ReadonlySet<string>;

/** `file` locates errors and nodes; `name` is the template's Helm name (`mychart/templates/x.yaml`). */
export function parseTemplate(src: string, file: string, funcs: FunctionNames, name = file): ParseResult {
  return new Parser(src, file, funcs).parseFile(name);
}

class Parser {
  private toks: Token[];
  private i = 0;
  private defines: Template[] = [];
  private vars: string[][] = [];
  private rangeDepth = 0;

  constructor(
    private readonly src: string,
    private readonly file: string,
    private readonly funcs: FunctionNames,
  ) {
    this.toks = lex(src, file);
  }

  private err(msg: string, at: Span): never {
    throw new TemplateError(msg, this.file, at.start, Math.max(at.end, at.start));
  }

  private peek(): Token {
    return this.toks[this.i]!;
  }
  private next(): Token {
    return this.toks[this.i++] ?? this.toks[this.toks.length - 1]!;
  }
  /** Next token inside an action, skipping spaces. */
  private nextNonSpace(): Token {
    let t = this.next();
    while (t.type === 'space') t = this.next();
    return t;
  }
  private peekNonSpace(): Token {
    const save = this.i;
    const t = this.nextNonSpace();
    this.i = save;
    return t;
  }

  parseFile(name: string): ParseResult {
    this.vars = [['$']];
    const { list, stop } = this.parseList(['eof'], false);
    if (stop.kind !== 'eof') this.err(`unexpected {{${stop.kind}}}`, stop.span);
    return { main: { name, file: this.file, root: list }, defines: this.defines };
  }

  /**
   * Parses nodes until one of `stops` (`end`, `else`, eof). Returns the list and what stopped it; the stop's action
   * has been consumed up to (not including) its closing delimiter for `else`, fully for `end`.
   */
  private parseList(stops: ('end' | 'else' | 'eof')[], inDefine: boolean): { list: Node[]; stop: { kind: 'end' | 'else' | 'eof'; span: Span } } {
    const list: Node[] = [];
    for (;;) {
      const t = this.next();
      if (t.type === 'eof') {
        if (!stops.includes('eof')) this.err('unexpected EOF', t);
        return { list, stop: { kind: 'eof', span: t } };
      }
      if (t.type === 'text') {
        list.push({ type: 'text', text: t.val, start: t.start, end: t.end });
        continue;
      }
      if (t.type === 'comment') continue;
      // t is `{{`
      const kw = this.peekNonSpace();
      if (kw.type === 'keyword') {
        switch (kw.val) {
          case 'end':
          case 'else': {
            this.nextNonSpace();
            const kind = kw.val;
            if (!stops.includes(kind)) this.err(`unexpected {{${kind}}}`, { start: t.start, end: kw.end });
            if (kind === 'end') this.expectRight(t);
            return { list, stop: { kind, span: { start: t.start, end: kw.end } } };
          }
          case 'if':
          case 'with':
          case 'range':
            this.nextNonSpace();
            list.push(this.parseBranch(kw.val, t, inDefine));
            continue;
          case 'define':
            this.nextNonSpace();
            if (inDefine || this.vars.length > 1) this.err('unexpected define: define only at top level', kw);
            this.parseDefine(t);
            continue;
          case 'block':
            this.nextNonSpace();
            list.push(this.parseBlock(t));
            continue;
          case 'template':
            this.nextNonSpace();
            list.push(this.parseTemplateCall(t));
            continue;
          case 'break':
          case 'continue': {
            this.nextNonSpace();
            if (this.rangeDepth === 0) this.err(`{{${kw.val}}} outside {{range}}`, kw);
            const r = this.expectRight(t);
            list.push({ type: kw.val, start: t.start, end: r.end });
            continue;
          }
          default:
            break;
        }
      }
      const pipe = this.parsePipeline('command', true);
      const r = this.expectRight(t);
      list.push({ type: 'action', pipe, start: t.start, end: r.end });
    }
  }

  private expectRight(open: Span): Token {
    const t = this.nextNonSpace();
    if (t.type !== 'right') this.err(`unexpected ${describe(t)} in action`, t.type === 'eof' ? open : t);
    return t;
  }

  private parseBranch(kind: 'if' | 'with' | 'range', open: Token, inDefine: boolean): IfNode | WithNode | RangeNode {
    this.vars.push([...(this.vars[this.vars.length - 1] ?? [])]);
    const pipe = this.parsePipeline(kind, kind !== 'range');
    const right = this.expectRight(open);
    if (kind === 'range') this.rangeDepth++;
    const body = this.parseList(['end', 'else'], inDefine);
    if (kind === 'range') this.rangeDepth--;
    let elseList: Node[] | undefined;
    if (body.stop.kind === 'else') {
      // `{{else if …}}` / `{{else with …}}` chain: a nested branch that shares this one's {{end}}.
      const nxt = this.peekNonSpace();
      if ((kind === 'if' || kind === 'with') && nxt.type === 'keyword' && nxt.val === kind) {
        this.nextNonSpace();
        this.vars.pop();
        this.vars.push([...(this.vars[this.vars.length - 1] ?? [])]);
        const nested = this.parseBranch(kind, { ...open, start: body.stop.span.start } as Token, inDefine);
        this.vars.pop();
        return { type: kind, pipe, list: body.list, elseList: [nested], start: open.start, end: right.end } as IfNode | WithNode;
      }
      this.expectRight(open);
      const rest = this.parseList(['end'], inDefine);
      elseList = rest.list;
    }
    this.vars.pop();
    return { type: kind, pipe, list: body.list, ...(elseList ? { elseList } : {}), start: open.start, end: right.end } as IfNode | WithNode | RangeNode;
  }

  private templateName(open: Token): Token & { name: string } {
    const t = this.nextNonSpace();
    if (t.type !== 'string' && t.type !== 'rawstring') this.err(`unexpected ${describe(t)} in template clause`, t.type === 'eof' ? open : t);
    return { ...t, name: unquote(t, (m, s) => this.err(m, s)) };
  }

  private parseDefine(open: Token): void {
    const name = this.templateName(open);
    this.expectRight(open);
    const saved = this.vars;
    this.vars = [['$']];
    const body = this.parseList(['end'], true);
    this.vars = saved;
    this.defines.push({ name: name.name, file: this.file, root: body.list });
  }

  private parseBlock(open: Token): TemplateNode {
    const name = this.templateName(open);
    const pipe = this.peekNonSpace().type === 'right' ? undefined : this.parsePipeline('block', false);
    const right = this.expectRight(open);
    const saved = this.vars;
    this.vars = [['$']];
    const body = this.parseList(['end'], true);
    this.vars = saved;
    this.defines.push({ name: name.name, file: this.file, root: body.list });
    return { type: 'template', name: name.name, ...(pipe ? { pipe } : {}), start: open.start, end: right.end };
  }

  private parseTemplateCall(open: Token): TemplateNode {
    const name = this.templateName(open);
    const pipe = this.peekNonSpace().type === 'right' ? undefined : this.parsePipeline('template', false);
    const right = this.expectRight(open);
    return { type: 'template', name: name.name, ...(pipe ? { pipe } : {}), start: open.start, end: right.end };
  }

  private parsePipeline(context: string, allowDecl: boolean): Pipe {
    const start = this.peekNonSpace().start;
    const decl: string[] = [];
    let isAssign = false;
    // Declarations: `$x :=`, `$x =`, `$i, $v :=` (range only takes two).
    const save = this.i;
    const v = this.nextNonSpace();
    if (v.type === 'variable') {
      const after = this.peekNonSpace();
      if (after.type === 'declare' || after.type === 'assign') {
        this.nextNonSpace();
        decl.push(v.val);
        isAssign = after.type === 'assign';
      } else if (after.type === 'comma' && context === 'range') {
        this.nextNonSpace();
        const v2 = this.nextNonSpace();
        if (v2.type !== 'variable') this.err('range can only initialize variables', v2);
        const op = this.nextNonSpace();
        if (op.type !== 'declare' && op.type !== 'assign') this.err(`unexpected ${describe(op)} in range`, op);
        decl.push(v.val, v2.val);
        isAssign = op.type === 'assign';
      } else this.i = save;
    } else this.i = save;
    void allowDecl;
    const scope = this.vars[this.vars.length - 1]!;
    if (isAssign) for (const d of decl) if (!this.hasVar(d)) this.err(`undefined variable "${d}"`, { start, end: start + d.length });
    const cmds: Command[] = [];
    let end = start;
    for (;;) {
      const t = this.peekNonSpace();
      if (t.type === 'right' || t.type === 'rparen' || t.type === 'eof') break;
      const cmd = this.parseCommand();
      cmds.push(cmd);
      end = cmd.end;
      const sep = this.peekNonSpace();
      if (sep.type === 'pipe') {
        this.nextNonSpace();
        continue;
      }
    }
    if (!isAssign) for (const d of decl) scope.push(d);
    if (cmds.length === 0) this.err(`missing value for ${context}`, { start, end: start + 1 });
    return { decl, isAssign, cmds, start, end };
  }

  private hasVar(name: string): boolean {
    return this.vars.some((s) => s.includes(name));
  }

  private parseCommand(): Command {
    const args: Arg[] = [];
    const start = this.peekNonSpace().start;
    let end = start;
    for (;;) {
      const t = this.peek();
      if (t.type === 'space') {
        this.next();
        continue;
      }
      if (t.type === 'right' || t.type === 'rparen' || t.type === 'pipe' || t.type === 'eof') break;
      const arg = this.parseOperand();
      args.push(arg);
      end = arg.end;
      const after = this.peek();
      if (after.type !== 'space' && after.type !== 'right' && after.type !== 'rparen' && after.type !== 'pipe') {
        this.err(`unexpected ${describe(after)} in operand`, after);
      }
    }
    if (args.length === 0) this.err('empty command', { start, end: start + 1 });
    return { args, start, end };
  }

  private parseOperand(): Arg {
    const term = this.parseTerm();
    const fields: string[] = [];
    let end = term.end;
    while (this.peek().type === 'field') {
      const f = this.next();
      fields.push(f.val.slice(1));
      end = f.end;
    }
    if (!fields.length) return term;
    switch (term.type) {
      case 'field':
        return { ...term, idents: [...term.idents, ...fields], end };
      case 'variable':
        return { ...term, idents: [...term.idents, ...fields], end };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.err(`unexpected . after term "${this.src.slice(term.start, term.end)}"`, { start: term.end, end });
        break;
      default:
        break;
    }
    return { type: 'chain', node: term, fields, start: term.start, end };
  }

  private parseTerm(): Arg {
    const t = this.next();
    const span = { start: t.start, end: t.end };
    switch (t.type) {
      case 'identifier':
        if (!this.funcs.has(t.val)) this.err(`function "${t.val}" not defined`, t);
        return { type: 'identifier', name: t.val, ...span };
      case 'dot':
        return { type: 'dot', ...span };
      case 'keyword':
        if (t.val === 'nil') return { type: 'nil', ...span };
        return this.err(`unexpected <${t.val}> in command`, t);
      case 'variable':
        if (!this.hasVar(t.val)) this.err(`undefined variable "${t.val}"`, t);
        return { type: 'variable', name: t.val, idents: [], ...span };
      case 'field':
        return { type: 'field', idents: [t.val.slice(1)], ...span };
      case 'bool':
        return { type: 'bool', value: t.val === 'true', ...span };
      case 'char':
      case 'number':
        return { type: 'number', value: parseNumber(t, (m, s) => this.err(m, s)), ...span };
      case 'string':
      case 'rawstring':
        return { type: 'string', value: unquote(t, (m, s) => this.err(m, s)), ...span };
      case 'lparen': {
        const pipe = this.parsePipeline('parenthesized pipeline', false);
        const close = this.nextNonSpace();
        if (close.type !== 'rparen') this.err('unclosed left paren', t);
        return { type: 'pipe', pipe, start: t.start, end: close.end };
      }
      default:
        return this.err(`unexpected ${describe(t)} in operand`, t);
    }
  }
}

function describe(t: Token): string {
  if (t.type === 'eof') return 'EOF';
  if (t.type === 'right') return '"}}"';
  return `"${t.val}"`;
}

function unquote(t: Token, err: (m: string, s: Span) => never): string {
  if (t.type === 'rawstring') return t.val.slice(1, -1);
  const body = t.val.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };
    if (n === 'x' || n === 'u' || n === 'U') {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) err(`invalid syntax in string ${t.val}`, t);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (n !== undefined && /[0-7]/.test(n) && /^[0-7]{3}$/.test(body.slice(i, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else if (n !== undefined && n in simple) out += simple[n]!;
    else err(`invalid syntax in string ${t.val}`, t);
  }
  return out;
}

function parseNumber(t: Token, err: (m: string, s: Span) => never): number | bigint {
  if (t.type === 'char') {
    const s = unquote({ ...t, val: `"${t.val.slice(1, -1).replace(/"/g, '\\"')}"` }, err);
    return BigInt(s.codePointAt(0) ?? 0);
  }
  const raw = t.val.replace(/_/g, '');
  const neg = raw.startsWith('-');
  const body = raw.replace(/^[+-]/, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(body) || /^0[oO][0-7]+$/.test(body) || /^0[bB][01]+$/.test(body)) {
    const v = BigInt(body.toLowerCase().replace(/^0o/, '0o'));
    return neg ? -v : v;
  }
  if (/^0[0-7]+$/.test(body)) {
    const v = BigInt('0o' + body.slice(1));
    return neg ? -v : v;
  }
  if (/^[0-9]+$/.test(body)) return neg ? -BigInt(body) : BigInt(body);
  const f = Number(raw);
  if (!Number.isFinite(f) || !/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(raw)) err(`bad number syntax: "${t.val}"`, t);
  return f;
}
