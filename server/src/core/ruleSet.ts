// The targets and rules one lint runs with, built explicitly (server/src/targets.ts builds the shipped one). Refuses
// duplicate ids, ids outside their target's namespace, and rules of a target it does not have (cross-target
// workspace rules live in the `workspace/` namespace).
import { CROSS_TARGET, isCrossTargetRule, isWorkspaceRule, type Rule, type RuleCatalog, type RuleMeta, type TargetId } from './types';
import type { Target } from './target';

/** `<target>/<kebab-case>`; the target part is the rule's `meta.target`. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class RuleSet implements RuleCatalog {
  private readonly byId = new Map<string, Rule>();
  private readonly byTarget = new Map<TargetId, Rule[]>();
  /** Former id -> current id (RuleMeta.formerIds). */
  private readonly renamed = new Map<string, string>();
  readonly targets: readonly Target[];

  constructor(targets: readonly Target[], rules: readonly Rule[] = []) {
    const ids = new Set<string>();
    for (const target of targets) {
      if (ids.has(target.id)) throw new Error(`duplicate target "${target.id}"`);
      ids.add(target.id);
    }
    this.targets = [...targets];
    for (const rule of rules) this.add(rule);
  }

  private add(rule: Rule): void {
    const { id, target } = rule.meta;
    if (!ID_PATTERN.test(id)) throw new Error(`rule id "${id}" must be <target>/<kebab-case>`);
    if (!id.startsWith(`${target}/`)) throw new Error(`rule "${id}" has target "${target}" but another namespace`);
    if (target === CROSS_TARGET) {
      // Cross-target rules see every target's files through `fileFacts` only.
      if (!isWorkspaceRule(rule) || !rule.fileFacts || rule.facts) throw new Error(`rule "${id}": the ${CROSS_TARGET}/ namespace is for workspace rules with fileFacts (and no unit facts)`);
    } else {
      if (!this.targets.some((t) => (t.ruleTarget ?? t.id) === target)) throw new Error(`rule "${id}" is for target "${target}", which is not registered`);
      if (isWorkspaceRule(rule) && (!rule.facts || rule.fileFacts)) throw new Error(`rule "${id}": a workspace rule of a target has unit facts (fileFacts is for ${CROSS_TARGET}/ rules)`);
    }
    if (this.byId.has(id) || this.renamed.has(id)) throw new Error(`duplicate rule id "${id}"`);
    for (const former of rule.meta.formerIds ?? []) {
      if (this.byId.has(former) || this.renamed.has(former)) throw new Error(`former id "${former}" of "${id}" is taken`);
      this.renamed.set(former, id);
    }
    this.byId.set(id, rule);
    this.byTarget.set(target, [...(this.byTarget.get(target) ?? []), rule]);
  }

  /** The same targets with other rules (tests run one rule through the whole engine). */
  withRules(rules: readonly Rule[]): RuleSet {
    return new RuleSet(this.targets, rules);
  }

  target(id: string): Target | undefined {
    return this.targets.find((t) => t.id === id);
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The current id of a rule that had `id` before a rename. */
  renamedTo(id: string): string | undefined {
    return this.renamed.get(id);
  }

  all(): Rule[] {
    return [...this.byId.values()];
  }

  /** Rules whose `meta.target` is `target`. */
  forTarget(target: TargetId): Rule[] {
    return this.byTarget.get(target) ?? [];
  }

  /** The workspace rules a file of `ruleTarget` gives facts to: its target's own, then the cross-target ones. */
  workspaceRulesFor(ruleTarget: TargetId): Rule[] {
    return [...this.forTarget(ruleTarget).filter(isWorkspaceRule), ...this.forTarget(CROSS_TARGET).filter(isCrossTargetRule)];
  }

  metas(): RuleMeta[] {
    return this.all().map((r) => r.meta);
  }

  /** Peer tools any target reads suppressions of, in registration order. */
  peerTools(): string[] {
    return [...new Set(this.targets.flatMap((t) => t.peerTools))];
  }
}
