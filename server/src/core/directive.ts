// What a suppression is once a target found it in a file: who wrote it, which rules it names, where it applies, why.
import type { Range } from 'vscode-languageserver-types';

/** `shipshape`, or the peer tool whose syntax it is (`hadolint`, `checkov`, `kics`, ...). */
export type SuppressionSource = string;

export interface DirectiveTarget {
  /** As written: `k8s/no-privileged`, `DL3008`, `CKV_K8S_20`, `all`. */
  token: string;
  range: Range;
  /** Our rules it silences (`rule` or `rule#messageId`); empty for a peer rule we have no equivalent of. */
  ruleIds: string[];
  /** Set for an unknown id in our own syntax; the other targets still apply. */
  problem?: string;
}

export interface Directive {
  source: SuppressionSource;
  /** How it is written, for hovers: `# shipshape-ignore`, `checkov.io/skip1 annotation`, … */
  form: string;
  /** The comment or annotation itself. */
  range: Range;
  targets: DirectiveTarget[];
  /** Findings lying inside this range are suppressed; undefined means the whole file. */
  scope?: Range;
  /** Human words for the scope: `the whole file`, `the next instruction`, `this object`, … */
  scopeLabel: string;
  reason?: string;
  /** Expiry date YYYY-MM-DD (our `until=`, Trivy's `:exp:`). */
  until?: string;
  /** Problems that void the directive: it suppresses nothing and each is reported. */
  problems: string[];
}

export function contains(outer: Range, inner: Range): boolean {
  return cmp(outer.start, inner.start) <= 0 && cmp(inner.end, outer.end) <= 0;
}

export function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
