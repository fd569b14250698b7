// Suppression pass, run once after all rules: matches findings by rule id against every suppression in the file,
// and reports suppressions that are malformed, expired, lack a required reason, or no longer suppress anything.
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from './source';
import { isWorkspaceRule, type Finding } from './types';
import type { LintConfig } from './config';
import { ruleSeverity } from './config';
import type { RuleSet } from './ruleSet';
import type { Target } from './target';
import { ENGINE_DIAGNOSTICS } from './builtin';
import { contains, type Directive, type SuppressionSource } from './directive';
import { isRealReason } from '../suppress/syntax';
import { ruleOfTarget, targetCovers } from '../suppress/peers';

export interface SuppressionInput {
  file: SourceFile;
  /** The file's target and its parse: the target finds the suppressions written in its syntaxes. */
  target: Target;
  model: unknown;
  findings: Finding[];
  config: LintConfig;
  rules: RuleSet;
}

export interface Suppressed {
  finding: Finding;
  /** Which syntax silenced it: `shipshape`, or a peer tool (`hadolint`, `checkov`, `kube-linter`, ...). */
  by: SuppressionSource;
  reason?: string;
  /** The comment or annotation that silenced it. */
  at: Range;
}

const SELF = 'shipshape/suppression';

export type SuppressionProblem = 'malformed' | 'unknownRule' | 'expired' | 'noReason' | 'unused';

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: Suppressed[];
  /**
   * Directives in force that name a workspace rule: its findings are computed after this pass, from every file's
   * facts, and suppressed with `suppressWorkspaceFindings`. Plain data, so they cross worker threads.
   */
  deferred: Directive[];
  /** Every directive the target found (peers' too, whatever the policy), for hovers. */
  directives: Directive[];
}

export function applySuppressions(input: SuppressionInput): SuppressionOutcome {
  const { config, file } = input;
  const policy = config.suppressions ?? {};
  const found = input.target.directives(file, input.model, input.rules);
  const directives = policy.peers !== false ? found : found.filter((d) => d.source === 'shipshape');
  const problems: Finding[] = [];
  const severity = ruleSeverity(config, SELF, ENGINE_DIAGNOSTICS[SELF].severity, true);
  const problem = (messageId: SuppressionProblem, range: Range, message: string, fixRange?: Range): void => {
    if (severity === 'off') return;
    problems.push({
      ruleId: SELF,
      messageId,
      severity,
      message,
      range,
      suggestions: [],
      ...(fixRange ? { fix: { title: 'Remove the unused suppression', edits: [{ range: fixRange, newText: '' }] } } : {}),
    });
  };

  const active: Directive[] = [];
  for (const d of directives) {
    for (const p of d.problems) problem('malformed', d.range, `This suppression is ignored: ${p}.`);
    for (const t of d.targets) if (t.problem) problem('unknownRule', t.range, `This suppression names an ${t.problem}.`);
    if (d.problems.length) continue;
    if (d.until !== undefined && config.context?.today !== undefined && d.until < config.context.today) {
      problem('expired', d.range, `This suppression expired on ${d.until} and no longer applies; fix the finding or renew it with a reason.`);
      continue;
    }
    if (d.source === 'shipshape' && policy.requireReason && !isRealReason(d.reason)) {
      problem('noReason', d.range, 'This suppression has no reason and is ignored: add `-- <why this finding is acceptable here>` (required by `suppressions.requireReason`).');
      continue;
    }
    active.push(d);
  }
  active.sort(compareDirectives);

  const used = new Set<string>();
  const { findings, suppressed } = suppressFindings(active, input.findings, (d, index) => used.add(targetKey(d, index)));
  const workspaceIds = new Set(input.rules.all().filter(isWorkspaceRule).map((r) => r.meta.id));
  const deferred = workspaceIds.size ? active.filter((d) => d.targets.some((t) => t.ruleIds.some((id) => workspaceIds.has(ruleOfTarget(id))))) : [];

  if (policy.reportUnused !== false) {
    for (const d of active) {
      // Peers' suppressions often name rules we do not have, so only ours are held to "must suppress something".
      if (d.source !== 'shipshape') continue;
      // A workspace rule's findings do not exist yet in this pass, so its suppressions cannot be judged unused here.
      const idle = d.targets.filter(
        (t, i) => !t.problem && !used.has(targetKey(d, i)) && !t.ruleIds.every((id) => isOff(config, input.rules, ruleOfTarget(id))) && !t.ruleIds.some((id) => workspaceIds.has(ruleOfTarget(id))),
      );
      const live = d.targets.filter((t) => !t.problem);
      for (const t of idle) {
        const whole = idle.length === live.length && live.length === d.targets.length ? wholeLine(file, d.range) : undefined;
        problem('unused', live.length > 1 ? t.range : d.range, `\`${t.token}\` has nothing to suppress in ${d.scopeLabel}; remove it from this suppression.`, idle.length === 1 ? whole : undefined);
      }
    }
  }
  return { findings: [...findings, ...problems], suppressed, deferred, directives: found };
}

/**
 * The order suppressions are tried in: narrow before file-wide and ours before peers', so credit (for unused
 * reporting) goes to the most specific; then comments before annotations. Sorts are stable, so ties keep the order
 * the target found them in (text order), which also makes per-document results merge into the same order.
 */
export function compareDirectives(a: Directive, b: Directive): number {
  const rank = (d: Directive) => ((d.source === 'shipshape' ? 0 : 2) + (d.scope ? 0 : 1)) * 2 + (d.form.startsWith('#') ? 0 : 1);
  return rank(a) - rank(b);
}

/** Splits findings into kept and suppressed by the first directive (in `active` order) whose scope and targets match. */
function suppressFindings(active: readonly Directive[], all: readonly Finding[], onUse?: (d: Directive, index: number) => void): { findings: Finding[]; suppressed: Suppressed[] } {
  const findings: Finding[] = [];
  const suppressed: Suppressed[] = [];
  for (const finding of all) {
    let hit: { d: Directive; index: number } | undefined;
    if (finding.ruleId !== SELF) {
      for (const d of active) {
        if (d.scope && !contains(d.scope, finding.range)) continue;
        const index = d.targets.findIndex((t) => t.ruleIds.some((id) => targetCovers(id, finding)));
        if (index >= 0) {
          hit = { d, index };
          break;
        }
      }
    }
    if (!hit) {
      findings.push(finding);
      continue;
    }
    onUse?.(hit.d, hit.index);
    suppressed.push({ finding, by: hit.d.source, ...(hit.d.reason !== undefined ? { reason: hit.d.reason } : {}), at: hit.d.range });
  }
  return { findings, suppressed };
}

/** Workspace findings of one file against the `deferred` directives its own lint returned (already validated and ordered). */
export function suppressWorkspaceFindings(deferred: readonly Directive[], findings: readonly Finding[]): { findings: Finding[]; suppressed: Suppressed[] } {
  return suppressFindings(deferred, findings);
}

function targetKey(d: Directive, index: number): string {
  return `${d.range.start.line}:${d.range.start.character}:${index}`;
}

/** A rule switched off by configuration cannot fire, so its suppressions are not "unused". */
function isOff(config: LintConfig, rules: RuleSet, id: string): boolean {
  const rule = rules.get(id);
  if (!rule) return false;
  return ruleSeverity(config, id, rule.meta.severity, rule.meta.enabledByDefault !== false) === 'off';
}

/** The comment's whole line when nothing else is on it, so removing it leaves no blank line behind. */
function wholeLine(file: SourceFile, range: Range): Range | undefined {
  const line = file.lineText(range.start.line);
  if (range.start.line !== range.end.line || line.slice(0, range.start.character).trim() !== '' || line.slice(range.end.character).trim() !== '') return undefined;
  return { start: { line: range.start.line, character: 0 }, end: { line: range.start.line + 1, character: 0 } };
}
