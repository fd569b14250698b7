// Per-document memoised linting of large multi-document YAML for the editor: an edit re-lints only the documents it
// touched, and the merged result equals what `lint` returns for the whole file.
import type { Range } from 'vscode-languageserver-types';
import { claimsOf, lint, type LintInput, type LintKind, type LintResult } from '../core/engine';
import { compareFindings } from '../core/findings';
import type { LintConfig } from '../core/config';
import type { RuleSet } from '../core/ruleSet';
import type { Suppressed } from '../core/suppress';
import { isWorkspaceRule, type Finding, type Fix } from '../core/types';
import type { WorkspaceFileFacts } from '../core/workspace';
import { SourceFile } from '../core/source';
import { parseK8s, type K8sFile } from '../k8s/model';
import { indentStep } from '../k8s/edit';
import type { Directive } from '../core/directive';

export interface IncrementalOptions {
  /** Below this many characters a file is linted whole: splitting buys nothing there. */
  minChars?: number;
  /** Upper bound of the cache: segment texts plus their serialised results, in bytes (UTF-16). */
  maxCacheBytes?: number;
  /** The per-segment lint; injected by tests to count calls. */
  lint?: (input: LintInput, config: LintConfig, registry: RuleSet) => LintResult;
}

export interface IncrementalStats {
  /** Segments linted because the cache had no result for them. */
  segmentsLinted: number;
  segmentsReused: number;
  /** Files linted whole (small, not YAML, or a construct that spans documents). */
  wholeFile: number;
}

/** A run of whole YAML documents; `line` is the 0-based line it starts on in the file. */
export interface Segment {
  start: number;
  line: number;
  text: string;
  /** Appended when linting: stands for the quote characters later documents hold (see `splitDocuments`). */
  suffix: string;
}

/** What is kept of a segment's lint, in the segment's own coordinates; models are dropped to keep the cache small. */
interface Cached {
  kind: LintKind;
  findings: Finding[];
  suppressed: Suppressed[];
  workspace?: WorkspaceFileFacts;
}

interface Entry {
  value: Cached;
  cost: number;
}

export const DEFAULT_MIN_CHARS = 256 * 1024;
export const DEFAULT_MAX_CACHE_BYTES = 64 * 1024 * 1024;

const TEMPLATED = 'shipshape/templated-yaml';
/** Engine findings that come from parsing a document; the whole-file engine reports them before any rule's. */
const PARSE_IDS = new Set(['shipshape/parse-error', TEMPLATED, 'shipshape/yaml-limit']);
/** Same markers as suppress/yaml.ts: a suppression comment may be about the next document's first node. */
const COMMENT_MARKERS = /shipshape-ignore|checkov:skip|bridgecrew:skip|cortex:skip|trivy:ignore/;

export class IncrementalLinter {
  readonly stats: IncrementalStats = { segmentsLinted: 0, segmentsReused: 0, wholeFile: 0 };
  private readonly minChars: number;
  private readonly maxCacheBytes: number;
  private readonly lintFn: (input: LintInput, config: LintConfig, registry: RuleSet) => LintResult;
  /** Insertion order is recency order: a hit moves its entry to the end. */
  private readonly cache = new Map<string, Entry>();
  private cacheBytes = 0;
  private readonly registryIds = new WeakMap<RuleSet, number>();
  private readonly configIds = new Map<string, number>();

  constructor(options: IncrementalOptions = {}) {
    this.minChars = options.minChars ?? DEFAULT_MIN_CHARS;
    this.maxCacheBytes = options.maxCacheBytes ?? DEFAULT_MAX_CACHE_BYTES;
    this.lintFn = options.lint ?? lint;
  }

  lint(input: LintInput, config: LintConfig, registry: RuleSet): LintResult {
    const segments = input.text.length < this.minChars || !isKubernetesCandidate(registry, input) ? undefined : splitDocuments(input.text);
    const prefix = segments && this.keyPrefix(config, registry);
    const merged = segments && prefix !== undefined ? this.merge(input, segments, prefix, config, registry) : undefined;
    if (merged) return merged;
    this.stats.wholeFile++;
    return this.lintFn(input, config, registry);
  }

  get cachedBytes(): number {
    return this.cacheBytes;
  }

  private merge(input: LintInput, segments: Segment[], prefix: string, config: LintConfig, registry: RuleSet): LintResult | undefined {
    const whole = new SourceFile(input.path, input.text, input.languageId);
    const step = indentStep(whole);
    const inputs: { text: string; shift: number }[] = [];
    for (const s of segments) {
      // Suppression messages name lines ("the list item on line 12"): such segments are linted at their own lines.
      const pad = s.line > 0 && COMMENT_MARKERS.test(s.text) ? whole.eol.repeat(s.line) : '';
      const text = pad + s.text + s.suffix;
      // Fixes follow the file's line break and indentation step, which the engine reads from the file's start.
      const own = new SourceFile(input.path, text, input.languageId);
      if (own.eol !== whole.eol || indentStep(own) !== step) return undefined;
      inputs.push({ text, shift: pad ? 0 : s.line });
    }
    const parts = segments.map((segment, i) => ({ segment, ...inputs[i]!, value: this.segment(input, inputs[i]!.text, prefix, config, registry) }));
    const kind: LintKind = parts.some((p) => p.value.kind === 'k8s') ? 'k8s' : 'yaml';
    // The whole-file engine runs the suppression pass over every document of a Kubernetes file, including documents
    // that are not Kubernetes on their own, so their suppression comments would be judged (unknown, unused) there.
    if (kind === 'k8s' && parts.some((p) => p.value.kind !== 'k8s' && COMMENT_MARKERS.test(p.segment.text))) return undefined;
    const k8s = lazyK8s(whole);
    if (kind === 'yaml') return { kind, findings: [], suppressed: [], file: whole };

    // The engine reports templated YAML once per file, on the first templated Kubernetes document.
    const templatedAt = parts.findIndex((p) => p.value.findings.some(isTemplated) || p.value.suppressed.some((s) => isTemplated(s.finding)));
    const findings: Finding[] = [];
    const suppressed: Suppressed[] = [];
    parts.forEach(({ shift, value }, i) => {
      const keep = (f: Finding) => i === templatedAt || !isTemplated(f);
      for (const f of value.findings) if (keep(f)) findings.push(shiftFinding(f, shift));
      for (const s of value.suppressed) if (keep(s.finding)) suppressed.push(shiftSuppressed(s, shift));
    });
    // Already in order; a stable sort keeps ties in document order, as the engine's sort does.
    findings.sort(compareFindings);
    const workspaceIds = registry.forTarget('k8s').filter(isWorkspaceRule).map((r) => r.meta.id);
    // The engine's suppressed list follows the order findings were made: parse findings of every document first,
    // then rule findings object by object, then failures of workspace facts.
    const group = (s: Suppressed): number =>
      PARSE_IDS.has(s.finding.ruleId) ? 0 : s.finding.ruleId === 'shipshape/internal-error' && workspaceIds.some((id) => s.finding.message.startsWith(`Rule ${id} failed`)) ? 2 : 1;
    suppressed.sort((a, b) => group(a) - group(b));
    const result: LintResult = { kind, findings, suppressed, file: whole, model: k8s };
    const workspace = mergeWorkspace(parts, workspaceIds);
    return workspace ? { ...result, workspace } : result;
  }

  private segment(input: LintInput, text: string, prefix: string, config: LintConfig, registry: RuleSet): Cached {
    const key = prefix + text;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      this.stats.segmentsReused++;
      return hit.value;
    }
    this.stats.segmentsLinted++;
    const r = this.lintFn({ ...input, text }, config, registry);
    const value: Cached = { kind: r.kind, findings: r.findings, suppressed: r.suppressed, ...(r.workspace ? { workspace: r.workspace } : {}) };
    // A fresh flat key: a slice of the document would keep the whole old text alive for as long as it is cached.
    const ownKey = flatCopy(key);
    const cost = 2 * ownKey.length + 2 * JSON.stringify(value).length;
    if (cost <= this.maxCacheBytes) {
      this.cache.set(ownKey, { value, cost });
      this.cacheBytes += cost;
      for (const [k, e] of this.cache) {
        if (this.cacheBytes <= this.maxCacheBytes) break;
        this.cache.delete(k);
        this.cacheBytes -= e.cost;
      }
    }
    return value;
  }

  /**
   * Hosts build a fresh config object per lint, so the key is its content; a config that is not plain data (it
   * never is not, but the type does not promise it) is linted whole.
   */
  private keyPrefix(config: LintConfig, registry: RuleSet): string | undefined {
    let json: string;
    try {
      json = JSON.stringify(config);
    } catch {
      return undefined;
    }
    let configId = this.configIds.get(json);
    if (configId === undefined) this.configIds.set(json, (configId = this.configIds.size));
    let registryId = this.registryIds.get(registry);
    if (registryId === undefined) this.registryIds.set(registry, (registryId = nextRegistryId++));
    return `${registryId}:${configId}\n`;
  }
}

let nextRegistryId = 0;

/** Only YAML that Kubernetes may claim is split by document; anything another target claims outright is linted whole. */
function isKubernetesCandidate(rules: RuleSet, input: LintInput): boolean {
  const { certain, candidates } = claimsOf(rules.targets, input);
  return certain === undefined && candidates.find((t) => !t.sniff || t.sniff(input.text))?.id === 'k8s';
}

/** A document holding both quote characters, so an unclosed quote ends at the marker as in the whole file. */
const QUOTES_AFTER = '---\n"\'"\n';

/**
 * Splits at `---` lines (the yaml lexer ends any scalar or flow collection there), so each segment parses exactly as
 * its documents do inside the whole file. Undefined when a construct could tie documents together: directives
 * (`%YAML`, `%TAG`), a BOM after the start, lone CR line breaks (not line breaks to the lexer), file-wide suppressions,
 * the once-per-file templated finding's own suppression, or a suppression comment before the first document or after
 * a `...` (it then belongs to no document). A suppression comment at the end of a segment is about the next
 * document's first node, so that segment is joined with the next.
 *
 * One lexer rule does look past a marker: an unclosed quote is first matched with the next quote character anywhere
 * in the text, and only when there is one does it end at the marker; otherwise it swallows the rest of the file. So
 * every segment but the last is linted with `QUOTES_AFTER` appended, and the last one runs from the document that
 * holds the file's last `"` or `'` to the end.
 */
export function splitDocuments(text: string): Segment[] | undefined {
  if (/^%/m.test(text) || /\r(?!\n)/.test(text) || text.indexOf('\uFEFF', 1) >= 0) return undefined;
  if (text.includes('shipshape-ignore-file') || text.includes(TEMPLATED)) return undefined;
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const at = nl + 1;
    if (text.startsWith('---', at) && isBlank(text[at + 3])) starts.push(at);
  }
  const segments: Segment[] = [];
  let line = 0;
  let pending: Segment | undefined;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? text.length;
    const chunk = text.slice(start, end);
    const current: Segment = pending ? { ...pending, text: pending.text + chunk } : { start, line, text: chunk, suffix: '' };
    line += countLines(chunk);
    const tail = trailingNonContent(current.text);
    if (COMMENT_MARKERS.test(tail)) {
      if (segments.length === 0 && tail.length === current.text.length) return undefined;
      if (/^\.\.\.(?:[ \t]|$)/m.test(tail)) return undefined;
      if (i + 1 < starts.length) {
        pending = current;
        continue;
      }
    }
    pending = undefined;
    segments.push(current);
  }
  const lastQuote = Math.min(...['"', "'"].map((q) => text.lastIndexOf(q)).filter((at) => at >= 0));
  const last = segments.findIndex((s, i) => lastQuote < (segments[i + 1]?.start ?? Infinity));
  if (last >= 0 && last < segments.length - 1) {
    const from = segments[last]!;
    segments.splice(last, segments.length - last, { ...from, text: text.slice(from.start) });
  }
  if (segments.length < 2) return undefined;
  return segments.map((s, i) => ({ ...s, suffix: i < segments.length - 1 ? QUOTES_AFTER : '' }));
}

function isBlank(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The lines after the segment's last line of content (blank, comment and `...` lines). */
function trailingNonContent(text: string): string {
  const lines = text.split('\n');
  let i = lines.length;
  while (i > 0 && /^\s*(?:#.*)?$|^\.\.\.(?:[ \t#]|$)/.test(lines[i - 1]!.replace(/\r$/, ''))) i--;
  return lines.slice(i).join('\n');
}

function flatCopy(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function isTemplated(f: Finding): boolean {
  return f.ruleId === TEMPLATED;
}

function mergeWorkspace(parts: { shift: number; value: Cached }[], workspaceIds: string[]): WorkspaceFileFacts | undefined {
  const withFacts = parts.filter((p) => p.value.workspace);
  if (!withFacts.length) return undefined;
  const facts: Record<string, unknown[]> = {};
  for (const id of workspaceIds) {
    const list = withFacts.flatMap((p) => (p.value.workspace!.facts[id] ?? []).map((fact) => shiftPositions(fact, p.shift)));
    if (list.length) facts[id] = list;
  }
  // The engine orders directives narrow-before-wide and ours-before-peers' (a stable sort), comments before
  // annotations within each group; matching it keeps which directive gets the credit for a suppression.
  const order = (d: Directive) => ((d.source === 'shipshape' ? 0 : 2) + (d.scope ? 0 : 1)) * 2 + (d.form.startsWith('#') ? 0 : 1);
  const directives = withFacts.flatMap((p) => p.value.workspace!.directives.map((d) => shiftDirective(d, p.shift)));
  directives.sort((a, b) => order(a) - order(b));
  return { facts, directives };
}

function shiftRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function shiftFix(fix: Fix, lines: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) };
}

function shiftFinding(f: Finding, lines: number): Finding {
  return {
    ...f,
    range: shiftRange(f.range, lines),
    ...(f.fix ? { fix: shiftFix(f.fix, lines) } : {}),
    suggestions: f.suggestions.map((s) => shiftFix(s, lines)),
  };
}

function shiftSuppressed(s: Suppressed, lines: number): Suppressed {
  return { ...s, finding: shiftFinding(s.finding, lines), at: shiftRange(s.at, lines) };
}

function shiftDirective(d: Directive, lines: number): Directive {
  return {
    ...d,
    range: shiftRange(d.range, lines),
    ...(d.scope ? { scope: shiftRange(d.scope, lines) } : {}),
    targets: d.targets.map((t) => ({ ...t, range: shiftRange(t.range, lines) })),
  };
}

/** Workspace facts are plain data of the rule's own shape; every position in them moves with the segment. */
function shiftPositions(value: unknown, lines: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftPositions(v, lines));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = shiftPositions(v, lines);
  if (typeof out.line === 'number' && typeof out.character === 'number') out.line += lines;
  return out;
}

/**
 * The whole-file model, parsed on first use: hovers on suppressions and image references need positions in the
 * whole text, and parsing it on every edit would undo what linting per segment saves.
 */
function lazyK8s(file: SourceFile): K8sFile {
  let parsed: K8sFile | undefined;
  const model = (): K8sFile => (parsed ??= parseK8s(file));
  return Object.freeze({
    get docs() {
      return model().docs;
    },
    get objects() {
      return model().objects;
    },
    get diagnostics() {
      return model().diagnostics;
    },
    get looksLikeKubernetes() {
      return model().looksLikeKubernetes;
    },
  });
}
