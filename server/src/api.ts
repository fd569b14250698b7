// The engine's public surface for the server, the CLI, scripts and tests, bound to the shipped targets and rules
// (server/src/targets.ts); pass another RuleSet to lint with other rules.
import { lint as lintWith, type LintInput } from './core/engine';
import type { LintConfig } from './core/config';
import type { RuleSet } from './core/ruleSet';
import type { Rule } from './core/types';
import { SHIPPED, type ShippedLintResult } from './targets';

/** A result of the shipped targets, keyed by `kind`. */
export type LintResult = ShippedLintResult;

export function lint(input: LintInput, config: LintConfig = {}, rules: RuleSet = SHIPPED): LintResult {
  // The engine types results generically; with the shipped targets each `kind` carries that target's model.
  return lintWith(input, config, rules) as LintResult;
}

/** The shipped targets with only `rules` (tests run one rule through the whole engine). */
export function ruleSetOf(rules: readonly Rule[]): RuleSet {
  return SHIPPED.withRules(rules);
}

export { compareFindings } from './core/findings';
export type { LintInput, LintKind } from './core/engine';
export { TARGETS, RULES, SHIPPED, isLintableFile } from './targets';
export { RuleSet } from './core/ruleSet';
export type { LintConfig, RuleSetting } from './core/config';
export type { Finding, Fix, RuleMeta, Rule, Severity, SeveritySetting, TargetId, ObjectRef } from './core/types';
export type { Target } from './core/target';
export { SEVERITIES } from './core/types';
export { ENGINE_DIAGNOSTICS } from './core/builtin';
export { isYamlName } from './core/detect';
export { isDockerfileName } from './dockerfile/detect';
export { applyEdits } from './core/fix';
