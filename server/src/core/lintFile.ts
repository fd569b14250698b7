// Linting one parsed file: choose its target, parse once, run every enabled rule on each unit, collect workspace
// facts, apply severity and suppressions. Knows targets only through core/target.ts.
import type { SourceFile } from './source';
import type { LintConfig } from './config';
import { ruleOptions, ruleSeverity } from './config';
import type { RuleSet } from './ruleSet';
import type { BaseContext, CheckRule, FileLink, FileView, Finding, RuleMeta, Severity, TargetId } from './types';
import { isWorkspaceRule } from './types';
import type { WorkspaceFileFacts } from './workspace';
import type { DetectInput, FileReader, Target } from './target';
import { applySuppressions } from './suppress';
import type { Directive } from './directive';
import type { LintResult } from './result';
import { collector, compareFindings, engineFinding, errorText, internalFinding, zeroRange } from './findings';

export type ParsedFile =
  | { target: Target; model: unknown; error?: undefined; file: SourceFile }
  | { target: Target; model: undefined; error: unknown; file: SourceFile }
  | { target?: undefined; kind: 'yaml' | 'other'; file: SourceFile };

/** The targets that claim a file by name and language, the `certain` one (if any) first. */
export function claimsOf(targets: readonly Target[], input: DetectInput): { certain: Target | undefined; candidates: Target[] } {
  let certain: Target | undefined;
  const candidates: Target[] = [];
  for (const target of targets) {
    const claim = target.detect(input);
    if (claim === 'certain') certain ??= target;
    else if (claim === 'candidate') candidates.push(target);
  }
  return { certain, candidates };
}

/** Whether some target may lint this file (what the workspace walker and watcher collect). */
export function isLintable(targets: readonly Target[], input: DetectInput): boolean {
  const { certain, candidates } = claimsOf(targets, input);
  return certain !== undefined || candidates.length > 0;
}

/**
 * Picks the target and parses: a `certain` claim wins outright; otherwise each candidate in registration order
 * parses the file until one accepts it.
 */
export function parseFile(targets: readonly Target[], file: SourceFile, readFile?: FileReader): ParsedFile {
  const { certain, candidates } = claimsOf(targets, { path: file.path, languageId: file.languageId });
  for (const target of certain ? [certain] : candidates) {
    if (!certain && target.sniff && !target.sniff(file.text)) continue;
    let model: unknown;
    try {
      model = target.parse(file, readFile);
    } catch (error) {
      return { target, model: undefined, error, file };
    }
    if (certain || !target.accepts || target.accepts(model, file)) return { target, model, file };
  }
  return { kind: candidates.some((t) => t.syntax === 'yaml') ? 'yaml' : 'other', file };
}

/** Which step made a finding: the parse, a rule, or a workspace rule's facts (the order the engine makes them in). */
export type Phase = 0 | 1 | 2;

export interface Linted {
  result: LintResult;
  /** The phase of each suppressed finding, index for index. */
  suppressedPhases: Phase[];
  /** Every suppression the target found (for hovers). */
  directives: Directive[];
}

export function lintParsed(target: Target, model: unknown, error: unknown, file: SourceFile, config: LintConfig, rules: RuleSet): Linted {
  const findings: Finding[] = [];
  const kind = target.id;
  if (error !== undefined || model === undefined) {
    findings.push(engineFinding('shipshape/parse-error', zeroRange(), `Could not parse this ${target.title}: ${errorText(error)}`));
    return { result: { kind, findings, suppressed: [], file, model: undefined }, suppressedPhases: [], directives: [] };
  }
  for (const d of target.parseDiagnostics?.(model) ?? []) findings.push(engineFinding(d.id, d.range, d.message));
  const parsedCount = findings.length;
  const ruleTarget = target.ruleTarget ?? target.id;
  const enabled = planFor(config, rules).get(ruleTarget) ?? [];
  const units = target.units(file, model);
  for (const unit of units) {
    // One context per unit; only `options` and `report` change from rule to rule (rules are synchronous).
    const ctx: BaseContext & Record<string, unknown> = { ...target.ruleContext(file, model, unit.value), file, options: {}, report: () => undefined };
    for (const { rule, severity, options } of enabled) {
      const sink = collector(rule.meta, severity, unit.object);
      ctx.options = options;
      ctx.report = sink.report;
      try {
        rule.check(ctx);
        findings.push(...sink.findings);
      } catch (err) {
        findings.push(internalFinding(rule.meta, unit.anchor, err, unit.object));
      }
    }
  }
  const ruleCount = findings.length;
  const workspace = workspaceFacts(target, model, units, file, rules, findings);
  const phase = new Map<Finding, Phase>();
  findings.forEach((f, i) => phase.set(f, i < parsedCount ? 0 : i < ruleCount ? 1 : 2));
  const { findings: kept, suppressed, deferred, directives } = applySuppressions({ file, target, model, findings, config, rules });
  kept.sort(compareFindings);
  return {
    result: { kind, findings: kept, suppressed, file, model, ...(workspace ? { workspace: { ...workspace, directives: deferred } } : {}) },
    suppressedPhases: suppressed.map((s) => phase.get(s.finding) ?? 1),
    directives,
  };
}

/**
 * Facts for every workspace rule, whatever its severity here: a NetworkPolicy in a folder where the rule is off still
 * covers workloads elsewhere. Unit facts for the target's own rules, file facts (images, links) for cross-target
 * ones; the links that say which object builds which Dockerfile go along for the workspace pass. A `facts` that
 * throws is reported like a failing rule.
 */
function workspaceFacts(target: Target, model: unknown, units: ReturnType<Target['units']>, file: SourceFile, rules: RuleSet, findings: Finding[]): WorkspaceFileFacts | undefined {
  const workspaceRules = rules.workspaceRulesFor(target.ruleTarget ?? target.id).filter(isWorkspaceRule);
  let links: FileLink[] = [];
  try {
    links = target.links?.(file, model) ?? [];
  } catch (err) {
    findings.push(engineFinding('shipshape/internal-error', zeroRange(), `Could not read the links of this ${target.title}: ${errorText(err)}`));
  }
  const builds = links.filter((l) => l.relation === 'builds');
  if (!workspaceRules.length && !builds.length) return undefined;
  const facts: Record<string, unknown[]> = {};
  let view: FileView | undefined;
  for (const rule of workspaceRules) {
    const list: unknown[] = [];
    if (rule.fileFacts) {
      try {
        view ??= { file, target: target.id, images: target.imageTexts(file, model), links };
        list.push(...(rule.fileFacts(view) as unknown[]));
      } catch (err) {
        findings.push(internalFinding(rule.meta, zeroRange(), err));
      }
    }
    for (const unit of rule.facts ? units : []) {
      try {
        const fact: unknown = rule.facts!(unit.value, file);
        if (fact !== undefined) list.push(fact);
      } catch (err) {
        findings.push(internalFinding(rule.meta, unit.anchor, err, unit.object));
      }
    }
    if (list.length) facts[rule.meta.id] = list;
  }
  return { facts, directives: [], ...(builds.length ? { builds: builds.map(({ range, target: path, object }) => ({ range, target: path, ...(object ? { object } : {}) })) } : {}) };
}

interface Planned {
  rule: CheckRule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** Enabled rules per target with their severity and options, computed once per (rule set, config) rather than per file. */
const plans = new WeakMap<RuleSet, WeakMap<LintConfig, Map<TargetId, Planned[]>>>();

function planFor(config: LintConfig, rules: RuleSet): Map<TargetId, Planned[]> {
  let byConfig = plans.get(rules);
  if (!byConfig) plans.set(rules, (byConfig = new WeakMap()));
  let plan = byConfig.get(config);
  if (!plan) {
    plan = new Map();
    for (const target of new Set(rules.targets.map((t) => t.ruleTarget ?? t.id))) {
      // Workspace rules never run per file: core/workspace.ts runs them over every file's facts.
      const planned = rules.forTarget(target).flatMap((rule): Planned[] => {
        if (isWorkspaceRule(rule)) return [];
        const severity = ruleSeverity(config, rule.meta.id, rule.meta.severity, rule.meta.enabledByDefault !== false);
        return severity === 'off' ? [] : [{ rule, severity, options: optionsFor(rule.meta, config) }];
      });
      plan.set(target, planned);
    }
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
