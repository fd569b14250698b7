// The engine's vocabulary: rules, findings and fixes. Only LSP ranges and text edits cross this boundary.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { SourceFile } from './source';
import type { DockerfileModel } from '../dockerfile/model';
import type { K8sFile, K8sObject } from '../k8s/model';

export type { Range, TextEdit, Position } from 'vscode-languageserver-types';

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

export type Target = 'dockerfile' | 'k8s';

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
  target: Target;
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
  /** Name of the container the finding is about (Kubernetes). */
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

export interface K8sObjectRef {
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
  object?: K8sObjectRef;
  fix?: Fix;
  suggestions: Fix[];
  related?: RelatedLocation[];
}

export interface BaseContext<M extends string> {
  file: SourceFile;
  options: Record<string, unknown>;
  report(spec: ReportSpec<M>): void;
}

export interface DockerfileContext<M extends string = string> extends BaseContext<M> {
  dockerfile: DockerfileModel;
}

export interface K8sContext<M extends string = string> extends BaseContext<M> {
  k8s: K8sFile;
  /** The object being checked; rules run once per Kubernetes object. */
  object: K8sObject;
}

export interface DockerfileRule<M extends string = string> {
  meta: RuleMeta<M> & { target: 'dockerfile' };
  check(ctx: DockerfileContext<M>): void;
}

export interface K8sRule<M extends string = string> {
  meta: RuleMeta<M> & { target: 'k8s' };
  check(ctx: K8sContext<M>): void;
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
  object?: K8sObjectRef;
}

export interface K8sWorkspaceContext<M extends string = string, F = unknown> {
  /** Facts of every scanned file, in no particular order. */
  facts: readonly WorkspaceFact<F>[];
  report(spec: WorkspaceReportSpec<M>): void;
}

/**
 * A rule decided across files (a workspace scan), in two steps: `facts` runs per object wherever the file is linted
 * and returns plain, structured-clone-able data (it crosses worker threads); `checkWorkspace` runs once over the
 * facts of every file. Severity and suppressions are applied by the host (core/workspace.ts), as for other rules.
 */
export interface K8sWorkspaceRule<M extends string = string, F = unknown> {
  meta: RuleMeta<M> & { target: 'k8s' };
  facts(object: K8sObject): F | undefined;
  checkWorkspace(ctx: K8sWorkspaceContext<M, F>): void;
}

export type Rule = DockerfileRule<any> | K8sRule<any> | K8sWorkspaceRule<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function isWorkspaceRule(rule: Rule): rule is K8sWorkspaceRule<any, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return 'checkWorkspace' in rule;
}

/** Identity helpers that give rules precise messageId types without casts. */
export function dockerfileRule<M extends string>(rule: DockerfileRule<M>): DockerfileRule<M> {
  return rule;
}
export function k8sRule<M extends string>(rule: K8sRule<M>): K8sRule<M> {
  return rule;
}
export function k8sWorkspaceRule<M extends string, F>(rule: K8sWorkspaceRule<M, F>): K8sWorkspaceRule<M, F> {
  return rule;
}
