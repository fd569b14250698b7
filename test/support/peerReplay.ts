// Replays peers' documented cases for the ids our rules claim (`equivalents` / `messageEquivalents`) through the full
// engine. Our verdict for a peer id is whether any finding of a rule (or rule message) that claims the id is raised:
// that is what the claim means for suppression, and how a split claim (one peer check, two of our rules) is judged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULES, SHIPPED, type RuleMeta, type TargetId } from '../../server/src/api';
import { lintWorkspace } from '../../server/src/core/workspace';

export interface Replay {
  /** The claimed peer id, e.g. `checkov:CKV_K8S_20`. */
  peer: string;
  /** Where the case comes from: the peer's test name, test file, or the documented condition it replays. */
  source: string;
  code: string;
  /** File name to lint the code under (defaults to `peer.yaml`). */
  path?: string;
  peerFires: boolean;
  /** Why our claimants decide this case the other way; the claimant's `peerNotes` must write the difference down. */
  differs?: string;
}

/** The rules (or `rule#message` targets) that claim a peer id. */
export function claimants(peer: string): { meta: RuleMeta; messageId?: string }[] {
  const out: { meta: RuleMeta; messageId?: string }[] = [];
  for (const { meta } of RULES) {
    if (meta.equivalents.includes(peer)) out.push({ meta });
    for (const [messageId, list] of Object.entries(meta.messageEquivalents ?? {})) {
      if (list?.includes(peer)) out.push({ meta, messageId });
    }
  }
  return out;
}

/** Whether any claimant of `peer` reports on the case, in the per-file lint or a workspace scan of the one file (claimants are switched on even when off by default). */
export function ourVerdict(r: Replay): boolean {
  const who = claimants(r.peer);
  const rules = Object.fromEntries(who.map(({ meta }) => [meta.id, 'warning' as const]));
  const path = r.path ?? 'peer.yaml';
  const result = lint({ path, text: r.code }, { rules });
  // Workspace rules (NetworkPolicy coverage) decide over the scanned files, as the peers' graph checks do: the case
  // is a workspace of this one file.
  const workspace = result.workspace ? (lintWorkspace([{ path, workspace: result.workspace }], () => ({ rules }), SHIPPED).get(path)?.findings ?? []) : [];
  const findings = [...result.findings, ...workspace];
  return findings.some((f) => who.some(({ meta, messageId }) => f.ruleId === meta.id && (messageId === undefined || f.messageId === messageId)));
}

/** Every peer id claimed by the rules of these targets. */
export function claimedIds(targets: readonly TargetId[]): string[] {
  const ids = new Set<string>();
  for (const { meta } of RULES) {
    if (!targets.includes(meta.target)) continue;
    for (const e of meta.equivalents) ids.add(e);
    for (const list of Object.values(meta.messageEquivalents ?? {})) for (const e of list ?? []) ids.add(e);
  }
  return [...ids].sort();
}

/**
 * One test per row, plus the coverage checks: every id the targets claim has at least one case the peer reports and
 * one it does not, every row's id is claimed, and every deliberate difference is written in a claimant's `peerNotes`.
 */
export function replayTable(name: string, targets: readonly TargetId[], rows: readonly Replay[]): void {
  for (const r of rows) {
    test(`${r.peer} "${r.source}" ${r.differs ? 'differs on purpose' : r.peerFires ? 'fires' : 'stays quiet'}`, () => {
      assert.ok(claimants(r.peer).length, `no rule claims ${r.peer}`);
      assert.equal(ourVerdict(r), r.differs ? !r.peerFires : r.peerFires);
    });
  }

  test(`${name}: every claimed id is replayed, both ways`, () => {
    const missing: string[] = [];
    for (const id of claimedIds(targets)) {
      const own = rows.filter((r) => r.peer === id);
      if (!own.some((r) => r.peerFires) || !own.some((r) => !r.peerFires)) missing.push(id);
    }
    assert.deepEqual(missing, []);
  });

  test(`${name}: every deliberate difference is written in the claimant's peerNotes`, () => {
    const unwritten = rows.filter((r) => r.differs && !claimants(r.peer).some(({ meta }) => meta.peerNotes?.[r.peer])).map((r) => `${r.peer}: ${r.source}`);
    assert.deepEqual(unwritten, []);
  });

  test(`${name}: agreement per id`, (t) => {
    const ids = [...new Set(rows.map((r) => r.peer))].sort();
    let agree = 0;
    for (const id of ids) {
      const own = rows.filter((r) => r.peer === id);
      const same = own.filter((r) => !r.differs).length;
      agree += same;
      t.diagnostic(`${id} | ${own.length} | ${same} | ${((100 * same) / own.length).toFixed(1)}%`);
    }
    t.diagnostic(`total | ${rows.length} | ${agree} | ${((100 * agree) / rows.length).toFixed(1)}%`);
    assert.ok(rows.length > 0);
  });
}
