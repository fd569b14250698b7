// Maps peers' rule ids to ours through each rule's `equivalents`, so a peer's suppression silences our matching rule.
import type { RuleCatalog } from '../core/types';

/** A peer tool's name as used in `equivalents` (`hadolint:DL3007`); each target lists the tools it reads (Target.peerTools). */
export type PeerTool = string;

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

/** A suppression target: a rule id, or `rule#messageId` for a peer id that matches one message of the rule. */
export function targetId(ruleId: string, messageId?: string): string {
  return messageId === undefined ? ruleId : `${ruleId}#${messageId}`;
}

export function ruleOfTarget(target: string): string {
  const hash = target.indexOf('#');
  return hash < 0 ? target : target.slice(0, hash);
}

/** Whether a target (`rule` or `rule#message`) covers a finding. */
export function targetCovers(target: string, finding: { ruleId: string; messageId?: string | undefined }): boolean {
  return target === finding.ruleId || (finding.messageId !== undefined && target === targetId(finding.ruleId, finding.messageId));
}

export interface PeerIndex {
  /** The peer tools the rule set's targets read, in registration order. */
  tools: readonly PeerTool[];
  /** Our rule ids the peer id stands for; empty when we have no rule deciding the same cases. */
  rulesFor(tool: PeerTool, id: string): string[];
  /** Every rule of ours with an equivalent in that tool, for `skip=all` and `ignore-all`. */
  allFor(tool: PeerTool): string[];
}

const cache = new WeakMap<RuleCatalog, PeerIndex>();

export function peerIndex(registry: RuleCatalog): PeerIndex {
  const hit = cache.get(registry);
  if (hit) return hit;
  const tools = registry.peerTools();
  const byTool = new Map<PeerTool, Map<string, string[]>>();
  for (const meta of registry.metas()) {
    const claims: [string, string][] = meta.equivalents.map((e) => [e, meta.id]);
    for (const [messageId, list] of Object.entries(meta.messageEquivalents ?? {})) {
      for (const e of list ?? []) claims.push([e, targetId(meta.id, messageId)]);
    }
    for (const [equivalent, target] of claims) {
      const colon = equivalent.indexOf(':');
      const tool = equivalent.slice(0, colon);
      if (colon < 0 || !tools.includes(tool)) continue;
      const ids = byTool.get(tool) ?? new Map<string, string[]>();
      byTool.set(tool, ids);
      const key = normalizePeerId(tool, equivalent.slice(colon + 1));
      ids.set(key, [...(ids.get(key) ?? []), target]);
    }
  }
  const index: PeerIndex = {
    tools,
    rulesFor: (tool, id) => byTool.get(tool)?.get(normalizePeerId(tool, id)) ?? [],
    allFor: (tool) => [...new Set([...(byTool.get(tool)?.values() ?? [])].flat())].sort(),
  };
  cache.set(registry, index);
  return index;
}
