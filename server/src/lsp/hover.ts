// Hover over a finding: the rule's docs rendered from its metadata, one section per finding under the cursor.
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import type { Severity } from '../core/types';
import type { LintResult } from '../core/engine';
import type { RuleSet } from '../core/ruleSet';
import { renderEngineHover, renderHover } from '../docs/render';
import { isEngineId, rangesTouch } from './toLsp';
import { suppressionAt } from '../suppress/hover';

export function hoverAt(result: LintResult, position: Position, rules: RuleSet): Hover | null {
  // On a suppression comment or annotation: what it silences and why.
  const suppression = suppressionAt(result, position, rules);
  if (suppression) return { contents: { kind: MarkupKind.Markdown, value: suppression.markdown }, range: suppression.directive.range };
  const at = { start: position, end: position };
  // Most severe first, then the narrowest: a `latest` tag outranks the whole-image digest note around it.
  const findings = result.findings
    .filter((f) => rangesTouch(f.range, at))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || width(a.range) - width(b.range));
  const sections: string[] = [];
  for (const finding of findings) {
    const rule = rules.get(finding.ruleId);
    if (rule) sections.push(renderHover(rule.meta, finding.message));
    else if (isEngineId(finding.ruleId)) sections.push(renderEngineHover(finding.ruleId, finding.message));
  }
  if (findings.length === 0 || sections.length === 0) return null;
  // A Helm template: what the finding was found in, as rendered under the chart's values.
  const snippet = result.helm?.snippets[result.findings.indexOf(findings[0]!)];
  if (snippet) sections.push(`Rendered from this template:\n\n\`\`\`yaml\n${clip(snippet)}\n\`\`\``);
  const narrowest = [...findings].sort((a, b) => width(a.range) - width(b.range))[0]!;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: narrowest.range };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** A comparable size for a range: lines dominate, then characters. */
function width(range: Range): number {
  return (range.end.line - range.start.line) * 100_000 + (range.end.character - range.start.character);
}

/** A rendered object, cut to a size a hover can show. */
function clip(snippet: string): string {
  const lines = snippet.replace(/^---\s*\n/, '').split('\n');
  return lines.length > 40 ? [...lines.slice(0, 40), '# …'].join('\n') : lines.join('\n');
}
