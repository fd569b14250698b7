// The one pure, synchronous lint: parse once, run every enabled rule, apply severity and suppressions.
import type { Range } from 'vscode-languageserver-types';
import { SourceFile } from './source';
import { detectKind } from './detect';
import type { LintConfig } from './config';
import { ruleOptions, ruleSeverity } from './config';
import { formatMessage, placeholders } from './message';
import { RuleRegistry } from './registry';
import type {
  DockerfileRule,
  Finding,
  Fix,
  FixSpec,
  K8sObjectRef,
  K8sRule,
  ReportSpec,
  Rule,
  RuleMeta,
  Severity,
} from './types';
import { isWorkspaceRule } from './types';
import type { WorkspaceFileFacts } from './workspace';
import { parseDockerfile, type DockerfileModel } from '../dockerfile/model';
import { parseK8s, type K8sFile, type K8sObject } from '../k8s/model';
import { applySuppressions, type Suppressed } from './suppress';
import { ENGINE_DIAGNOSTICS } from './builtin';

export interface LintInput {
  /** File path or URI; used for detection and messages, never read. */
  path: string;
  text: string;
  languageId?: string;
}

export type LintKind = 'dockerfile' | 'k8s' | 'yaml' | 'other';

export interface LintResult {
  kind: LintKind;
  findings: Finding[];
  suppressed: Suppressed[];
  file: SourceFile;
  dockerfile?: DockerfileModel;
  k8s?: K8sFile;
  /** Kubernetes files: what workspace rules need from this file (core/workspace.ts decides across files). */
  workspace?: WorkspaceFileFacts;
  /** A Helm chart file: the rendered YAML each finding was found in (same order as findings), for hovers. */
  helm?: { snippets: (string | undefined)[] };
}

const EMPTY_CONFIG: LintConfig = Object.freeze({});

export function lint(input: LintInput, config: LintConfig = EMPTY_CONFIG, registry: RuleRegistry = defaultRegistry()): LintResult {
  const file = new SourceFile(input.path, input.text, input.languageId);
  const kind = detectKind(input.path, input.languageId);
  if (kind === 'dockerfile') return lintDockerfile(file, config, registry);
  if (kind === 'yaml') return lintYaml(file, config, registry);
  return { kind: 'other', findings: [], suppressed: [], file };
}

function lintDockerfile(file: SourceFile, config: LintConfig, registry: RuleRegistry): LintResult {
  const findings: Finding[] = [];
  let dockerfile: DockerfileModel;
  try {
    dockerfile = parseDockerfile(file);
  } catch (err) {
    findings.push(engineFinding('shipshape/parse-error', file, zeroRange(), `Could not parse this Dockerfile: ${errorText(err)}`));
    return { kind: 'dockerfile', findings, suppressed: [], file };
  }
  for (const { rule, severity, options } of planFor(config, registry).dockerfile) {
    const sink = collector(rule.meta, severity, undefined);
    try {
      rule.check({ file, dockerfile, options, report: sink.report });
      findings.push(...sink.findings);
    } catch (err) {
      findings.push(internalFinding(rule.meta, file, zeroRange(), err));
    }
  }
  return finish({ kind: 'dockerfile', findings, suppressed: [], file, dockerfile }, config, registry);
}

function lintYaml(file: SourceFile, config: LintConfig, registry: RuleRegistry): LintResult {
  const k8s = parseK8s(file);
  if (k8s.objects.length === 0 && !k8s.looksLikeKubernetes) return { kind: 'yaml', findings: [], suppressed: [], file, k8s };
  const findings: Finding[] = [...k8s.diagnostics.map((d) => engineFinding(d.id, file, d.range, d.message))];
  const enabled = planFor(config, registry).k8s;
  for (const object of k8s.objects) {
    for (const { rule, severity, options } of enabled) {
      const sink = collector(rule.meta, severity, object);
      try {
        rule.check({ file, k8s, object, options, report: sink.report });
        findings.push(...sink.findings);
      } catch (err) {
        findings.push(internalFinding(rule.meta, file, object.anchorRange, err, objectRef(object)));
      }
    }
  }
  const workspace = workspaceFacts(k8s, file, registry, findings);
  return finish({ kind: 'k8s', findings, suppressed: [], file, k8s, ...(workspace ? { workspace } : {}) }, config, registry);
}

/**
 * Facts for every workspace rule, whatever its severity here: a NetworkPolicy in a folder where the rule is off still
 * covers workloads elsewhere. A `facts` that throws is reported like a failing rule.
 */
function workspaceFacts(k8s: K8sFile, file: SourceFile, registry: RuleRegistry, findings: Finding[]): WorkspaceFileFacts | undefined {
  const rules = registry.forTarget('k8s').filter(isWorkspaceRule);
  if (!rules.length) return undefined;
  const facts: Record<string, unknown[]> = {};
  for (const rule of rules) {
    const list: unknown[] = [];
    for (const object of k8s.objects) {
      try {
        const fact: unknown = rule.facts(object);
        if (fact !== undefined) list.push(fact);
      } catch (err) {
        findings.push(internalFinding(rule.meta, file, object.anchorRange, err, objectRef(object)));
      }
    }
    if (list.length) facts[rule.meta.id] = list;
  }
  return { facts, directives: [] };
}

function finish(result: LintResult, config: LintConfig, registry: RuleRegistry): LintResult {
  const { findings, suppressed, deferred } = applySuppressions({
    file: result.file,
    kind: result.kind === 'dockerfile' ? 'dockerfile' : 'k8s',
    dockerfile: result.dockerfile,
    k8s: result.k8s,
    findings: result.findings,
    config,
    registry,
  });
  findings.sort(compareFindings);
  return { ...result, findings, suppressed, ...(result.workspace ? { workspace: { ...result.workspace, directives: deferred } } : {}) };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

interface Planned<R> {
  rule: R;
  severity: Severity;
  options: Record<string, unknown>;
}

interface Plan {
  dockerfile: Planned<DockerfileRule>[];
  k8s: Planned<K8sRule>[];
}

/** Enabled rules with their severity and options, computed once per (registry, config) rather than per file. */
const plans = new WeakMap<RuleRegistry, WeakMap<LintConfig, Plan>>();

function planFor(config: LintConfig, registry: RuleRegistry): Plan {
  let byConfig = plans.get(registry);
  if (!byConfig) plans.set(registry, (byConfig = new WeakMap()));
  let plan = byConfig.get(config);
  if (!plan) {
    const planned = <R extends Rule>(rules: R[]): Planned<R>[] =>
      rules.flatMap((rule) => {
        const severity = ruleSeverity(config, rule.meta.id, rule.meta.severity, rule.meta.enabledByDefault !== false);
        return severity === 'off' ? [] : [{ rule, severity, options: optionsFor(rule.meta, config) }];
      });
    plan = {
      dockerfile: planned(registry.forTarget('dockerfile') as DockerfileRule[]),
      // Workspace rules never run per file: core/workspace.ts runs them over every file's facts.
      k8s: planned(registry.forTarget('k8s').filter((r) => !isWorkspaceRule(r)) as K8sRule[]),
    };
    byConfig.set(config, plan);
  }
  return plan;
}

function optionsFor(meta: RuleMeta, config: LintConfig): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(meta.options ?? {})) options[name] = spec.default;
  // Workspace-wide settings that rules share by option name.
  if (config.trustedRegistries && 'trustedRegistries' in options) options.trustedRegistries = config.trustedRegistries;
  if (config.context) options.context = config.context;
  return { ...options, ...ruleOptions(config, meta.id) };
}

interface Collector {
  findings: Finding[];
  report(spec: ReportSpec): void;
}

/** Validates each report against the rule's metadata, so a rule bug surfaces as an internal finding in tests. */
function collector(meta: RuleMeta, severity: Severity, object: K8sObject | undefined): Collector {
  const findings: Finding[] = [];
  const ref = object ? objectRef(object) : undefined;
  return {
    findings,
    report(spec) {
      const fix = spec.fix ? buildFix(meta, spec.fix) : undefined;
      if (fix && meta.fix !== 'safe' && meta.fix !== 'both') throw new Error(`${meta.id} reports a fix but meta.fix is ${meta.fix}`);
      const suggestions = (spec.suggestions ?? []).map((s) => buildFix(meta, s));
      if (suggestions.length && meta.fix !== 'suggestion' && meta.fix !== 'both') {
        throw new Error(`${meta.id} reports suggestions but meta.fix is ${meta.fix}`);
      }
      findings.push({
        ruleId: meta.id,
        messageId: spec.messageId,
        severity,
        message: render(meta, spec.messageId, spec.data),
        range: spec.range,
        ...(ref ? { object: spec.container ? { ...ref, container: spec.container } : ref } : {}),
        ...(fix ? { fix } : {}),
        suggestions,
      });
    },
  };
}

export function render(meta: RuleMeta, messageId: string, data?: Record<string, string | number>): string {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`${meta.id} has no message "${messageId}"`);
  for (const key of Object.keys(data ?? {})) {
    if (!placeholders(template).includes(key)) throw new Error(`${meta.id}.${messageId} has no placeholder {{${key}}}`);
  }
  return formatMessage(template, data);
}

function buildFix(meta: RuleMeta, spec: FixSpec): Fix {
  assertNoOverlap(meta.id, spec);
  return { title: render(meta, spec.messageId, spec.data), edits: spec.edits };
}

function assertNoOverlap(id: string, spec: FixSpec): void {
  const sorted = [...spec.edits].sort((a, b) => cmpPos(a.range.start, b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    if (cmpPos(sorted[i - 1]!.range.end, sorted[i]!.range.start) > 0) throw new Error(`${id}: fix "${spec.messageId}" has overlapping edits`);
  }
}

function cmpPos(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

/** A copy with only the reference's own keys (a rule may pass a richer object). */
export function objectRefKeys(ref: K8sObjectRef): K8sObjectRef {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    name: ref.name,
    ...(ref.namespace !== undefined ? { namespace: ref.namespace } : {}),
    ...(ref.container !== undefined ? { container: ref.container } : {}),
  };
}

export function objectRef(object: K8sObject): K8sObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    ...(object.namespace !== undefined ? { namespace: object.namespace } : {}),
  };
}

function engineFinding(id: keyof typeof ENGINE_DIAGNOSTICS, file: SourceFile, range: Range, message: string, object?: K8sObjectRef): Finding {
  void file;
  return { ruleId: id, severity: ENGINE_DIAGNOSTICS[id].severity, message, range, suggestions: [], ...(object ? { object } : {}) };
}

function internalFinding(meta: RuleMeta, file: SourceFile, range: Range, err: unknown, object?: K8sObjectRef): Finding {
  return engineFinding('shipshape/internal-error', file, range, `Rule ${meta.id} failed on this file: ${errorText(err)}`, object);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

let cached: RuleRegistry | undefined;
let ruleSource: (() => readonly Rule[]) | undefined;

/** rules/index.ts registers itself here, keeping core free of an import cycle. */
export function setDefaultRules(source: () => readonly Rule[]): void {
  ruleSource = source;
  cached = undefined;
}

export function defaultRegistry(): RuleRegistry {
  if (!cached) {
    if (!ruleSource) throw new Error('no rules registered: import "rules" before linting');
    cached = new RuleRegistry(ruleSource());
  }
  return cached;
}
