// What a suppression is once found in a file: who wrote it, which rules it names, where it applies, and why.
import type { Range } from 'vscode-languageserver-types';
import type { RuleRegistry } from '../core/registry';
import type { SourceFile } from '../core/source';
import { ENGINE_DIAGNOSTICS } from '../core/builtin';
import { PEER_TOOLS, peerIndex, ruleOfTarget, type PeerIndex, type PeerTool } from './peers';
import type { PeerSyntax, Token } from './syntax';

export type SuppressionSource = 'shipshape' | PeerTool;

export interface DirectiveTarget {
  /** As written: `k8s/no-privileged`, `DL3008`, `CKV_K8S_20`, `all`. */
  token: string;
  range: Range;
  /** Our rules it silences; empty for a peer rule we have no equivalent of. */
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

const SELF = 'shipshape/suppression';

export function isKnownRule(registry: RuleRegistry, id: string): boolean {
  return registry.has(id) || (id !== SELF && id in ENGINE_DIAGNOSTICS);
}

/** Targets for our own syntax: ids must be ours; a peer id gets a pointer to the rule it maps to. */
export function ownTargets(file: SourceFile, base: number, tokens: Token[], registry: RuleRegistry, tokenRange?: Range): DirectiveTarget[] {
  const peers = peerIndex(registry);
  return tokens.map((t) => {
    const range = tokenRange ?? file.rangeOf(base + t.start, base + t.end);
    if (isKnownRule(registry, t.text)) return { token: t.text, range, ruleIds: [t.text] };
    const hint = peerHint(peers, t.text);
    return { token: t.text, range, ruleIds: [], problem: `unknown rule \`${t.text}\`${hint ? `; did you mean \`${hint}\`?` : ''}` };
  });
}

function peerHint(peers: PeerIndex, token: string): string | undefined {
  for (const tool of PEER_TOOLS) {
    const ids = peers.rulesFor(tool, token);
    if (ids.length) return [...new Set(ids.map(ruleOfTarget))].join(',');
  }
  return undefined;
}

export function peerTargets(file: SourceFile, base: number, tool: PeerTool, syntax: PeerSyntax, registry: RuleRegistry, tokenRange?: Range): DirectiveTarget[] {
  const peers = peerIndex(registry);
  const rangeOf = (t: Token) => tokenRange ?? file.rangeOf(base + t.start, base + t.end);
  if (syntax.all) {
    const first = syntax.tokens.find((t) => t.text.toLowerCase() === 'all');
    const range = first ? rangeOf(first) : (tokenRange ?? file.rangeOf(base, base));
    return [{ token: 'all', range, ruleIds: peers.allFor(tool) }];
  }
  return syntax.tokens.map((t) => ({ token: t.text, range: rangeOf(t), ruleIds: peers.rulesFor(tool, t.text) }));
}

export function contains(outer: Range, inner: Range): boolean {
  return cmp(outer.start, inner.start) <= 0 && cmp(inner.end, outer.end) <= 0;
}

export function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
