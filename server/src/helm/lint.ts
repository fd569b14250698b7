// Lints a Helm chart in place: renders it under each values scenario, runs the unchanged Kubernetes rules on the
// rendered objects and maps every finding back to its template line, with the values line as related information.
// Output that depends on an unknown region gets no finding; fixes that cannot be mapped to a source are dropped.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { SourceFile } from '../core/source';
import { lint, type LintResult } from '../core/engine';
import type { LintConfig } from '../core/config';
import type { RuleSet } from '../core/ruleSet';
import type { Finding, Fix, RelatedLocation } from '../core/types';
import { ENGINE_DIAGNOSTICS } from '../core/builtin';
import { applyEdits } from '../core/fix';
import { renderChart, type ChartFiles, type RenderedTemplate, type RenderOptions } from './chart';
import { mapRange, segAt } from './sourcemap';
import type { Seg } from './eval';
import type { K8sFile } from '../k8s/model';
import type { WorkspaceFileFacts } from '../core/workspace';
import type { Directive } from '../core/directive';

export interface HelmScenario {
  /** Shown in findings that only this scenario produces, e.g. `values-prod.yaml`. */
  name: string;
  /** Values files layered over values.yaml, relative to the chart root. */
  valuesFiles: string[];
}

export interface ChartFileResult {
  /** Absolute path of the template, values file or Chart.yaml. */
  path: string;
  findings: Finding[];
  /** Rendered YAML of the object each finding is about (same order as findings), for hovers. */
  snippets: (string | undefined)[];
  /**
   * A template's facts for workspace rules (k8s/network-policy-coverage) under values.yaml, with every range mapped
   * to the template; objects whose output the engine could not fully evaluate give none.
   */
  workspace?: WorkspaceFileFacts;
}

export interface ChartTemplateReport {
  path: string;
  scenario: string;
  objects: number;
  unknownRegions: number;
  error?: string;
}

export interface ChartLintResult {
  root: string;
  chartName: string;
  files: Map<string, ChartFileResult>;
  templates: ChartTemplateReport[];
  unknowns: string[];
}

export interface ChartLintOptions {
  render?: Omit<RenderOptions, 'valuesFiles'>;
  /** Extra values scenarios (values.yaml alone is always the first). */
  valuesFiles?: string[];
  /** Kept by the caller between lints of the same chart (the editor keeps one per chart); a fresh one per call otherwise. */
  cache?: ChartLintCache;
}

/**
 * Each template's lint of its rendered YAML, by scenario and rendered text. Rendering is cheap next to linting, so a
 * lint of the chart renders every template again and lints only those whose output changed: after a keystroke in
 * one template, that template; across scenarios, the templates the values files change. The lint of rendered text is
 * a pure function of the text, the config and the rule set, so an entry is reused only while those are the same.
 */
export class ChartLintCache {
  private key: string | undefined;
  private registry: RuleSet | undefined;
  private entries = new Map<string, { text: string; result: LintResult; fixes?: Map<string, boolean> }>();
  private used = new Set<string>();
  /** The chart's files as SourceFiles (their line index is built once), by path. */
  private sources = new Map<string, SourceFile>();
  private sourcesUsed = new Set<string>();
  /** The last lint of the chart: templates whose rendered text was linted, and those whose earlier lint was reused. */
  readonly last = { linted: 0, reused: 0 };

  /** Starts a lint of the chart: entries made under another config or rule set are dropped. */
  begin(config: LintConfig, registry: RuleSet): void {
    const key = JSON.stringify(config);
    if (key !== this.key || registry !== this.registry) this.entries.clear();
    this.key = key;
    this.registry = registry;
    this.used.clear();
    this.sourcesUsed.clear();
    this.last.linted = this.last.reused = 0;
  }

  lint(scenario: string, path: string, text: string, config: LintConfig, registry: RuleSet): LintResult {
    const id = `${scenario}\0${path}`;
    this.used.add(id);
    const hit = this.entries.get(id);
    if (hit?.text === text) {
      this.last.reused++;
      return hit.result;
    }
    this.last.linted++;
    const result = lint({ path, text, languageId: 'yaml' }, config, registry);
    this.entries.set(id, { text, result });
    return result;
  }

  /**
   * Whether a fix mapped into a template renders to the fixed output, computed once per rendered text: re-rendering
   * the template for every fix on every keystroke would cost more than the lint it saves.
   */
  fixRenders(scenario: string, path: string, text: string, fix: Fix, mapped: Fix, check: () => boolean): boolean {
    const entry = this.entries.get(`${scenario}\0${path}`);
    if (entry?.text !== text) return check();
    const key = JSON.stringify([fix.edits, mapped.edits]);
    let ok = (entry.fixes ??= new Map()).get(key);
    if (ok === undefined) entry.fixes.set(key, (ok = check()));
    return ok;
  }

  /** A chart file as a SourceFile, reused while its text is unchanged. */
  source(path: string, text: string): SourceFile {
    this.sourcesUsed.add(path);
    let s = this.sources.get(path);
    if (s?.text !== text) this.sources.set(path, (s = new SourceFile(path, text, 'yaml')));
    return s;
  }

  /** Ends the lint: templates that no longer exist (or scenarios no longer configured) are forgotten. */
  end(): void {
    for (const id of this.entries.keys()) if (!this.used.has(id)) this.entries.delete(id);
    for (const path of this.sources.keys()) if (!this.sourcesUsed.has(path)) this.sources.delete(path);
  }
}

const TEMPLATE_ERROR = 'shipshape/helm-template';

/** Scenarios for a chart: values.yaml, then values.yaml + each configured file that exists in the chart. */
export function scenariosFor(files: ChartFiles, valuesFiles: readonly string[] = []): HelmScenario[] {
  const out: HelmScenario[] = [{ name: 'values.yaml', valuesFiles: [] }];
  for (const f of valuesFiles) {
    const rel = f.replace(/^\.\//, '');
    if (files.files.has(rel)) out.push({ name: rel, valuesFiles: [rel] });
  }
  return out;
}

export function lintChart(files: ChartFiles, config: LintConfig, registry: RuleSet, options: ChartLintOptions = {}): ChartLintResult {
  const cache = options.cache ?? new ChartLintCache();
  const sourceOf = (path: string): SourceFile | undefined => {
    const rel = path.startsWith(`${files.root}/`) ? path.slice(files.root.length + 1) : undefined;
    const text = rel !== undefined ? files.files.get(rel) : undefined;
    return text === undefined ? undefined : cache.source(path, text);
  };
  const scenarios = scenariosFor(files, options.valuesFiles);
  const perScenario: Map<string, Mapped>[] = [];
  const templates: ChartTemplateReport[] = [];
  cache.begin(config, registry);
  let chartName = '';
  let unknowns: string[] = [];
  const facts = new Map<string, WorkspaceFileFacts>();
  for (const [index, scenario] of scenarios.entries()) {
    const rendered = renderChart(files, { ...options.render, valuesFiles: scenario.valuesFiles });
    chartName = rendered.chartName;
    unknowns = rendered.unknowns;
    const found = new Map<string, Mapped>();
    const add = (m: Mapped) => {
      const key = findingKey(m);
      if (!found.has(key)) found.set(key, m);
    };
    for (const p of rendered.problems) {
      const src = sourceOf(p.path);
      add({ path: p.path, finding: engineFinding(src ? src.rangeOf(p.start, p.end) : zero(), p.kind === 'syntax' ? `Template syntax error: ${p.message}` : p.message) });
    }
    for (const t of rendered.templates) {
      // Workspace facts come from the default scenario, what `helm install` without `-f` applies.
      const onFacts = index === 0 ? (w: WorkspaceFileFacts) => facts.set(t.path, w) : undefined;
      const checkFix: FixCheck = (fix, mapped) =>
        cache.fixRenders(scenario.name, t.path, t.text, fix, mapped, () => {
          const source = sourceOf(t.path);
          const again = source ? rendered.rerender?.(t.path, applyEdits(source.text, mapped.edits)) : undefined;
          return again !== undefined && !again.error && again.text === applyEdits(t.text, fix.edits);
        });
      const report = lintTemplate(t, (text) => cache.lint(scenario.name, t.path, text, config, registry), checkFix, sourceOf, add, onFacts);
      templates.push({ path: t.path, scenario: scenario.name, ...report });
    }
    perScenario.push(found);
  }
  cache.end();
  const byFile = mergeScenarios(perScenario, scenarios);
  for (const [path, workspace] of facts) {
    const entry = byFile.get(path);
    if (entry) entry.workspace = workspace;
    else byFile.set(path, { path, findings: [], snippets: [], workspace });
  }
  return { root: files.root, chartName, files: byFile, templates, unknowns };
}

interface Mapped {
  path: string;
  finding: Finding;
  snippet?: string;
}

function lintTemplate(
  t: RenderedTemplate,
  lintRendered: (text: string) => LintResult,
  checkFix: FixCheck,
  sourceOf: (path: string) => SourceFile | undefined,
  add: (m: Mapped) => void,
  onFacts?: (facts: WorkspaceFileFacts) => void,
): { objects: number; unknownRegions: number; error?: string } {
  const unknownRegions = t.segs.filter((s) => s.unknown).length;
  if (t.error) {
    // Helm stops at the first error: the template's output is incomplete, so only the error is reported.
    const src = sourceOf(t.error.file);
    const path = src ? t.error.file : t.path;
    add({ path, finding: engineFinding(src ? src.rangeOf(t.error.start, t.error.end) : zero(), `Template error: ${t.error.message}`) });
    return { objects: 0, unknownRegions, error: t.error.message };
  }
  if (!t.text.trim()) return { objects: 0, unknownRegions };
  const template = sourceOf(t.path);
  if (!template) return { objects: 0, unknownRegions };
  const result = lintRendered(t.text);
  const docs = documentSpans(result);
  const unknownAt = t.segs.filter((s) => s.unknown).map((s) => s.start);
  for (const f of result.findings) {
    const start = result.file.offsetAt(f.range.start);
    const end = result.file.offsetAt(f.range.end);
    const doc = docs.find(([s, e]) => start >= s && start <= e);
    // Never a guess: nothing is reported about a document that contains output the engine could not evaluate.
    if (unknownAt.some((u) => (doc ? u >= doc[0] && u <= doc[1] : true))) continue;
    const mapped = mapFinding(f, start, end, t, template, sourceOf, checkFix, result.file);
    if (mapped) add({ path: t.path, finding: mapped, ...(doc ? { snippet: t.text.slice(doc[0], doc[1]).trimEnd() } : {}) });
  }
  const workspace = result.workspace && onFacts ? mapWorkspaceFacts(result.workspace, result.file, t, template, docs, unknownAt) : undefined;
  if (workspace) onFacts!(workspace);
  return { objects: k8sModel(result)?.objects.length ?? 0, unknownRegions };
}

/** The Kubernetes model of a rendered template (the rules Helm runs are the Kubernetes target's). */
function k8sModel(result: LintResult): K8sFile | undefined {
  return result.kind === 'k8s' ? (result.model as K8sFile | undefined) : undefined;
}

/** Offsets of each YAML document of the rendered text. */
function documentSpans(result: LintResult): [number, number][] {
  return (k8sModel(result)?.docs ?? []).map((d) => {
    const r = d.range ?? [0, 0, 0];
    return [r[0], r[2]] as [number, number];
  });
}

/**
 * A rendered template's workspace facts with their ranges on the template. Facts are plain data whose ranges (a
 * workload's anchor) are found by shape; a fact is kept only when every range in it maps to the template and its
 * document has no unknown output, so an object the engine could not evaluate is absent, as a templated file is.
 */
function mapWorkspaceFacts(
  workspace: WorkspaceFileFacts,
  rendered: SourceFile,
  t: RenderedTemplate,
  template: SourceFile,
  docs: readonly [number, number][],
  unknownAt: readonly number[],
): WorkspaceFileFacts | undefined {
  const mapOne = (range: Range): Range | undefined => {
    const start = rendered.offsetAt(range.start);
    const end = rendered.offsetAt(range.end);
    const doc = docs.find(([s, e]) => start >= s && start <= e);
    if (unknownAt.some((u) => (doc ? u >= doc[0] && u <= doc[1] : true))) return undefined;
    const m = mapRange(t.segs, start, end);
    return m && m.file === t.path ? template.rangeOf(m.start, m.end) : undefined;
  };
  const facts: Record<string, unknown[]> = {};
  for (const [id, list] of Object.entries(workspace.facts)) {
    const kept = list.flatMap((fact) => {
      const mapped = mapRanges(fact, mapOne);
      return mapped === undefined ? [] : [mapped];
    });
    if (kept.length) facts[id] = kept;
  }
  const directives = workspace.directives.flatMap((d): Directive[] => {
    const mapped = mapRanges(d, mapOne);
    return mapped === undefined ? [] : [mapped];
  });
  const builds = (workspace.builds ?? []).flatMap((b) => {
    const mapped = mapRanges(b, mapOne);
    return mapped === undefined ? [] : [mapped];
  });
  return Object.keys(facts).length || directives.length || builds.length ? { facts, directives, ...(builds.length ? { builds } : {}) } : undefined;
}

function isRange(value: unknown): value is Range {
  const r = value as Partial<Range> | null;
  return typeof r === 'object' && r !== null && typeof r.start?.line === 'number' && typeof r.start.character === 'number' && typeof r.end?.line === 'number' && typeof r.end.character === 'number';
}

/** A copy of plain data with every range mapped; undefined when some range does not map. */
function mapRanges<T>(value: T, map: (range: Range) => Range | undefined): T | undefined {
  if (isRange(value)) return map(value) as T | undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const m = mapRanges<unknown>(item, map);
      if (m === undefined && item !== undefined) return undefined;
      out.push(m);
    }
    return out as T;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const m = mapRanges<unknown>(v, map);
      if (m === undefined && v !== undefined) return undefined;
      out[k] = m;
    }
    return out as T;
  }
  return value;
}

/** Whether a fix mapped into the template (`mapped`) renders to the rendered text the rule's own fix (`fix`) makes. */
type FixCheck = (fix: Fix, mapped: Fix) => boolean;

function mapFinding(
  f: Finding,
  start: number,
  end: number,
  t: RenderedTemplate,
  template: SourceFile,
  sourceOf: (path: string) => SourceFile | undefined,
  checkFix: FixCheck,
  rendered: SourceFile,
): Finding | undefined {
  const m = mapRange(t.segs, start, end);
  if (!m || m.file !== t.path) return undefined;
  const related: RelatedLocation[] = [];
  const valueSrc = m.value ? sourceOf(m.value.file) : undefined;
  if (m.value && valueSrc) related.push({ path: m.value.file, range: valueSrc.rangeOf(m.value.start, m.value.end), message: 'The value comes from here.' });
  const viaSrc = m.via ? sourceOf(m.via.file) : undefined;
  if (m.via && viaSrc) related.push({ path: m.via.file, range: viaSrc.rangeOf(m.via.start, m.via.end), message: 'Rendered by this template line.' });
  const mapFix = (fix: Fix) => {
    const mapped = mapFixToSource(fix, rendered, t.segs, template, sourceOf);
    // A values fix replaces one scalar spelled as rendered; a template fix must render to the fixed output.
    return mapped && (mapped.path !== undefined || checkFix(fix, mapped)) ? mapped : undefined;
  };
  const fix = f.fix ? mapFix(f.fix) : undefined;
  const { fix: _renderedFix, ...rest } = f;
  void _renderedFix;
  return {
    ...rest,
    message: f.ruleId === 'shipshape/parse-error' ? `Rendered YAML: ${f.message}` : f.message,
    range: template.rangeOf(m.start, m.end),
    suggestions: f.suggestions.flatMap((s) => mapFix(s) ?? []),
    ...(fix ? { fix } : {}),
    ...(related.length ? { related } : {}),
  };
}

/**
 * A fix of rendered text as an edit of its source: literal template text edits the template at the same place; a
 * value shown verbatim edits the values file. Anything else (text computed by a function, several sources) has no
 * source to edit, and the fix is dropped rather than pointed at rendered text.
 */
function mapFixToSource(fix: Fix, rendered: SourceFile, segs: readonly Seg[], template: SourceFile, sourceOf: (path: string) => SourceFile | undefined): Fix | undefined {
  let target: string | undefined;
  const edits: TextEdit[] = [];
  for (const e of fix.edits) {
    const s = rendered.offsetAt(e.range.start);
    const en = rendered.offsetAt(e.range.end);
    const mapped = mapEdit(s, en, segs);
    if (!mapped) return undefined;
    const file = mapped.file === template.path ? template : sourceOf(mapped.file);
    if (!file) return undefined;
    if (mapped.value) {
      // Only a scalar spelled the same in the values file as in the output, replaced by a one-line scalar.
      if (file.text.slice(mapped.start, mapped.end) !== rendered.text.slice(s, en) || /[\r\n]/.test(e.newText)) return undefined;
    } else if (file !== template) {
      // Literal text of an included helper: editing it would change every template that includes it.
      return undefined;
    }
    if (target !== undefined && target !== mapped.file) return undefined;
    target = mapped.file;
    edits.push({ range: file.rangeOf(mapped.start, mapped.end), newText: e.newText });
  }
  if (!edits.length || target === undefined) return undefined;
  return { title: fix.title, edits, ...(target !== template.path ? { path: target } : {}) };
}

function mapEdit(start: number, end: number, segs: readonly Seg[]): { file: string; start: number; end: number; value?: boolean } | undefined {
  const seg = segAt(segs, start);
  if (seg?.literal && seg.src && start >= seg.start && end <= seg.end) {
    return { file: seg.src.file, start: seg.src.start + (start - seg.start), end: seg.src.start + (end - seg.start) };
  }
  if (start === end) {
    // An insertion right after literal text belongs to that text.
    const before = segs.find((s) => s.end === start && s.literal && s.src);
    if (before?.src) return { file: before.src.file, start: before.src.start + (start - before.start), end: before.src.start + (start - before.start) };
    return undefined;
  }
  // A value shown verbatim: the rendered range is exactly one values scalar.
  const exact = segs.find((s) => s.value && s.start === start && s.end === end);
  if (exact?.value) return { file: exact.value.file, start: exact.value.start, end: exact.value.end, value: true };
  return undefined;
}

function findingKey(m: Mapped): string {
  const r = m.finding.range;
  return `${m.path}\0${m.finding.ruleId}\0${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}\0${m.finding.message}`;
}

/** One list per file; with several scenarios, a finding only some of them produce names them. */
function mergeScenarios(perScenario: Map<string, Mapped>[], scenarios: HelmScenario[]): Map<string, ChartFileResult> {
  const files = new Map<string, ChartFileResult>();
  const keys = new Set(perScenario.flatMap((m) => [...m.keys()]));
  for (const key of keys) {
    const present = perScenario.map((m) => m.get(key));
    const first = present.find((m): m is Mapped => m !== undefined)!;
    let finding = first.finding;
    if (scenarios.length > 1 && present.some((m) => !m)) {
      const names = scenarios.filter((_, i) => present[i]).map((s) => s.name);
      finding = { ...finding, message: `${finding.message} (values scenario: ${names.join(', ')})` };
    }
    let entry = files.get(first.path);
    if (!entry) files.set(first.path, (entry = { path: first.path, findings: [], snippets: [] }));
    entry.findings.push(finding);
    entry.snippets.push(first.snippet);
  }
  for (const entry of files.values()) {
    const order = entry.findings.map((f, i) => ({ f, s: entry.snippets[i] })).sort((a, b) => cmp(a.f.range, b.f.range) || a.f.ruleId.localeCompare(b.f.ruleId));
    entry.findings = order.map((o) => o.f);
    entry.snippets = order.map((o) => o.s);
  }
  return files;
}

function cmp(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function engineFinding(range: Range, message: string): Finding {
  return { ruleId: TEMPLATE_ERROR, severity: ENGINE_DIAGNOSTICS[TEMPLATE_ERROR].severity, message, range, suggestions: [] };
}

function zero(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
