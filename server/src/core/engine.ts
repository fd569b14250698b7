// The one pure, synchronous lint every host calls: large files a target splits into documents go document by
// document (core/documents.ts), reusing the previous result's work; every other file is linted whole
// (core/lintFile.ts). No I/O.
import { SourceFile } from './source';
import type { LintConfig } from './config';
import type { RuleSet } from './ruleSet';
import type { LintInput, LintResult } from './result';
import { lintByDocument, type DocumentSizes } from './documents';
import { lintParsed, parseFile } from './lintFile';

export type { LintInput, LintResult, LintKind, TargetLintResult, UnclaimedLintResult, KeyedLintResult, DocumentResults } from './result';
export { claimsOf, isLintable, parseFile, type ParsedFile } from './lintFile';

export interface LintOptions {
  /**
   * The result of the previous lint of the same document. Large files a target splits into documents
   * (Target.documents) reuse the work of every document whose text is unchanged; documents are matched by content,
   * so no changed ranges are needed and undo or moved documents are reused too.
   */
  previous?: LintResult | undefined;
  /** `false` lints a large file whole: the reference the by-document path must equal (tests, benchmarks). */
  byDocument?: boolean;
  /**
   * Which files are linted by document, and in runs of about how many characters (default SCAN_DOCUMENTS). An
   * editor, which lints the same text again on every keystroke, gains from splitting much smaller files into much
   * smaller runs than a one-shot scan does (EDITOR_DOCUMENTS).
   */
  documents?: DocumentSizes;
}

export function lint(input: LintInput, config: LintConfig, rules: RuleSet, options: LintOptions = {}): LintResult {
  const file = new SourceFile(input.path, input.text, input.languageId);
  const byDocument = options.byDocument === false ? undefined : lintByDocument(file, config, rules, options.previous, input.readFile, options.documents);
  if (byDocument) return byDocument;
  const parsed = parseFile(rules.targets, file, input.readFile);
  if (!parsed.target) return { kind: parsed.kind, findings: [], suppressed: [], file };
  return lintParsed(parsed.target, parsed.model, parsed.error, file, config, rules).result;
}

