// What a target (Dockerfile, Kubernetes, Compose, ...) gives the engine: detection, parsing, the units rules run on,
// its suppression syntaxes, its image references and where suppression comments go. Core knows targets only as this.
import type { Range } from 'vscode-languageserver-types';
import type { SourceFile } from './source';
import type { EngineDiagnosticId } from './builtin';
import type { FileLink, ImageText, ObjectRef, RuleCatalog, TargetId } from './types';
import type { Directive } from './directive';

export type { TargetId, ImageText, FileLink } from './types';

/**
 * How a target claims a file before reading it. `certain`: it is this target's (a `Dockerfile`, a `compose.yaml`).
 * `candidate`: the content decides (any YAML could be Kubernetes): the engine parses it and asks `accepts`.
 */
export type Claim = 'certain' | 'candidate';

export interface DetectInput {
  /** File path or URI; never read. */
  path: string;
  /** The editor's language id, when there is an editor. */
  languageId?: string | undefined;
}

/** What rules run on: the whole file once (Dockerfile), or each object in it (Kubernetes). */
export interface Unit<U = unknown> {
  value: U;
  /** Where a failing rule is reported for this unit. */
  anchor: Range;
  /** Attached to every finding on this unit. */
  object?: ObjectRef;
}

/**
 * Reads a file the linted one refers to (a Compose file's `.env`, `extends.file`, a service's build Dockerfile), by
 * a path joined onto the linted file's path; undefined when it cannot be read. The engine does no I/O itself: hosts
 * inject this (the disk for the CLI and the scan; open documents, then the disk, in the editor).
 */
export type FileReader = (path: string) => string | undefined;

/** A finding the parse itself produced (syntax error, skipped template, refused alias bomb). */
export interface ParseDiagnostic {
  id: EngineDiagnosticId;
  range: Range;
  message: string;
}

/**
 * One target. `M` is its parsed model, `U` the unit its rules check (`ruleContext` turns a unit into the extra
 * fields of the rule's context), `Id` its literal id (which keys the shipped `LintResult` union in targets.ts).
 * Register it with its rules in server/src/targets.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Target<M = any, U = any, Id extends TargetId = TargetId> {
  readonly id: Id;
  /** For messages: `Dockerfile`, `Kubernetes manifest`. */
  readonly title: string;
  /** The file syntax: a YAML file no target accepts is reported as kind `yaml`, anything else as `other`. */
  readonly syntax: 'yaml' | 'text';
  /** Whose rules run on this target's files; its own id unless it reuses another's (Helm runs Kubernetes rules). */
  readonly ruleTarget?: TargetId;
  /** Peer tools whose suppressions this target reads (`hadolint`, `checkov`, `kics`, ...); see suppress/peers.ts. */
  readonly peerTools: readonly string[];
  /** A `languageId` decides when there is one: a YAML document is never a Dockerfile, whatever its name. */
  detect(input: DetectInput): Claim | undefined;
  /** Throws only on a bug; bad input becomes `parseDiagnostics`. `readFile` reaches files this one refers to. */
  parse(file: SourceFile, readFile?: FileReader): M;
  /**
   * For `candidate` claims: a cheap look at the text before any parse; false means it cannot be this target's and
   * the parse is skipped (Compose needs a top-level `services:`). Absent means maybe.
   */
  sniff?(text: string): boolean;
  /** For `candidate` claims: whether the content is this target's. Absent means yes. */
  accepts?(model: M, file: SourceFile): boolean;
  parseDiagnostics?(model: M): readonly ParseDiagnostic[];
  units(file: SourceFile, model: M): readonly Unit<U>[];
  /** The target-specific fields of a rule's context for one unit (`{ dockerfile }`, `{ k8s, object }`). */
  ruleContext(file: SourceFile, model: M, unit: U): object;
  /** Every suppression in the file, ours and peers' (filtered by the engine when peers are off). */
  directives(file: SourceFile, model: M, rules: RuleCatalog): Directive[];
  imageTexts(file: SourceFile, model: M): ImageText[];
  /** References to other files, shown as links in the editor (a Compose service's `build:` to its Dockerfile). */
  links?(file: SourceFile, model: M): FileLink[];
  /** The line a `# shipshape-ignore` comment for a finding at `range` goes above; undefined: no such line. */
  suppressionLine(file: SourceFile, model: M, range: Range): number | undefined;
  /** The line a `# shipshape-ignore-file` comment goes above (after a Dockerfile's parser directives). */
  fileSuppressionLine(file: SourceFile, model: M): number;
  /** Large files this target can lint document by document, reusing unchanged documents (core/documents.ts). */
  readonly documents?: DocumentSplitter;
}

/** A run of whole documents; `line` is the 0-based line it starts on in the file. */
export interface Segment {
  start: number;
  line: number;
  text: string;
  /** Appended when linting (e.g. a document that closes quotes the way later documents would). */
  suffix: string;
}

/** What a target that lints its files document by document provides (Target.documents). */
export interface DocumentSplitter {
  /**
   * Runs of documents that lint alone exactly as inside the file, in order, covering the whole text; undefined when
   * the file must be linted whole. The target must accept the whole file exactly when it accepts some document.
   * Documents are joined into runs of at least `chunkChars` characters where the target can.
   */
  split(text: string, chunkChars: number): Segment[] | undefined;
  /**
   * Whether a document holds suppressions: their messages name lines, so it is linted at its own line numbers, and
   * the whole-file pass judges them even in documents the target does not accept.
   */
  hasSuppressions(text: string): boolean;
  /** What fixes depend on besides the text (line break, indentation step); a document is reused only within an equal format. */
  format(file: SourceFile): string;
}
