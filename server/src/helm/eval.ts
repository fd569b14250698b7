// Executes parsed templates as Go's text/template does under Helm (missingkey=zero), writing output segments that
// remember the template offset (and the values location) every rendered character came from.
import type { Arg, Command, Node, Pipe, Template } from './parse';
import { parseTemplate, TemplateError } from './parse';
import { FuncError, FUNCS, type CallContext } from './funcs';
import { ALL_FUNCTION_NAMES } from './names';
import { toYaml } from './toyaml';
import { childLoc, GoObject, goTypeName, isGoMap, isOpen, newMap, printValue, truthy, Unknown, type GoMap, type Loc } from './values';

/** One run of output text and where it came from. */
export interface Seg {
  start: number;
  end: number;
  /** The template text or action that wrote it (absent for text built inside a function, e.g. toYaml). */
  src?: Loc;
  /** Literal template text: character i maps to src.start + i. */
  literal?: boolean;
  /** The values-file node this text shows. */
  value?: Loc;
  /** For text written by an included template: where in that template it came from. */
  via?: Loc;
  /** Output that depends on something the engine could not evaluate. */
  unknown?: string;
}

export interface Rich {
  text: string;
  segs: Seg[];
}

/** An evaluated value and, for strings and scalars, where it came from. */
export interface Res {
  v: unknown;
  segs?: Seg[];
  loc?: Loc;
}

export interface Limits {
  /** Nested include/template/tpl calls. */
  maxDepth: number;
  /** Characters written by one top-level render. */
  maxOutput: number;
  /** Evaluation steps (nodes + range iterations) by one top-level render. */
  maxSteps: number;
}

export const DEFAULT_LIMITS: Limits = { maxDepth: 100, maxOutput: 4_000_000, maxSteps: 2_000_000 };

class Break {}
class Continue {}

interface Scope {
  vars: { name: string; val: Res }[];
}

interface Frame {
  dot: Res;
  scope: Scope;
  file: string;
  depth: number;
  templateName: string;
}

class Out {
  text = '';
  segs: Seg[] = [];
  constructor(private readonly budget: { left: number }) {}

  write(s: string, seg: Omit<Seg, 'start' | 'end'>): void {
    if (!s && !seg.unknown) return;
    this.charge(s.length);
    const start = this.text.length;
    const out: Seg = { start, end: start + s.length };
    if (seg.src) out.src = seg.src;
    if (seg.literal) out.literal = true;
    if (seg.value) out.value = seg.value;
    if (seg.via) out.via = seg.via;
    if (seg.unknown) out.unknown = seg.unknown;
    this.segs.push(out);
    this.text += s;
  }

  /** Output of a function or included template, lifted to the action that printed it. */
  writeRich(r: Rich, action: Loc): void {
    this.charge(r.text.length);
    const base = this.text.length;
    let pos = 0;
    const sorted = [...r.segs].sort((a, b) => a.start - b.start);
    for (const s of sorted) {
      if (s.start > pos) this.segs.push({ start: base + pos, end: base + s.start, src: action });
      this.segs.push({
        start: base + s.start,
        end: base + s.end,
        src: action,
        ...(s.value ? { value: s.value } : {}),
        ...(s.via ?? s.src ? { via: s.via ?? s.src } : {}),
        ...(s.unknown ? { unknown: s.unknown } : {}),
      });
      pos = Math.max(pos, s.end);
    }
    if (pos < r.text.length) this.segs.push({ start: base + pos, end: base + r.text.length, src: action });
    this.text += r.text;
  }

  private charge(n: number): void {
    this.budget.left -= n;
    if (this.budget.left < 0) throw new LimitError('output limit exceeded');
  }
}

class LimitError extends Error {}

export interface RenderContext {
  /** Every template by name: each chart's templates and defines share one namespace, as in Helm. */
  templates: Map<string, Template>;
  /** The top-level data (`$`): `.Values`, `.Release`, …; `.Template` is set per template. */
  top: GoMap;
  /** The chart declares dependencies that are not vendored: an undefined template may be theirs, so it is unknown. */
  missingDependencies?: boolean;
  limits?: Limits;
}

export interface RenderOutput extends Rich {
  error?: TemplateError;
}

export class Evaluator {
  private steps = 0;
  private budget: { left: number };
  private readonly limits: Limits;

  constructor(private readonly ctx: RenderContext) {
    this.limits = ctx.limits ?? DEFAULT_LIMITS;
    this.budget = { left: this.limits.maxOutput };
  }

  /** Renders a top-level template; errors (syntax, `fail`, `required`, limits) end it with a positioned error. */
  render(name: string): RenderOutput {
    this.steps = 0;
    this.budget = { left: this.limits.maxOutput };
    const t = this.ctx.templates.get(name);
    if (!t) return { text: '', segs: [], error: new TemplateError(`template "${name}" not defined`, name, 0, 0) };
    const out = new Out(this.budget);
    const top = this.topData(t);
    try {
      this.exec(t.root, { dot: { v: top }, scope: { vars: [{ name: '$', val: { v: top } }] }, file: t.file, depth: 0, templateName: name }, out);
      return { text: out.text, segs: out.segs };
    } catch (err) {
      return { text: out.text, segs: out.segs, error: this.asTemplateError(err, t.file) };
    }
  }

  /**
   * The top-level data is one map per chart, shared by its templates as in Helm: a template that sets `$.Values`
   * changes what the next one sees. Only `.Template` differs per template.
   */
  private topData(t: Template): Record<string, unknown> {
    const top = this.ctx.top;
    const chartDir = t.name.includes('/templates/') ? t.name.slice(0, t.name.lastIndexOf('/templates/')) : '';
    const tpl = newMap();
    tpl.Name = t.name;
    tpl.BasePath = chartDir ? `${chartDir}/templates` : '';
    top.Template = tpl;
    return top;
  }

  private asTemplateError(err: unknown, file: string): TemplateError {
    if (err instanceof TemplateError) return err;
    if (err instanceof RangeError) return new TemplateError('template recursion too deep', file, 0, 0);
    return new TemplateError(err instanceof Error ? err.message : String(err), file, 0, 0);
  }

  private step(): void {
    if (++this.steps > this.limits.maxSteps) throw new LimitError('evaluation step limit exceeded');
  }

  private fail(msg: string, f: Frame, at: { start: number; end: number }): never {
    throw new TemplateError(msg, f.file, at.start, at.end);
  }

  private exec(nodes: Node[], f: Frame, out: Out): void {
    for (const n of nodes) {
      this.step();
      switch (n.type) {
        case 'text':
          out.write(n.text, { src: { file: f.file, start: n.start, end: n.end }, literal: true });
          break;
        case 'action': {
          const r = this.guard(f, n, () => this.evalPipe(n.pipe, f));
          if (n.pipe.decl.length) break;
          this.print(r, { file: f.file, start: n.start, end: n.end }, out);
          break;
        }
        case 'if':
        case 'with': {
          const mark = f.scope.vars.length;
          const r = this.guard(f, n, () => this.evalPipe(n.pipe, f));
          if (r.v instanceof Unknown) {
            out.write('', { src: { file: f.file, start: n.start, end: n.end }, unknown: r.v.reason });
          } else if (truthy(r.v)) {
            this.exec(n.list, n.type === 'with' ? { ...f, dot: r } : f, out);
          } else if (n.elseList) this.exec(n.elseList, f, out);
          f.scope.vars.length = mark;
          break;
        }
        case 'range':
          this.execRange(n, f, out);
          break;
        case 'template': {
          const at = { file: f.file, start: n.start, end: n.end };
          const dot = n.pipe ? this.guard(f, n, () => this.evalPipe(n.pipe!, f)) : { v: null };
          const r = this.guard(f, n, () => this.include(n.name, dot, f));
          out.writeRich(r, at);
          break;
        }
        case 'break':
          throw new Break();
        case 'continue':
          throw new Continue();
      }
    }
  }

  /** Runs `fn`, turning function errors into template errors at the node. */
  private guard<T>(f: Frame, at: { start: number; end: number }, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof FuncError) this.fail(err.message, f, at);
      throw err;
    }
  }

  private execRange(n: Extract<Node, { type: 'range' }>, f: Frame, out: Out): void {
    const mark = f.scope.vars.length;
    const r = this.guard(f, n, () => this.evalPipe({ ...n.pipe, decl: [] }, f));
    const v = r.v instanceof GoObject && r.v.entries ? r.v.entries : r.v;
    f.scope.vars.length = mark;
    const at = { file: f.file, start: n.start, end: n.end };
    if (v instanceof Unknown) {
      out.write('', { src: at, unknown: v.reason });
      return;
    }
    const items: [Res, Res][] = [];
    if (Array.isArray(v)) v.forEach((x, i) => items.push([{ v: BigInt(i) }, { v: x, ...locOf(v, i) }]));
    else if (isGoMap(v)) for (const k of Object.keys(v).sort()) items.push([{ v: k, ...keyLocOf(v, k) }, { v: v[k], ...locOf(v, k) }]);
    else if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) {
      const count = Number(v);
      if (count > this.limits.maxSteps) throw new LimitError('range count exceeds the step limit');
      for (let i = 0; i < count; i++) items.push([{ v: BigInt(i) }, { v: BigInt(i) }]);
    } else if (v !== null && v !== undefined && v !== false && !(typeof v === 'string' && v === '')) {
      this.fail(`range can't iterate over ${printValue(v)}`, f, n);
    }
    if (!items.length) {
      if (n.elseList) this.exec(n.elseList, f, out);
      return;
    }
    for (const [key, val] of items) {
      this.step();
      const d = n.pipe.decl;
      if (d.length === 1) this.setVar(f, d[0]!, val, n.pipe.isAssign);
      else if (d.length === 2) {
        this.setVar(f, d[0]!, key, n.pipe.isAssign);
        this.setVar(f, d[1]!, val, n.pipe.isAssign);
      }
      try {
        this.exec(n.list, { ...f, dot: val }, out);
      } catch (e) {
        if (e instanceof Break) break;
        if (!(e instanceof Continue)) throw e;
      } finally {
        f.scope.vars.length = mark + (n.pipe.isAssign ? 0 : d.length);
      }
    }
    f.scope.vars.length = mark;
  }

  private setVar(f: Frame, name: string, val: Res, assign: boolean): void {
    if (assign) {
      for (let i = f.scope.vars.length - 1; i >= 0; i--) {
        if (f.scope.vars[i]!.name === name) {
          f.scope.vars[i] = { name, val };
          return;
        }
      }
    }
    f.scope.vars.push({ name, val });
  }

  private print(r: Res, at: Loc, out: Out): void {
    if (r.v instanceof Unknown) {
      out.write('', { src: at, unknown: r.v.reason });
      return;
    }
    if (typeof r.v === 'string' && r.segs) {
      out.writeRich({ text: r.v, segs: r.segs }, at);
      return;
    }
    out.write(printValue(r.v), { src: at, ...(r.loc ? { value: r.loc } : {}) });
  }

  /** Executes a named template into a string with its own segments (`include` and `{{template}}`). */
  private include(name: string, dot: Res, f: Frame): Rich {
    const t = this.ctx.templates.get(name);
    if (!t && this.ctx.missingDependencies) {
      return { text: '', segs: [{ start: 0, end: 0, unknown: `template "${name}" may come from a dependency that is not vendored` }] };
    }
    if (!t) throw new FuncError(`template: no template "${name}" associated with template "gotpl"`);
    if (f.depth + 1 > this.limits.maxDepth) throw new FuncError(`rendering template has a nested reference name: ${name}: unable to execute template`);
    const out = new Out(this.budget);
    this.exec(t.root, { dot, scope: { vars: [{ name: '$', val: dot }] }, file: t.file, depth: f.depth + 1, templateName: f.templateName }, out);
    return { text: out.text, segs: out.segs };
  }

  evalPipe(p: Pipe, f: Frame): Res {
    let r: Res | undefined;
    for (const cmd of p.cmds) r = this.evalCommand(cmd, f, r);
    const val = r ?? { v: null };
    for (const d of p.decl) this.setVar(f, d, val, p.isAssign);
    return val;
  }

  private evalCommand(cmd: Command, f: Frame, final: Res | undefined): Res {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'identifier':
        return this.call(first.name, cmd.args.slice(1), f, final, cmd);
      case 'field':
        return this.evalFields(f.dot, first.idents, cmd.args.slice(1), final, f, first);
      case 'variable': {
        const base = this.lookupVar(f, first.name, first);
        return first.idents.length ? this.evalFields(base, first.idents, cmd.args.slice(1), final, f, first) : this.noArgs(base, cmd, final, f);
      }
      case 'chain': {
        const base = this.evalArg(first.node, f);
        return this.evalFields(base, first.fields, cmd.args.slice(1), final, f, first);
      }
      default:
        return this.noArgs(this.evalArg(first, f), cmd, final, f);
    }
  }

  private noArgs(r: Res, cmd: Command, final: Res | undefined, f: Frame): Res {
    if (cmd.args.length > 1 || final) this.fail(`can't give argument to non-function ${cmd.args[0] ? describeArg(cmd.args[0]) : ''}`, f, cmd);
    return r;
  }

  private lookupVar(f: Frame, name: string, at: { start: number; end: number }): Res {
    for (let i = f.scope.vars.length - 1; i >= 0; i--) if (f.scope.vars[i]!.name === name) return f.scope.vars[i]!.val;
    return this.fail(`undefined variable: ${name}`, f, at);
  }

  evalArg(a: Arg, f: Frame): Res {
    switch (a.type) {
      case 'dot':
        return f.dot;
      case 'nil':
        return { v: null };
      case 'bool':
      case 'number':
      case 'string':
        return { v: a.value };
      case 'variable': {
        const base = this.lookupVar(f, a.name, a);
        return a.idents.length ? this.evalFields(base, a.idents, [], undefined, f, a) : base;
      }
      case 'field':
        return this.evalFields(f.dot, a.idents, [], undefined, f, a);
      case 'chain':
        return this.evalFields(this.evalArg(a.node, f), a.fields, [], undefined, f, a);
      case 'pipe': {
        const mark = f.scope.vars.length;
        const r = this.evalPipe(a.pipe, f);
        f.scope.vars.length = mark;
        return r;
      }
      case 'identifier':
        return this.call(a.name, [], f, undefined, a);
    }
  }

  /** `.A.B.C args…`: map keys and struct fields; the last element may be a method taking the arguments. */
  private evalFields(base: Res, idents: string[], args: Arg[], final: Res | undefined, f: Frame, at: { start: number; end: number }): Res {
    let cur = base;
    for (let i = 0; i < idents.length; i++) {
      const name = idents[i]!;
      const last = i === idents.length - 1;
      const v = cur.v;
      if (v instanceof Unknown) return cur;
      if (v instanceof GoObject) {
        if (name in v.fields) {
          if (last && (args.length || final)) this.fail(`${name} has arguments but cannot be invoked as function`, f, at);
          cur = { v: v.fields[name] };
          continue;
        }
        const m = v.methods[name];
        if (!m) this.fail(`can't evaluate field ${name} in type ${v.typeName}`, f, at);
        const argv = last ? [...args.map((a) => this.evalArg(a, f).v), ...(final ? [final.v] : [])] : [];
        if (argv.some((x) => x instanceof Unknown)) return { v: argv.find((x) => x instanceof Unknown) };
        cur = { v: this.guard(f, at, () => m(...argv)) };
        continue;
      }
      if (isGoMap(v)) {
        if (last && (args.length || final)) this.fail(`${name} is not a method but has arguments`, f, at);
        if (!(name in v) && isOpen(v)) return { v: new Unknown(`value ${name} may come from a dependency that is not vendored`) };
        cur = name in v ? { v: v[name], ...locOf(v, name) } : { v: null };
        continue;
      }
      if (v === null || v === undefined) {
        // Helm's missingkey=zero: a missing key inside a field chain is a nil interface, and a field of it is an
        // error. A nil from a variable, dot or parenthesised pipeline is unwrapped by Go first: its fields are nil.
        if (i === 0) return { v: null };
        this.fail(`nil pointer evaluating interface {}.${name}`, f, at);
      }
      this.fail(`can't evaluate field ${name} in type ${goTypeName(v)}`, f, at);
    }
    if (!idents.length && (args.length || final)) this.fail("can't give argument to non-function", f, at);
    return cur;
  }

  private call(name: string, argNodes: Arg[], f: Frame, final: Res | undefined, at: { start: number; end: number }): Res {
    // and/or evaluate lazily and return an operand, as Go 1.18+ does.
    if (name === 'and' || name === 'or') {
      const all = [...argNodes.map((a) => () => this.evalArg(a, f)), ...(final ? [() => final] : [])];
      if (all.length < 1) this.fail(`wrong number of args for ${name}: want at least 1 got 0`, f, at);
      let r: Res = { v: null };
      for (const next of all) {
        r = next();
        if (r.v instanceof Unknown) return r;
        if (name === 'and' ? !truthy(r.v) : truthy(r.v)) return r;
      }
      return r;
    }
    const args = [...argNodes.map((a) => this.evalArg(a, f)), ...(final ? [final] : [])];
    switch (name) {
      case 'include': {
        const [n, dot] = args;
        if (args.length !== 2) this.fail(`wrong number of args for include: want 2 got ${args.length}`, f, at);
        if (n!.v instanceof Unknown) return n!;
        const r = this.guard(f, at, () => this.include(String(n!.v), dot!, f));
        return { v: r.text, segs: r.segs };
      }
      case 'tpl':
        return this.tpl(args, f, at);
      case 'default': {
        // Sprig: `default d given…` returns given[0] unless it is empty.
        if (args.length < 1) this.fail('wrong number of args for default: want at least 1 got 0', f, at);
        if (args.length === 1) return args[0]!;
        const given = args[1]!;
        if (given.v instanceof Unknown) return given;
        return truthy(given.v) ? given : args[0]!;
      }
      case 'ternary': {
        const [a, b, c] = args;
        if (args.length !== 3) this.fail(`wrong number of args for ternary: want 3 got ${args.length}`, f, at);
        if (c!.v instanceof Unknown) return c!;
        return c!.v === true ? a! : b!;
      }
      case 'coalesce': {
        for (const a of args) {
          if (a.v instanceof Unknown) return a;
          if (truthy(a.v)) return a;
        }
        return { v: null };
      }
      default:
        break;
    }
    const unknown = args.find((a) => a.v instanceof Unknown);
    if (unknown) return unknown;
    const fn = Object.hasOwn(FUNCS, name) ? FUNCS[name] : undefined;
    if (!fn) return { v: new Unknown(`function ${name} is not evaluated`) };
    const cc: CallContext = { templateName: f.templateName };
    const v = this.guard(f, at, () => fn(args.map((a) => a.v), cc));
    return richResult(name, args, v);
  }

  private tpl(args: Res[], f: Frame, at: { start: number; end: number }): Res {
    if (args.length !== 2) this.fail(`wrong number of args for tpl: want 2 got ${args.length}`, f, at);
    const [text, dot] = args as [Res, Res];
    if (text.v instanceof Unknown) return text;
    if (typeof text.v !== 'string') this.fail(`error calling tpl: expected string, got ${goTypeName(text.v)}`, f, at);
    if (f.depth + 1 > this.limits.maxDepth) this.fail('error calling tpl: template recursion too deep', f, at);
    // The tpl text lives in a values file or a string: its own pseudo-file, with defines added to the namespace.
    const name = `${f.templateName}#tpl`;
    let parsed;
    try {
      parsed = parseTemplate(text.v, name, ALL_FUNCTION_NAMES);
    } catch (e) {
      if (e instanceof TemplateError) this.fail(`error calling tpl: ${e.message}`, f, at);
      throw e;
    }
    for (const d of parsed.defines) this.ctx.templates.set(d.name, d);
    const out = new Out(this.budget);
    try {
      this.exec(parsed.main.root, { dot, scope: { vars: [{ name: '$', val: dot }] }, file: name, depth: f.depth + 1, templateName: f.templateName }, out);
    } catch (e) {
      if (e instanceof TemplateError && e.file === name) this.fail(`error calling tpl: ${e.message}`, f, at);
      throw e;
    }
    // tpl output maps to the values location of its text when known; otherwise to the action.
    const segs: Seg[] = out.segs.map((s) => ({ start: s.start, end: s.end, ...(text.loc ? { value: text.loc } : {}), ...(s.unknown ? { unknown: s.unknown } : {}) }));
    return { v: out.text, segs };
  }
}

function locOf(container: unknown, key: string | number): { loc?: Loc } {
  const l = childLoc(container, key);
  return l ? { loc: l.value } : {};
}

function keyLocOf(container: unknown, key: string): { loc?: Loc } {
  const l = childLoc(container, key);
  return l?.key ? { loc: l.key } : {};
}

function describeArg(a: Arg): string {
  switch (a.type) {
    case 'string':
      return JSON.stringify(a.value);
    case 'number':
    case 'bool':
      return String(a.value);
    default:
      return a.type;
  }
}

/** Segments of a string result from its arguments' segments, for the functions that keep text positions. */
function richResult(name: string, args: Res[], v: unknown): Res {
  if (typeof v !== 'string') return { v };
  const a = args[args.length - 1];
  const src = a ? segsOf(a) : undefined;
  if (name === 'toYaml' || name === 'mustToYaml') {
    const y = toYaml(a?.v);
    if (y.text !== v) return { v };
    return { v, segs: y.spans.map((s) => ({ start: s.start, end: s.end, value: s.value })) };
  }
  if (!src || !a) return { v };
  const input = typeof a.v === 'string' ? a.v : printValue(a.v);
  switch (name) {
    case 'quote':
    case 'squote':
      return v.length === input.length + 2 ? { v, segs: shift(src, 1) } : { v };
    case 'toString':
    case 'upper':
    case 'lower':
    case 'trunc':
      return { v, segs: clip(src, v.length) };
    case 'trim':
    case 'trimPrefix':
    case 'trimSuffix':
    case 'trimAll': {
      const at = input.indexOf(v);
      return at >= 0 ? { v, segs: clip(shift(src, -at), v.length) } : { v };
    }
    case 'indent':
    case 'nindent': {
      const width = Number(args[0]?.v);
      if (!Number.isFinite(width)) return { v };
      return { v, segs: indentSegs(src, input, width, name === 'nindent') };
    }
    default:
      return { v };
  }
}

function segsOf(r: Res): Seg[] | undefined {
  if (r.segs) return r.segs;
  if (r.loc && (typeof r.v === 'string' || typeof r.v === 'number' || typeof r.v === 'boolean' || typeof r.v === 'bigint')) {
    const text = typeof r.v === 'string' ? r.v : printValue(r.v);
    return [{ start: 0, end: text.length, value: r.loc }];
  }
  return undefined;
}

function shift(segs: Seg[], by: number): Seg[] {
  return segs.map((s) => ({ ...s, start: Math.max(0, s.start + by), end: Math.max(0, s.end + by) }));
}

function clip(segs: Seg[], len: number): Seg[] {
  return segs.filter((s) => s.start < len).map((s) => ({ ...s, end: Math.min(s.end, len) }));
}

function indentSegs(segs: Seg[], input: string, width: number, leadingNewline: boolean): Seg[] {
  // Offsets of the input's newlines: an offset moves by one indent per newline before it.
  const newlines: number[] = [];
  for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) newlines.push(i);
  const newlinesBefore = (at: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const pos = (i: number) => i + (leadingNewline ? 1 : 0) + width * (1 + newlinesBefore(Math.min(i, input.length)));
  return segs.map((s) => ({ ...s, start: pos(s.start), end: pos(s.end) }));
}
