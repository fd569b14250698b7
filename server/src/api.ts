// The engine's public surface for the server, the CLI and tests; importing it registers every rule.
import './rules';

export { lint, compareFindings, defaultRegistry, type LintInput, type LintResult, type LintKind } from './core/engine';
export { RULES } from './rules';
export { RuleRegistry } from './core/registry';
export type { LintConfig, RuleSetting } from './core/config';
export type { Finding, Fix, RuleMeta, Rule, Severity, SeveritySetting, Target, K8sObjectRef } from './core/types';
export { SEVERITIES } from './core/types';
export { ENGINE_DIAGNOSTICS } from './core/builtin';
export { detectKind, isDockerfileName, isYamlName } from './core/detect';
export { applyEdits } from './core/fix';
