// Builds a directive's targets from the rule tokens a target's suppression syntax found: ours must name our rules,
// a peer's are mapped to ours through `equivalents`.
import type { Range } from 'vscode-languageserver-types';
import type { RuleCatalog } from '../core/types';
import type { SourceFile } from '../core/source';
import type { DirectiveTarget } from '../core/directive';
import { ENGINE_DIAGNOSTICS } from '../core/builtin';
import { peerIndex, ruleOfTarget, type PeerIndex, type PeerTool } from './peers';
import type { PeerSyntax, Token } from './syntax';

const SELF = 'shipshape/suppression';

export function isKnownRule(registry: RuleCatalog, id: string): boolean {
  return registry.has(id) || (id !== SELF && id in ENGINE_DIAGNOSTICS);
}

/** Targets for our own syntax: ids must be ours; a peer id gets a pointer to the rule it maps to. */
export function ownTargets(file: SourceFile, base: number, tokens: Token[], registry: RuleCatalog, tokenRange?: Range): DirectiveTarget[] {
  const peers = peerIndex(registry);
  return tokens.map((t) => {
    const range = tokenRange ?? file.rangeOf(base + t.start, base + t.end);
    if (isKnownRule(registry, t.text)) return { token: t.text, range, ruleIds: [t.text] };
    // A rule's former id (RuleMeta.formerIds) still names it.
    const renamed = registry.metas().find((m) => m.formerIds?.includes(t.text));
    if (renamed) return { token: t.text, range, ruleIds: [renamed.id] };
    const hint = peerHint(peers, t.text);
    return { token: t.text, range, ruleIds: [], problem: `unknown rule \`${t.text}\`${hint ? `; did you mean \`${hint}\`?` : ''}` };
  });
}

function peerHint(peers: PeerIndex, token: string): string | undefined {
  for (const tool of peers.tools) {
    const ids = peers.rulesFor(tool, token);
    if (ids.length) return [...new Set(ids.map(ruleOfTarget))].join(',');
  }
  return undefined;
}

export function peerTargets(file: SourceFile, base: number, tool: PeerTool, syntax: PeerSyntax, registry: RuleCatalog, tokenRange?: Range): DirectiveTarget[] {
  const peers = peerIndex(registry);
  const rangeOf = (t: Token) => tokenRange ?? file.rangeOf(base + t.start, base + t.end);
  if (syntax.all) {
    const first = syntax.tokens.find((t) => t.text.toLowerCase() === 'all');
    const range = first ? rangeOf(first) : (tokenRange ?? file.rangeOf(base, base));
    return [{ token: 'all', range, ruleIds: peers.allFor(tool) }];
  }
  return syntax.tokens.map((t) => ({ token: t.text, range: rangeOf(t), ruleIds: peers.rulesFor(tool, t.text) }));
}
