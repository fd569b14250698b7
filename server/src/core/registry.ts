// Holds the rule set; refuses duplicates and ids that do not match their target namespace.
import type { Rule, RuleMeta, Target } from './types';

const ID_PATTERN = /^(dockerfile|k8s)\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class RuleRegistry {
  private readonly byId = new Map<string, Rule>();

  constructor(rules: readonly Rule[] = []) {
    for (const rule of rules) this.add(rule);
  }

  add(rule: Rule): void {
    const { id, target } = rule.meta;
    if (!ID_PATTERN.test(id)) throw new Error(`rule id "${id}" must be <dockerfile|k8s>/<kebab-case>`);
    if (!id.startsWith(`${target}/`)) throw new Error(`rule "${id}" has target "${target}" but another namespace`);
    if (this.byId.has(id)) throw new Error(`duplicate rule id "${id}"`);
    this.byId.set(id, rule);
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): Rule[] {
    return [...this.byId.values()];
  }

  forTarget(target: Target): Rule[] {
    return this.all().filter((r) => r.meta.target === target);
  }

  metas(): RuleMeta[] {
    return this.all().map((r) => r.meta);
  }
}
