// What a lint returns, for any target; server/src/targets.ts keys it by the shipped targets.
import type { SourceFile } from './source';
import type { Finding } from './types';
import type { Suppressed } from './suppress';
import type { WorkspaceFileFacts } from './workspace';
import type { Directive } from './directive';
import type { FileReader, ImageText } from './target';
import type { RuleSet } from './ruleSet';

export interface LintInput {
  /** File path or URI; used for detection and messages, never read. */
  path: string;
  text: string;
  languageId?: string;
  /** How the target reaches files this one refers to (see `FileReader`); absent: those parts are unknown. */
  readFile?: FileReader;
}

/** What `lint` returns for any file; `kind` is the target id (`model` its parse) or `yaml`/`other` for unclaimed files. */
export interface LintResult {
  kind: string;
  /** The target's parse; absent for unclaimed files and when the parser itself failed. */
  model?: unknown;
  findings: Finding[];
  suppressed: Suppressed[];
  file: SourceFile;
  /** What workspace rules need from this file (core/workspace.ts decides across files). */
  workspace?: WorkspaceFileFacts;
  /**
   * Large files linted document by document (core/documents.ts): each document's results, which the next lint
   * reuses and which hovers and code actions read instead of parsing the whole file.
   */
  documents?: DocumentResults;
  /** A Helm chart file: the rendered YAML each finding was found in (same order as findings), for hovers. */
  helm?: { snippets: (string | undefined)[] };
}

/** A file a target linted. */
export interface TargetLintResult<K extends string, M> extends LintResult {
  kind: K;
  model: M | undefined;
}

/** A file no target lints: `yaml` when it is YAML (no target accepted its content), else `other`. */
export interface UnclaimedLintResult extends LintResult {
  kind: 'yaml' | 'other';
  model?: undefined;
}

/**
 * The result as a union keyed by `kind`, given each target's model by id (server/src/targets.ts derives the shipped
 * one from its target list), so `result.kind === 'k8s'` narrows `result.model` to the Kubernetes model.
 */
export type KeyedLintResult<Models> = { [K in keyof Models & string]: TargetLintResult<K, Models[K]> }[keyof Models & string] | UnclaimedLintResult;

export type LintKind = LintResult['kind'];

/** One document of a large file (a `---` run of YAML), linted on its own; positions in its own coordinates. */
export interface DocumentPart {
  /** The text it was linted as (padding and suffix included). */
  text: string;
  /** The document's own text within `text` (no padding, no suffix): the key the next lint finds it by. */
  source: string;
  /** The suffix it was linted with (Segment.suffix). */
  suffix: string;
  kind: string;
  findings: Finding[];
  /** Suppressed findings by phase (parse, rules, workspace facts), so merging keeps the whole-file order. */
  suppressed: [Suppressed[], Suppressed[], Suppressed[]];
  workspace?: WorkspaceFileFacts;
  /** Every suppression in it and every image it names: what hovers and code actions need, without the model. */
  directives: Directive[];
  images: ImageText[];
}

/** Where a document sits in the file and how its own coordinates map to the file's. */
export interface PlacedPart {
  part: DocumentPart;
  /** Offset in the file of the document's first character. */
  start: number;
  /** Characters added in front of the document's text when linting it (line padding). */
  pad: number;
  /** Lines to add to the part's positions. */
  shift: number;
  /** The file line the document starts on, and how many lines it spans. */
  line: number;
  lines: number;
}

/** What a lint by document keeps: the documents, and what their results depend on besides their text. */
export interface DocumentResults {
  parts: PlacedPart[];
  rules: RuleSet;
  configKey: string;
  format: string;
}
