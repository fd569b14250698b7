// The engine's vocabulary: rules, findings and fixes. Only LSP ranges and text edits cross this boundary.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { SourceFile } from './source';

export type { Range, TextEdit, Position } from 'vscode-languageserver-types';

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

/**
 * A target's id, which is also the namespace of its rule ids (`k8s/no-privileged`). Open: a target registered in
 * server/src/targets.ts brings its own; the known ones are listed for editors.
 */
export type TargetId = 'dockerfile' | 'k8s' | 'compose' | (string & {});

export interface Reference {
  title: string;
  url: string;
}

/** Where a rule sits in the published standards; shown in hovers and docs. */
export interface Standards {
  cis?: string[];
  nsa?: string[];
  /** Pod Security Standards level and control, e.g. `baseline/privileged`. */
  pss?: string[];
}

export interface RuleOptionSpec {
  type: 'string[]' | 'string' | 'number' | 'boolean';
  description: string;
  default: unknown;
}

export interface RuleMeta<M extends string = string> {
  /** Namespaced kebab-case id, e.g. `k8s/no-privileged`; equals the rule's file path under rules/. */
  id: string;
  target: TargetId;
  title: string;
  severity: Severity;
  /** Off unless the user turns it on (noisy or needs configuration). Defaults to true. */
  enabledByDefault?: boolean;
  description: string;
  rationale: string;
  remediation: string;
  references: Reference[];
  standards?: Standards;
  /** `safe`: the rule offers a fix that keeps behaviour; `suggestion`: fixes that change it, offered not applied. */
  fix?: 'safe' | 'suggestion' | 'both';
  /** Message templates with `{{name}}` placeholders. */
  messages: Record<M, string>;
  /** Peers' ids for rules that decide the same cases, e.g. `hadolint:DL3007`, `checkov:CKV_K8S_20`. */
  equivalents: string[];
  /**
   * Peers' ids that decide the same cases as one message of this rule only (Checkov has one check per tool where we
   * have one rule with a message per tool). Their suppressions silence just those findings.
   */
  messageEquivalents?: Partial<Record<M, string[]>>;
  /**
   * Peer ids with a written note, keyed like `equivalents`. For a claimed id: where we deliberately decide a case the
   * other way (its replayed cases mark the same difference). For an id we do not claim: a related peer check that is
   * not equivalent, and why; it is shown in the docs and never used for suppression.
   */
  peerNotes?: Record<string, string>;
  /** Ids this rule had before a rename: settings and suppressions naming them still apply to it. */
  formerIds?: string[];
  options?: Record<string, RuleOptionSpec>;
  /** `options`: rule options the examples are linted with (for rules that are quiet until configured). */
  examples: { bad: string[]; good: string[]; options?: Record<string, unknown> };
}

export interface FixSpec<M extends string = string> {
  messageId: M;
  data?: Record<string, string | number>;
  edits: TextEdit[];
}

export interface ReportSpec<M extends string = string> {
  messageId: M;
  data?: Record<string, string | number>;
  range: Range;
  /** Name of the container the finding is about (added to the unit's object). */
  container?: string;
  /** A behaviour-preserving fix; applied by fix-all. Requires meta.fix of `safe` or `both`. */
  fix?: FixSpec<M>;
  /** Fixes the user may choose; never applied automatically. Requires meta.fix of `suggestion` or `both`. */
  suggestions?: FixSpec<M>[];
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * The file the edits apply to when it is not the finding's own (a Helm finding fixed in values.yaml); a path or
   * URI as the host names files.
   */
  path?: string;
}

/** Another place that explains a finding (the values line that set a rendered value). */
export interface RelatedLocation {
  path: string;
  range: Range;
  message: string;
}

/** The object a finding is about: a Kubernetes object (and container), a Compose service, ... */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  container?: string;
}

export interface Finding {
  ruleId: string;
  /** The rule's message id; code and tests match on it, never on message text. */
  messageId?: string;
  severity: Severity;
  message: string;
  range: Range;
  object?: ObjectRef;
  fix?: Fix;
  suggestions: Fix[];
  related?: RelatedLocation[];
}

/** The context every rule's `check` receives; its target adds its own fields (see each target's rule.ts). */
export interface BaseContext<M extends string = string> {
  file: SourceFile;
  options: Record<string, unknown>;
  report(spec: ReportSpec<M>): void;
}

/** A rule checked per unit of a file; `C` is its full context (BaseContext plus the target's fields). */
export interface CheckRule<M extends string = string, C extends BaseContext<M> = BaseContext<M>> {
  meta: RuleMeta<M>;
  check(ctx: C): void;
}

export interface WorkspaceFact<F> {
  /** The file the fact came from, as the scan names it. */
  path: string;
  fact: F;
}

export interface WorkspaceReportSpec<M extends string = string> {
  messageId: M;
  data?: Record<string, string | number>;
  /** The file the finding belongs in (one of the facts' paths). */
  path: string;
  range: Range;
  object?: ObjectRef;
}

export interface WorkspaceContext<M extends string = string, F = unknown> {
  /** Facts of every scanned file, in no particular order. */
  facts: readonly WorkspaceFact<F>[];
  report(spec: WorkspaceReportSpec<M>): void;
}

/** An image reference as written in the file; images/sites.ts parses and normalises it. */
export interface ImageText {
  /** The reference exactly as written, without quotes. */
  text: string;
  /** Offsets of `text` in the file. */
  start: number;
  end: number;
  /** Dockerfile: index of the stage whose FROM this is. */
  stage?: number;
  /** The object (Kubernetes object, Compose service) and container naming the image. */
  object?: { kind: string; name: string };
  container?: { name: string; role: string };
}

/** A span of the file that names another file, by the path `FileReader` would read it with. */
export interface FileLink {
  range: Range;
  target: string;
  /**
   * `builds`: the object builds the linked Dockerfile and runs the image (a Compose service's `build:`); the
   * workspace pass then names the object on the Dockerfile's findings (core/workspace.ts).
   */
  relation?: 'builds';
  /** The object the link belongs to (`{kind: 'service', name: 'web'}`). */
  object?: { kind: string; name: string };
}

/**
 * A file as every target shows it to cross-target workspace rules: the images it names (Target.imageTexts:
 * Dockerfile `FROM`, Compose and Kubernetes `image:`, without stage names and references built from variables)
 * and the files it links to.
 */
export interface FileView {
  file: SourceFile;
  /** The target that linted the file. */
  target: TargetId;
  images: readonly ImageText[];
  links: readonly FileLink[];
}

/** The rule-id namespace of workspace rules that take facts from every target's files (`workspace/...`). */
export const CROSS_TARGET = 'workspace';

/**
 * A rule decided across files (a workspace scan), in two steps. Facts, wherever a file is linted, as plain,
 * structured-clone-able data (they cross worker threads): `facts` per unit of the rule's own target (see
 * Target.units), or, for a rule in the `workspace/` namespace, `fileFacts` once per file of every target.
 * `checkWorkspace` runs once over the facts of every file. Severity and suppressions are applied by the host
 * (core/workspace.ts), as for other rules.
 */
export interface WorkspaceRule<M extends string = string, F = unknown, U = unknown> {
  meta: RuleMeta<M>;
  /** `file` gives positions (`file.rangeOf`) to facts that point into the file. */
  facts?(unit: U, file: SourceFile): F | undefined;
  /**
   * Cross-target rules only: the facts of one file, whatever its target, as a list (one per image, say), so a file
   * linted document by document gives the same facts as a whole-file lint.
   */
  fileFacts?(view: FileView): F[];
  checkWorkspace(ctx: WorkspaceContext<M, F>): void;
}

/**
 * What reading suppressions needs from the rule set (core/ruleSet.ts): which rule ids exist, their metadata (peers'
 * `equivalents`), and which peer tools the targets read.
 */
export interface RuleCatalog {
  has(id: string): boolean;
  get(id: string): Rule | undefined;
  metas(): RuleMeta[];
  peerTools(): string[];
}

export type Rule = CheckRule<any, any> | WorkspaceRule<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function isWorkspaceRule(rule: Rule): rule is WorkspaceRule<any, any, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return 'checkWorkspace' in rule;
}

/** A rule in the `workspace/` namespace: facts from every target's files (images, links), decided across files. */
export interface CrossTargetRule<M extends string = string, F = unknown> extends WorkspaceRule<M, F, never> {
  meta: RuleMeta<M> & { target: typeof CROSS_TARGET };
  fileFacts(view: FileView): F[];
  facts?: undefined;
}

/** Identity helper that gives a cross-target rule precise messageId types without casts. */
export function crossTargetRule<M extends string, F>(rule: CrossTargetRule<M, F>): CrossTargetRule<M, F> {
  return rule;
}

/** A workspace rule that takes its facts from every target's files (`workspace/...`). */
export function isCrossTargetRule(rule: Rule): rule is WorkspaceRule<any, any, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return isWorkspaceRule(rule) && rule.meta.target === CROSS_TARGET;
}
