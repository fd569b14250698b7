// Maps peers' rule ids to ours through each rule's `equivalents`, so a peer's suppression silences our matching rule.
import type { RuleRegistry } from '../core/registry';

export const PEER_TOOLS = ['hadolint', 'buildkit', 'checkov', 'kube-linter', 'trivy'] as const;
export type PeerTool = (typeof PEER_TOOLS)[number];

/** Trivy has renamed its ids twice: `DS002`, `DS-0002` and `AVD-DS-0002` are the same check (KSV likewise). */
export function normalizeTrivyId(id: string): string {
  const upper = id.toUpperCase().replace(/^AVD-/, '');
  const m = /^([A-Z]+)-?0*(\d+)$/.exec(upper);
  return m ? `${m[1]}-${m[2]!.padStart(4, '0')}` : upper;
}

export function normalizePeerId(tool: PeerTool, id: string): string {
  switch (tool) {
    case 'trivy':
      return normalizeTrivyId(id);
    case 'buildkit':
    case 'kube-linter':
      return id.toLowerCase();
    default:
      return id.toUpperCase();
  }
}

export interface PeerIndex {
  /** Our rule ids the peer id stands for; empty when we have no rule deciding the same cases. */
  rulesFor(tool: PeerTool, id: string): string[];
  /** Every rule of ours with an equivalent in that tool, for `skip=all` and `ignore-all`. */
  allFor(tool: PeerTool): string[];
}

const cache = new WeakMap<RuleRegistry, PeerIndex>();

export function peerIndex(registry: RuleRegistry): PeerIndex {
  const hit = cache.get(registry);
  if (hit) return hit;
  const byTool = new Map<PeerTool, Map<string, string[]>>();
  for (const meta of registry.metas()) {
    for (const equivalent of meta.equivalents) {
      const colon = equivalent.indexOf(':');
      const tool = equivalent.slice(0, colon) as PeerTool;
      if (colon < 0 || !(PEER_TOOLS as readonly string[]).includes(tool)) continue;
      const ids = byTool.get(tool) ?? new Map<string, string[]>();
      byTool.set(tool, ids);
      const key = normalizePeerId(tool, equivalent.slice(colon + 1));
      ids.set(key, [...(ids.get(key) ?? []), meta.id]);
    }
  }
  const index: PeerIndex = {
    rulesFor: (tool, id) => byTool.get(tool)?.get(normalizePeerId(tool, id)) ?? [],
    allFor: (tool) => [...new Set([...(byTool.get(tool)?.values() ?? [])].flat())].sort(),
  };
  cache.set(registry, index);
  return index;
}
