// The "Suppress <rule> here" quick fix: one inserted comment line that the suppression pass then matches. Where the
// line goes is the file's target's call (Target.suppressionLine); the comment and its indentation are the same everywhere.
import type { TextEdit } from 'vscode-languageserver-types';
import type { SourceFile } from '../core/source';
import type { Finding } from '../core/types';
import type { LintResult } from '../core/engine';
import type { RuleSet } from '../core/ruleSet';
import { fileSuppressionLineOf, suppressionLineOf } from '../core/documents';
import { parseOwnComment } from './syntax';

/** The reason the quick fix writes; `requireReason` rejects it (it starts with TODO), so it cannot be left as is. */
export const PLACEHOLDER_REASON = 'TODO: explain why this finding is acceptable here';

export type SuppressionEditKind = 'here' | 'file';

/**
 * Inserts `# shipshape-ignore <rule> -- <placeholder>` above the finding's instruction or YAML node, or extends an
 * existing one. Undefined for a file no target linted (nothing there reads suppressions).
 */
export function suppressionEdit(result: LintResult, finding: Pick<Finding, 'ruleId' | 'range'>, kind: SuppressionEditKind, rules: RuleSet): TextEdit | undefined {
  const target = rules.target(result.kind);
  if (!target || (result.model === undefined && !result.documents)) return undefined;
  const { file } = result;
  // A large file linted by document parses only the document holding the finding.
  const fileLine = (): number => fileSuppressionLineOf(result, target);
  if (kind === 'file') return fileLevelEdit(file, finding.ruleId, fileLine());
  const line = suppressionLineOf(result, target, finding.range);
  if (line === undefined) return fileLevelEdit(file, finding.ruleId, fileLine());
  return extendAbove(file, line, finding.ruleId) ?? insertAbove(file, line, `# shipshape-ignore ${finding.ruleId} -- ${PLACEHOLDER_REASON}`);
}

function insertAbove(file: SourceFile, line: number, comment: string): TextEdit {
  const indent = /^[ \t]*/.exec(file.lineText(line))![0];
  const character = line === 0 && file.text.startsWith('\uFEFF') ? 1 : 0;
  const at = { line, character };
  return { range: { start: at, end: at }, newText: `${indent}${comment}${file.eol}` };
}

/** A `# shipshape-ignore a -- why` right above gets `,<rule>` rather than a second comment. */
function extendAbove(file: SourceFile, line: number, ruleId: string): TextEdit | undefined {
  if (line === 0) return undefined;
  const above = file.lineText(line - 1);
  const lead = /^[ \t]*/.exec(above)![0].length;
  const own = parseOwnComment(above.slice(lead));
  const last = own?.rules[own.rules.length - 1];
  if (!own || own.fileLevel || !last || own.problems.length) return undefined;
  if (own.rules.some((r) => r.text === ruleId)) return undefined;
  const at = { line: line - 1, character: lead + last.end };
  return { range: { start: at, end: at }, newText: `,${ruleId}` };
}

function fileLevelEdit(file: SourceFile, ruleId: string, line: number): TextEdit {
  if (line >= file.lineCount) {
    const end = file.positionAt(file.text.length);
    const lead = file.text.length && !/[\r\n]$/.test(file.text) ? file.eol : '';
    return { range: { start: end, end }, newText: `${lead}# shipshape-ignore-file ${ruleId} -- ${PLACEHOLDER_REASON}${file.eol}` };
  }
  return insertAbove(file, line, `# shipshape-ignore-file ${ruleId} -- ${PLACEHOLDER_REASON}`);
}
