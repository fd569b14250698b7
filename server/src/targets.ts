// The composition root: every target with its rules, built explicitly. Adding a target is one folder (its
// target.ts, model, rules) plus one line in TARGETS; nothing registers itself by being imported.
import type { Target } from './core/target';
import type { Rule } from './core/types';
import { RuleSet } from './core/ruleSet';
import { isLintable, type KeyedLintResult } from './core/engine';
import { composeTarget } from './compose/target';
import { dockerfileTarget } from './dockerfile/target';
import { k8sTarget } from './k8s/target';
import { COMPOSE_RULES } from './rules/compose';
import { DOCKERFILE_RULES } from './rules/dockerfile';
import { K8S_RULES } from './rules/k8s';
import { WORKSPACE_RULES } from './rules/workspace';

export interface TargetEntry {
  target: Target;
  /** The rules with `meta.target` equal to this target's id; empty for a target that runs another's (`ruleTarget`). */
  rules: readonly Rule[];
}

/**
 * In detection order: a `certain` claim wins wherever it sits, and `candidate` targets try the content in this
 * order, so a target that must win over another for the same files (Compose over Kubernetes) comes first.
 */
export const TARGETS = [
  entry(dockerfileTarget, DOCKERFILE_RULES),
  entry(composeTarget, COMPOSE_RULES),
  entry(k8sTarget, K8S_RULES),
] as const satisfies readonly TargetEntry[];

function entry<M, U, Id extends string>(target: Target<M, U, Id>, rules: readonly Rule[]): { target: Target<M, U, Id>; rules: readonly Rule[] } {
  return { target, rules };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ModelOf<T> = T extends Target<infer M, any, any> ? M : never;

/** Each shipped target's parsed model by target id, read off TARGETS. */
export type ShippedModels = { [E in (typeof TARGETS)[number] as E['target']['id']]: ModelOf<E['target']> };

/** A lint result of the shipped targets: `kind` narrows `model` (`'k8s'` → the Kubernetes model). */
export type ShippedLintResult = KeyedLintResult<ShippedModels>;

/** Every target's rules, then the cross-target workspace rules (`workspace/...`, facts from every target's files). */
export const RULES: readonly Rule[] = [...TARGETS.flatMap((t): readonly Rule[] => t.rules), ...WORKSPACE_RULES];

/** The shipped targets and rules: what the server, the CLI and the scan workers lint with. */
export const SHIPPED: RuleSet = new RuleSet(
  TARGETS.map((t): Target => t.target),
  RULES,
);

/** Whether a file is one the shipped targets may lint, by name and editor language (what walkers collect). */
export function isLintableFile(path: string, languageId?: string): boolean {
  return isLintable(SHIPPED.targets, { path, languageId });
}
