// Large files linted document by document: a target that can split its files (Target.documents, e.g. multi-document
// YAML at `---`) has each document linted on its own and the results merged into exactly what a whole-file lint
// returns. The next lint of the same file reuses every document whose text is unchanged (matched by content), and
// hovers and code actions read the documents' suppressions and images instead of parsing the whole file.
import type { Range } from 'vscode-languageserver-types';
import { SourceFile } from './source';
import type { LintConfig } from './config';
import type { RuleSet } from './ruleSet';
import type { Finding, Fix } from './types';
import { compareDirectives, type Suppressed } from './suppress';
import type { Directive } from './directive';
import type { FileReader, ImageText, Target } from './target';
import type { DocumentPart, DocumentResults, LintResult, PlacedPart } from './result';
import type { WorkspaceFileFacts } from './workspace';
import { claimsOf, lintParsed, parseFile } from './lintFile';
import { compareFindings } from './findings';
import { ENGINE_DIAGNOSTICS } from './builtin';

/** When a file is linted by document: at least `minChars` long, in runs of documents of about `chunkChars`. */
export interface DocumentSizes {
  minChars: number;
  chunkChars: number;
}

/**
 * A one-shot lint (CLI, workspace scan): below 256 KB splitting buys nothing, and every run of documents costs a
 * fixed share of engine work, so runs are large.
 */
export const SCAN_DOCUMENTS: DocumentSizes = { minChars: 256 * 1024, chunkChars: 16 * 1024 };

/**
 * The editor lints the same text again on every keystroke and reuses every unchanged run, so a keystroke costs
 * about one small run plus the file-wide split and merge; from a few kilobytes on that beats a whole-file lint.
 */
export const EDITOR_DOCUMENTS: DocumentSizes = { minChars: 8 * 1024, chunkChars: 2 * 1024 };

/** Below this many characters a one-shot lint lints a file whole. */
export const DOCUMENTS_MIN_CHARS = SCAN_DOCUMENTS.minChars;

const ONCE_PER_FILE = new Set(Object.entries(ENGINE_DIAGNOSTICS).filter(([, meta]) => 'oncePerFile' in meta && meta.oncePerFile).map(([id]) => id));

/** Undefined when the file is not one to lint by document (small, not splittable, or a construct that spans documents). */
export function lintByDocument(
  file: SourceFile,
  config: LintConfig,
  rules: RuleSet,
  previous: LintResult | undefined,
  readFile?: FileReader,
  sizes: DocumentSizes = SCAN_DOCUMENTS,
): LintResult | undefined {
  if (file.text.length < sizes.minChars) return undefined;
  const { certain, candidates } = claimsOf(rules.targets, file);
  // The candidate the whole-file lint would try first (after its cheap look at the text).
  const target = certain ?? candidates.find((t) => !t.sniff || t.sniff(file.text));
  const splitter = target?.documents;
  if (!target || !splitter) return undefined;
  const segments = splitter.split(file.text, sizes.chunkChars);
  if (!segments) return undefined;
  let configKey: string;
  try {
    configKey = JSON.stringify(config);
  } catch {
    return undefined;
  }
  const format = splitter.format(file);
  const old = previous?.documents;
  const reusable = old && old.rules === rules && old.configKey === configKey && old.format === format ? old : undefined;
  // Keyed by the documents' own texts: the old keys keep their hashes from lint to lint, and a new segment is a slice
  // of the file, so finding the unchanged documents copies no text.
  const known = new Map(reusable?.parts.map((p) => [p.part.source, p.part]));

  const placed: PlacedPart[] = [];
  for (const s of segments) {
    const pad = s.line > 0 && splitter.hasSuppressions(s.text) ? file.eol.repeat(s.line) : '';
    let part = known.get(s.text);
    if (part && (part.suffix !== s.suffix || part.text.length !== pad.length + s.text.length + s.suffix.length || !part.text.startsWith(pad))) part = undefined;
    if (!part) {
      const own = new SourceFile(file.path, pad + s.text + s.suffix, file.languageId);
      if (splitter.format(own) !== format) return undefined;
      part = lintPart(own, target, config, rules, readFile, pad.length, s.suffix);
      if (!part) return undefined;
    }
    placed.push({ part, start: s.start, pad: pad.length, shift: pad ? 0 : s.line, line: s.line, lines: countLines(s.text) });
  }
  const accepted = placed.some((p) => p.part.kind === target.id);
  // Another candidate may take what this target does not: the whole-file lint decides.
  if (!accepted && !certain && candidates.length > 1) return undefined;
  // The whole-file pass judges suppressions in every document of an accepted file, even documents not accepted alone.
  if (accepted && placed.some((p, i) => p.part.kind !== target.id && splitter.hasSuppressions(segments[i]!.text))) return undefined;
  const documents: DocumentResults = { parts: placed, rules, configKey, format };
  if (!accepted) return { kind: target.syntax === 'yaml' ? 'yaml' : 'other', findings: [], suppressed: [], file, documents };
  return merge(file, target, rules, placed, documents, readFile);
}

function lintPart(own: SourceFile, target: Target, config: LintConfig, rules: RuleSet, readFile: FileReader | undefined, pad: number, suffix: string): DocumentPart | undefined {
  // A flat copy: a slice would keep the whole old text alive for as long as the part is kept.
  const text = flatCopy(own.text);
  const keys = { text, source: text.slice(pad, text.length - suffix.length), suffix };
  const parsed = parseFile(rules.targets, own, readFile);
  if (!parsed.target) return { ...keys, kind: parsed.kind, findings: [], suppressed: [[], [], []], directives: [], images: [] };
  if (parsed.target !== target) return undefined;
  const linted = lintParsed(target, parsed.model, parsed.error, own, config, rules);
  const suppressed: DocumentPart['suppressed'] = [[], [], []];
  linted.result.suppressed.forEach((s, i) => suppressed[linted.suppressedPhases[i]!].push(s));
  return {
    ...keys,
    kind: target.id,
    findings: linted.result.findings,
    suppressed,
    ...(linted.result.workspace ? { workspace: linted.result.workspace } : {}),
    directives: linted.directives,
    images: parsed.model === undefined ? [] : target.imageTexts(own, parsed.model),
  };
}

function merge(file: SourceFile, target: Target, rules: RuleSet, placed: PlacedPart[], documents: DocumentResults, readFile: FileReader | undefined): LintResult {
  // Findings the engine reports once per file stay in the first document that has them.
  const firstWith = new Map<string, number>();
  placed.forEach(({ part }, i) => {
    for (const f of [...part.findings, ...part.suppressed.flat().map((s) => s.finding)]) if (ONCE_PER_FILE.has(f.ruleId) && !firstWith.has(f.ruleId)) firstWith.set(f.ruleId, i);
  });
  const keep = (f: Finding, i: number) => !ONCE_PER_FILE.has(f.ruleId) || firstWith.get(f.ruleId) === i;
  const findings: Finding[] = [];
  placed.forEach(({ part, shift }, i) => {
    for (const f of part.findings) if (keep(f, i)) findings.push(shiftFinding(f, shift));
  });
  // Each document's findings are sorted and documents follow each other, so this is almost always sorted already;
  // the check costs one pass where a sort of a large file's findings costs many string comparisons.
  if (!isSorted(findings)) findings.sort(compareFindings);
  // The whole-file engine makes suppressed findings in phases: every document's parse findings, then rule findings
  // object by object, then failures of workspace facts.
  const suppressed: Suppressed[] = [];
  for (const phase of [0, 1, 2] as const) {
    placed.forEach(({ part, shift }, i) => {
      for (const s of part.suppressed[phase]) if (keep(s.finding, i)) suppressed.push(shiftSuppressed(s, shift));
    });
  }
  const workspace = mergeWorkspace(placed, rules.workspaceRulesFor(target.ruleTarget ?? target.id).map((r) => r.meta.id));
  return { kind: target.id, findings, suppressed, file, model: lazyModel(() => target.parse(file, readFile)), ...(workspace ? { workspace } : {}), documents };
}

function mergeWorkspace(placed: PlacedPart[], workspaceIds: string[]): WorkspaceFileFacts | undefined {
  const withFacts = placed.filter((p) => p.part.workspace);
  if (!withFacts.length) return undefined;
  const facts: Record<string, unknown[]> = {};
  for (const id of workspaceIds) {
    const list = withFacts.flatMap((p) => (p.part.workspace!.facts[id] ?? []).map((fact) => shiftPositions(fact, p.shift)));
    if (list.length) facts[id] = list;
  }
  const directives = withFacts.flatMap((p) => p.part.workspace!.directives.map((d) => shiftDirective(d, p.shift)));
  directives.sort(compareDirectives);
  const builds = withFacts.flatMap((p) => (p.part.workspace!.builds ?? []).map((b) => shiftPositions(b, p.shift) as typeof b));
  return { facts, directives, ...(builds.length ? { builds } : {}) };
}

/** The images a result names, with offsets in the whole file; from its documents when it was linted by document. */
export function imageTextsOf(result: LintResult, target: Target): ImageText[] {
  if (result.documents) {
    return result.documents.parts.flatMap(({ part, start, pad }) => part.images.map((image) => ({ ...image, start: image.start + start - pad, end: image.end + start - pad })));
  }
  return result.model === undefined ? [] : target.imageTexts(result.file, result.model);
}

/** Every suppression in the file, from its documents when it was linted by document. */
export function directivesOf(result: LintResult, target: Target, rules: RuleSet): Directive[] {
  if (result.documents) return result.documents.parts.flatMap(({ part, shift }) => part.directives.map((d) => shiftDirective(d, shift)));
  return result.model === undefined ? [] : target.directives(result.file, result.model, rules);
}

/** Target.suppressionLine for a finding at `range`; a file linted by document parses only the document holding it. */
export function suppressionLineOf(result: LintResult, target: Target, range: Range): number | undefined {
  if (!result.documents) return result.model === undefined ? undefined : target.suppressionLine(result.file, result.model, range);
  const at = result.documents.parts.find((p) => p.line <= range.start.line && range.start.line < p.line + Math.max(p.lines, 1));
  if (!at) return undefined;
  const own = new SourceFile(result.file.path, at.part.text, result.file.languageId);
  const line = target.suppressionLine(own, target.parse(own), shiftRange(range, -at.shift));
  return line === undefined ? undefined : line + at.shift;
}

/** Target.fileSuppressionLine; a file linted by document asks its first document. */
export function fileSuppressionLineOf(result: LintResult, target: Target): number {
  const first = result.documents?.parts[0];
  if (!first) return result.model === undefined ? 0 : target.fileSuppressionLine(result.file, result.model);
  const own = new SourceFile(result.file.path, first.part.text, result.file.languageId);
  return target.fileSuppressionLine(own, target.parse(own)) + first.shift;
}

/**
 * The whole-file model, parsed on first use: a feature that still needs it (rare: hovers and code actions read the
 * documents) pays for it then, not every edit.
 */
function lazyModel(parse: () => unknown): unknown {
  let model: object | undefined;
  const get = (): object => (model ??= parse() as object);
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(get(), key),
      has: (_, key) => Reflect.has(get(), key),
      ownKeys: () => Reflect.ownKeys(get()),
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(get(), key);
        return d && { ...d, configurable: true };
      },
    },
  );
}

function isSorted(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (compareFindings(findings[i - 1]!, findings[i]!) > 0) return false;
  return true;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function flatCopy(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function shiftRange(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function shiftFix(fix: Fix, lines: number): Fix {
  return { ...fix, edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) };
}

function shiftFinding(f: Finding, lines: number): Finding {
  if (lines === 0) return f;
  return {
    ...f,
    range: shiftRange(f.range, lines),
    ...(f.fix ? { fix: shiftFix(f.fix, lines) } : {}),
    suggestions: f.suggestions.map((s) => shiftFix(s, lines)),
  };
}

function shiftSuppressed(s: Suppressed, lines: number): Suppressed {
  if (lines === 0) return s;
  return { ...s, finding: shiftFinding(s.finding, lines), at: shiftRange(s.at, lines) };
}

function shiftDirective(d: Directive, lines: number): Directive {
  if (lines === 0) return d;
  return {
    ...d,
    range: shiftRange(d.range, lines),
    ...(d.scope ? { scope: shiftRange(d.scope, lines) } : {}),
    targets: d.targets.map((t) => ({ ...t, range: shiftRange(t.range, lines) })),
  };
}

/** Workspace facts are plain data of the rule's own shape; every position in them moves with the document. */
function shiftPositions(value: unknown, lines: number): unknown {
  if (lines === 0) return value;
  if (Array.isArray(value)) return value.map((v) => shiftPositions(v, lines));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = shiftPositions(v, lines);
  if (typeof out.line === 'number' && typeof out.character === 'number') out.line += lines;
  return out;
}
