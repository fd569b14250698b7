// What the editor shows on a suppression: what it silences here, where, why, and whether it still works.
import type { Position } from 'vscode-languageserver-types';
import { ruleOfTarget, targetCovers } from './peers';
import type { LintResult } from '../core/engine';
import type { RuleSet } from '../core/ruleSet';
import { directivesOf } from '../core/documents';
import type { Finding } from '../core/types';
import type { Suppressed } from '../core/suppress';
import { contains, type Directive } from '../core/directive';

export interface SuppressionInfo {
  directive: Directive;
  /** Findings this suppression silenced in the last lint. */
  suppressed: Suppressed[];
  /** `shipshape/suppression` findings about it (malformed, expired, no reason, unused). */
  problems: Finding[];
  markdown: string;
}

export function suppressionAt(result: LintResult, position: Position, rules: RuleSet): SuppressionInfo | undefined {
  const target = rules.target(result.kind);
  if (!target) return undefined;
  const at = { start: position, end: position };
  // A large file linted by document reads the documents' suppressions: no whole-file parse on hover.
  const directive = directivesOf(result, target, rules).find((d) => contains(d.range, at));
  if (!directive) return undefined;
  const same = (r: { start: Position; end: Position }) => r.start.line === directive.range.start.line && r.start.character === directive.range.start.character;
  const suppressed = result.suppressed.filter((s) => same(s.at));
  const problems = result.findings.filter((f) => f.ruleId === 'shipshape/suppression' && contains(directive.range, f.range));
  return { directive, suppressed, problems, markdown: render(directive, suppressed, problems, rules) };
}

function render(d: Directive, suppressed: Suppressed[], problems: Finding[], rules: RuleSet): string {
  const lines = [`**Suppression** (${d.form}) for ${d.scopeLabel}`, ''];
  for (const t of d.targets) {
    if (t.problem) {
      lines.push(`- \`${t.token}\`: ${t.problem}`);
      continue;
    }
    if (t.ruleIds.length === 0) {
      lines.push(`- \`${t.token}\` (${d.source}): no Shipshape rule decides the same cases, so this silences nothing here`);
      continue;
    }
    for (const target of t.ruleIds) {
      const id = ruleOfTarget(target);
      const only = target === id ? '' : ` (only its \`${target.slice(id.length + 1)}\` findings)`;
      const title = rules.get(id)?.meta.title;
      const hits = suppressed.filter((s) => targetCovers(target, s.finding));
      const via = t.token === id ? '' : ` (via ${d.source} \`${t.token}\`)${only}`;
      const count = hits.length === 0 ? 'no finding silenced' : `${hits.length} finding${hits.length === 1 ? '' : 's'} silenced`;
      lines.push(`- \`${id}\`${title ? `: ${title}` : ''}${via}, ${count}`);
      for (const h of hits) lines.push(`  - line ${h.finding.range.start.line + 1}: ${h.finding.message}`);
    }
  }
  lines.push('', d.reason ? `Reason: ${d.reason}` : 'No reason given.');
  if (d.until) lines.push('', `Expires: ${d.until}`);
  for (const p of problems) lines.push('', `⚠ ${p.message}`);
  return lines.join('\n');
}
