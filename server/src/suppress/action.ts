// Code actions "Suppress <rule> here" and "... in this file" for each finding under the cursor.
import type { CodeAction } from 'vscode-languageserver-types';
import type { RuleSet } from '../core/ruleSet';
import type { ActionContext, ExtraActionProvider } from '../lsp/codeActions';
import { suppressionEdit } from './edit';

/** Engine findings about the file itself (parse errors, suppression problems) are fixed, not suppressed. */
const NOT_SUPPRESSIBLE = new Set(['shipshape/suppression', 'shipshape/parse-error', 'shipshape/internal-error']);

export function suppressionActions(rules: RuleSet): ExtraActionProvider {
  return (ctx: ActionContext): CodeAction[] => {
    if (!ctx.wants('quickfix')) return [];
    const actions: CodeAction[] = [];
    for (const { finding, diagnostic } of ctx.targets) {
      if (NOT_SUPPRESSIBLE.has(finding.ruleId)) continue;
      for (const kind of ['here', 'file'] as const) {
        const edit = suppressionEdit(ctx.result, finding, kind, rules);
        if (!edit) continue;
        actions.push({
          title: kind === 'here' ? `Suppress ${finding.ruleId} here` : `Suppress ${finding.ruleId} in this file`,
          kind: 'quickfix',
          diagnostics: [diagnostic],
          isPreferred: false,
          edit: ctx.edit([edit]),
        });
      }
    }
    return actions;
  };
}
