// A Helm chart as files in memory: Chart.yaml, values, templates and vendored subcharts, rendered the way
// `helm template` would with the given values. Nothing is read here: the host hands over the chart's files.
import { parse as parseYaml } from 'yaml';
import { Evaluator, type Limits, type Seg } from './eval';
import { ALL_FUNCTION_NAMES } from './names';
import { parseTemplate, TemplateError, type Template } from './parse';
import { toYaml } from './toyaml';
import { coalesceValues, GoObject, isGoMap, loadValues, markOpen, newMap, type GoMap } from './values';

export interface ChartFiles {
  /** Absolute path of the chart directory (no trailing slash); locations name files under it. */
  root: string;
  /** Every file of the chart tree by path relative to the root, `/`-separated (subcharts under `charts/`). */
  files: ReadonlyMap<string, string>;
}

export interface RenderOptions {
  releaseName?: string;
  namespace?: string;
  /** e.g. `v1.31.0`. */
  kubeVersion?: string;
  /** Extra API versions for `.Capabilities.APIVersions.Has`, added to the defaults. */
  apiVersions?: string[];
  /** Values files (relative to the chart root) layered over values.yaml, in order: one scenario. */
  valuesFiles?: string[];
  limits?: Limits;
}

export interface RenderedTemplate {
  /** Absolute path of the template file. */
  path: string;
  /** Helm's template name, e.g. `mychart/templates/deployment.yaml`. */
  name: string;
  text: string;
  segs: Seg[];
  error?: TemplateError;
}

export interface ChartProblem {
  /** Absolute path of the file the problem is in. */
  path: string;
  start: number;
  end: number;
  message: string;
  kind: 'syntax' | 'values' | 'chart';
}

export interface RenderResult {
  chartName: string;
  templates: RenderedTemplate[];
  /** Syntax errors of templates, broken values or Chart.yaml files. */
  problems: ChartProblem[];
  /** Parts of the chart the engine could not render (unvendored dependencies, packaged subcharts). */
  unknowns: string[];
  /**
   * Renders one template again as if its file read `text`, with the rest of the chart as rendered (the check that a
   * fix mapped into a template produces the fixed output); undefined for a file that is not a rendered template.
   */
  rerender?(path: string, text: string): RenderedTemplate | undefined;
}

const DEFAULT_KUBE_VERSION = 'v1.31.0';
/** What `helm template` assumes without a cluster (chartutil.DefaultVersionSet), plus the common resource kinds. */
const DEFAULT_API_VERSIONS = [
  'v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'policy/v1', 'networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1', 'storage.k8s.io/v1', 'apiextensions.k8s.io/v1', 'admissionregistration.k8s.io/v1',
  'scheduling.k8s.io/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'certificates.k8s.io/v1',
  'apiregistration.k8s.io/v1', 'node.k8s.io/v1', 'events.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1',
];

const TEMPLATE_FILE = /^templates\/.+\.(ya?ml|tpl|txt)$/;

interface LoadedChart {
  name: string;
  /** Path prefix of this chart inside the top chart's files ('' for the top chart, 'charts/x/' for a subchart). */
  prefix: string;
  /** Helm name prefix: `top`, `top/charts/sub`. */
  helmPath: string;
  metadata: GoMap;
  values: GoMap;
  templates: { rel: string; name: string }[];
  subcharts: { chart: LoadedChart; alias: string; condition?: string }[];
  /** Values keys of declared dependencies that are not vendored. */
  missingAliases: string[];
}

function loadChart(files: ChartFiles, prefix: string, parentHelmPath: string, problems: ChartProblem[], unknowns: string[], depth: number): LoadedChart | undefined {
  const chartYaml = files.files.get(`${prefix}Chart.yaml`);
  if (chartYaml === undefined || depth > 10) return undefined;
  let metadata: GoMap = newMap();
  try {
    const m: unknown = parseYaml(chartYaml, { prettyErrors: false, uniqueKeys: false });
    if (isGoMap(m)) metadata = m;
  } catch (e) {
    problems.push({ path: `${files.root}/${prefix}Chart.yaml`, start: 0, end: 0, message: `Chart.yaml: ${(e as Error).message.split('\n')[0]}`, kind: 'chart' });
  }
  const name = typeof metadata.name === 'string' && metadata.name ? metadata.name : prefix.split('/').filter(Boolean).pop() ?? 'chart';
  const helmPath = parentHelmPath ? `${parentHelmPath}/charts/${name}` : name;
  const valuesText = files.files.get(`${prefix}values.yaml`) ?? files.files.get(`${prefix}values.yml`);
  let values = newMap();
  if (valuesText !== undefined) {
    const valuesPath = `${files.root}/${prefix}${files.files.has(`${prefix}values.yaml`) ? 'values.yaml' : 'values.yml'}`;
    const loaded = loadValues(valuesText, valuesPath);
    if (loaded.error) problems.push({ path: valuesPath, ...loaded.error, message: `values: ${loaded.error.message}`, kind: 'values' });
    values = loaded.values;
  }
  const templates: { rel: string; name: string }[] = [];
  const subDirs = new Set<string>();
  for (const rel of files.files.keys()) {
    if (!rel.startsWith(prefix)) continue;
    const own = rel.slice(prefix.length);
    if (TEMPLATE_FILE.test(own)) templates.push({ rel, name: `${helmPath}/${own}` });
    const sub = /^charts\/([^/]+)\/Chart\.yaml$/.exec(own);
    if (sub) subDirs.add(sub[1]!);
    if (/^charts\/[^/]+\.tgz$/.test(own)) unknowns.push(`packaged subchart ${prefix}${own} is not read`);
  }
  const subcharts: LoadedChart['subcharts'] = [];
  const deps = Array.isArray(metadata.dependencies) ? metadata.dependencies.filter(isGoMap) : [];
  const loadedDirs = new Set<string>();
  for (const dir of [...subDirs].sort()) {
    const chart = loadChart(files, `${prefix}charts/${dir}/`, helmPath, problems, unknowns, depth + 1);
    if (!chart) continue;
    loadedDirs.add(chart.name);
    const aliases = deps.filter((d) => d.name === chart.name);
    if (!aliases.length) subcharts.push({ chart, alias: chart.name });
    for (const d of aliases) {
      subcharts.push({ chart, alias: typeof d.alias === 'string' && d.alias ? d.alias : chart.name, ...(typeof d.condition === 'string' ? { condition: d.condition } : {}) });
    }
  }
  const missingAliases: string[] = [];
  for (const d of deps) {
    if (typeof d.name === 'string' && !loadedDirs.has(d.name)) {
      unknowns.push(`dependency ${d.name} of ${name} is declared but not vendored under ${prefix}charts/`);
      missingAliases.push(typeof d.alias === 'string' && d.alias ? d.alias : d.name);
    }
  }
  return { name, prefix, helmPath, metadata, values, templates, subcharts, missingAliases };
}

/** Values file layered over the chart's values.yaml (a scenario). */
function scenarioValues(files: ChartFiles, base: GoMap, valuesFiles: string[], problems: ChartProblem[]): GoMap {
  let values = base;
  for (const rel of valuesFiles) {
    const text = files.files.get(rel);
    const path = `${files.root}/${rel}`;
    if (text === undefined) {
      problems.push({ path: `${files.root}/Chart.yaml`, start: 0, end: 0, message: `values file ${rel} not found in the chart`, kind: 'values' });
      continue;
    }
    const loaded = loadValues(text, path);
    if (loaded.error) problems.push({ path, ...loaded.error, message: `values: ${loaded.error.message}`, kind: 'values' });
    values = coalesceValues(values, loaded.values);
  }
  return values;
}

function chartObject(c: LoadedChart): GoObject {
  const fields: Record<string, unknown> = {};
  const special: Record<string, string> = { apiVersion: 'APIVersion', appVersion: 'AppVersion', kubeVersion: 'KubeVersion' };
  for (const [k, v] of Object.entries(c.metadata)) fields[special[k] ?? k.charAt(0).toUpperCase() + k.slice(1)] = v;
  for (const k of ['Name', 'Version', 'AppVersion', 'Description', 'Type', 'Home', 'Icon', 'APIVersion']) if (!(k in fields)) fields[k] = '';
  fields.IsRoot = c.prefix === '';
  return new GoObject('*chart.Metadata', fields);
}

function filesObject(files: ChartFiles, prefix: string, only?: string[]): GoObject {
  // `.Files` sees the chart's own files except templates and values, never anything outside the chart.
  const names = (only ?? [...files.files.keys()].filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length)))
    .filter((r) => !/^(templates\/|charts\/)/.test(r) && r !== 'Chart.yaml' && r !== 'values.yaml')
    .sort();
  const get = (name: unknown) => files.files.get(prefix + String(name)) ?? '';
  const subset = (list: string[]) => filesObject(files, prefix, list);
  const entries = newMap();
  for (const n of names) entries[n] = get(n);
  return new GoObject('files', {}, {
    Get: (name) => (names.includes(String(name)) ? get(name) : ''),
    GetBytes: (name) => (names.includes(String(name)) ? new Uint8Array(Buffer.from(get(name))) : new Uint8Array()),
    Glob: (pattern) => subset(names.filter((n) => globMatch(String(pattern), n))),
    Lines: (name) => {
      const t = names.includes(String(name)) ? get(name) : '';
      return t ? t.replace(/\n$/, '').split('\n') : [];
    },
    AsConfig: () => yamlMapOf(names, (n) => get(n)),
    AsSecrets: () => yamlMapOf(names, (n) => Buffer.from(get(n)).toString('base64')),
  }, entries);
}

function yamlMapOf(names: string[], content: (n: string) => string): string {
  if (!names.length) return '';
  const m = newMap();
  for (const n of names) m[n.slice(n.lastIndexOf('/') + 1)] = content(n);
  // Same shape as Helm: a YAML map of base name to content.
  return toYaml(m).text;
}

/** Go's path.Match plus `**` (gobwas/glob, which Helm uses, lets `*` stop at `/` and `**` cross it). */
export function globMatch(pattern: string, name: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i);
      if (close < 0) return false;
      re += '[' + pattern.slice(i + 1, close).replace(/^!/, '^') + ']';
      i = close;
    } else if (c === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0) return false;
      re += '(?:' + pattern.slice(i + 1, close).split(',').map(escapeRe).join('|') + ')';
      i = close;
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`).test(name);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capabilities(opts: RenderOptions): GoObject {
  const version = opts.kubeVersion ?? DEFAULT_KUBE_VERSION;
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  const apis = new Set([...DEFAULT_API_VERSIONS, ...(opts.apiVersions ?? [])]);
  const kube = new GoObject('*chartutil.KubeVersion', { Version: version, GitVersion: version, Major: m?.[1] ?? '1', Minor: m?.[2] ?? '31' });
  const apiVersions = new GoObject('chartutil.VersionSet', {}, { Has: (v) => apis.has(String(v)) });
  return new GoObject('*chartutil.Capabilities', {
    KubeVersion: kube,
    APIVersions: apiVersions,
    HelmVersion: new GoObject('helmversion', { Version: 'v3.16.0', GitCommit: '', GitTreeState: 'clean', GoVersion: 'go1.22' }),
  });
}

interface ParsedFile {
  text: string;
  main?: Template;
  defines: Template[];
  error?: TemplateError;
}
/** Parse results by file path; a re-render after an edit to one template re-parses only that file. */
const parseCache = new Map<string, ParsedFile>();
const MAX_CACHE = 2000;

function parseCached(path: string, name: string, text: string): ParsedFile {
  const key = `${path}\0${name}`;
  const hit = parseCache.get(key);
  if (hit && hit.text === text) return hit;
  let result: ParsedFile;
  try {
    const p = parseTemplate(text, path, ALL_FUNCTION_NAMES, name);
    result = { text, main: p.main, defines: p.defines };
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    result = { text, defines: [], error: e };
  }
  if (parseCache.size > MAX_CACHE) parseCache.clear();
  parseCache.set(key, result);
  return result;
}

/** Renders every manifest template of the chart (and its enabled, vendored subcharts) under one values scenario. */
export function renderChart(files: ChartFiles, opts: RenderOptions = {}): RenderResult {
  const problems: ChartProblem[] = [];
  const unknowns: string[] = [];
  const top = loadChart(files, '', '', problems, unknowns, 0);
  if (!top) return { chartName: '', templates: [], problems: [{ path: `${files.root}/Chart.yaml`, start: 0, end: 0, message: 'Chart.yaml not found', kind: 'chart' }], unknowns };
  const release = new GoObject('chartutil.Release', {
    Name: opts.releaseName ?? 'release-name',
    Namespace: opts.namespace ?? 'default',
    IsInstall: true,
    IsUpgrade: false,
    Revision: 1n,
    Service: 'Helm',
  });
  const caps = capabilities(opts);
  const topValues = scenarioValues(files, top.values, opts.valuesFiles ?? [], problems);

  // Each enabled chart with its own values (parent's section and globals layered over its own values.yaml).
  const units: { chart: LoadedChart; top: GoMap }[] = [];
  const visit = (chart: LoadedChart, values: GoMap, depth: number) => {
    // The values section of a dependency that is not vendored misses that chart's defaults: its gaps are unknown.
    for (const alias of chart.missingAliases) {
      if (!isGoMap(values[alias])) values[alias] = newMap();
      markOpen(values[alias]);
    }
    const top = newMap();
    Object.assign(top, { Values: values, Release: release, Chart: chartObject(chart), Capabilities: caps, Files: filesObject(files, chart.prefix), Subcharts: newMap() });
    units.push({ chart, top });
    for (const { chart: sub, alias, condition } of chart.subcharts) {
      if (condition && !conditionHolds(values, condition)) continue;
      const section = isGoMap(values[alias]) ? values[alias] : newMap();
      const globals = newMap();
      globals.global = isGoMap(values.global) ? values.global : newMap();
      const subValues = coalesceValues(coalesceValues(sub.values, section), globals);
      if (depth < 10) visit(sub, subValues, depth + 1);
    }
  };
  visit(top, topValues, 0);

  // Helm's order (engine.sortTemplates): deeper paths first, equal depth in reverse name order. Templates are parsed
  // in that order, so a later define wins, and executed in it, so `.Values` changes made by one template (istio's
  // zzz_profile.yaml) are seen by the next.
  const templates = new Map<string, Template>();
  const parsed: { unit: (typeof units)[number]; rel: string; name: string; file: ParsedFile }[] = [];
  for (const unit of units) for (const t of unit.chart.templates) parsed.push({ unit, rel: t.rel, name: t.name, file: parseCached(`${files.root}/${t.rel}`, t.name, files.files.get(t.rel) ?? '') });
  const depths = new Map(parsed.map((p) => [p, p.name.split('/').length]));
  parsed.sort((a, b) => depths.get(b)! - depths.get(a)! || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  for (const { file } of parsed) {
    if (file.error) problems.push({ path: file.error.file, start: file.error.start, end: file.error.end, message: file.error.message, kind: 'syntax' });
    for (const d of file.defines) templates.set(d.name, d);
    if (file.main) templates.set(file.main.name, file.main);
  }

  const missing = unknowns.some((u) => u.startsWith('dependency ') || u.startsWith('packaged subchart'));
  const rendered: RenderedTemplate[] = [];
  for (const { unit, rel, name, file } of parsed) {
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    if (!file.main || base.startsWith('_') || /\.txt$/.test(rel)) continue;
    const ev = new Evaluator({ templates, top: unit.top, ...(missing ? { missingDependencies: true } : {}), ...(opts.limits ? { limits: opts.limits } : {}) });
    const out = ev.render(name);
    rendered.push({ path: `${files.root}/${rel}`, name, text: out.text, segs: out.segs, ...(out.error ? { error: out.error } : {}) });
  }
  rendered.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rerender = (path: string, text: string): RenderedTemplate | undefined => {
    const entry = parsed.find((p) => `${files.root}/${p.rel}` === path);
    if (!entry?.file.main) return undefined;
    let again: { main: Template; defines: Template[] };
    try {
      again = parseTemplate(text, path, ALL_FUNCTION_NAMES, entry.name);
    } catch {
      return undefined;
    }
    const withEdit = new Map(templates);
    for (const d of again.defines) withEdit.set(d.name, d);
    withEdit.set(again.main.name, again.main);
    const ev = new Evaluator({ templates: withEdit, top: entry.unit.top, ...(missing ? { missingDependencies: true } : {}), ...(opts.limits ? { limits: opts.limits } : {}) });
    const out = ev.render(entry.name);
    return { path, name: entry.name, text: out.text, segs: out.segs, ...(out.error ? { error: out.error } : {}) };
  };
  return { chartName: top.name, templates: rendered, problems, unknowns, rerender };
}

function conditionHolds(values: GoMap, condition: string): boolean {
  // Helm: the first condition path that resolves to a bool decides; none resolving means enabled.
  for (const path of condition.split(',').map((s) => s.trim()).filter(Boolean)) {
    let cur: unknown = values;
    for (const k of path.split('.')) cur = isGoMap(cur) ? cur[k] : undefined;
    if (typeof cur === 'boolean') return cur;
  }
  return true;
}
