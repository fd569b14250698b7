// Hover over a finding: the rule's docs rendered from its metadata, one section per finding under the cursor.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { LintResult } from '../core/engine';
import type { RuleRegistry } from '../core/registry';
import { renderEngineHover, renderHover } from '../docs/render';
import { isEngineId, rangesTouch } from './toLsp';
import { suppressionAt } from '../suppress/hover';

export function hoverAt(result: LintResult, position: Position, registry: RuleRegistry): Hover | null {
  // On a suppression comment or annotation: what it silences and why.
  const suppression = suppressionAt(result, position, registry);
  if (suppression) return { contents: { kind: MarkupKind.Markdown, value: suppression.markdown }, range: suppression.directive.range };
  const at = { start: position, end: position };
  const findings = result.findings.filter((f) => rangesTouch(f.range, at));
  const sections: string[] = [];
  for (const finding of findings) {
    const rule = registry.get(finding.ruleId);
    if (rule) sections.push(renderHover(rule.meta, finding.message));
    else if (isEngineId(finding.ruleId)) sections.push(renderEngineHover(finding.ruleId, finding.message));
  }
  const first = findings[0];
  if (!first || sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: first.range };
}
