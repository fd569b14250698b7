// Replays peers' documented cases for the ids our rules claim (`equivalents` / `messageEquivalents`) through the full
// engine. Our verdict for a peer id is whether any finding of a rule (or rule message) that claims the id is raised:
// that is what the claim means for suppression, and how a split claim (one peer check, two of our rules) is judged.
// A claimed id must agree with the peer on at least AGREEMENT_BAR of its cases (issue 10). An id that missed the bar
// is not claimed: it is a related, not equivalent, peer check written in the rules' `peerNotes`; its rows stay in the
// table, judged through the rules that write the note, so the written difference stays true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULES, SHIPPED, type RuleMeta, type TargetId } from '../../server/src/api';
import { lintWorkspace } from '../../server/src/core/workspace';

/** The least share of a claimed id's replayed cases on which we must decide as the peer does. */
export const AGREEMENT_BAR = 0.97;

export interface Replay {
  /** The peer id, e.g. `checkov:CKV_K8S_16`: claimed, or related (written in a rule's `peerNotes`, not claimed). */
  peer: string;
  /** Where the case comes from: the peer's test name, test file, or the documented condition it replays. */
  source: string;
  code: string;
  /** File name to lint the code under (defaults to `peer.yaml`). */
  path?: string;
  peerFires: boolean;
  /**
   * A related (unclaimed) id only: the message of the noting rule that the peer check corresponds to, where the id
   * was claimed per message (`messageEquivalents`) before it missed the bar. The rule's other messages do not count.
   */
  message?: string;
  /** Why our rules decide this case the other way; the claimant's (or noting rule's) `peerNotes` must write it down. */
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

/** The rules that write a note on a peer id they do not claim: a related, not equivalent, peer check. */
export function noters(peer: string): { meta: RuleMeta }[] {
  return RULES.filter(({ meta }) => meta.peerNotes?.[peer] !== undefined && !claimants(peer).some((c) => c.meta.id === meta.id)).map(({ meta }) => ({ meta }));
}

/** Whether a peer id is claimed by any rule (or rule message). */
export function isClaimed(peer: string): boolean {
  return claimants(peer).length > 0;
}

/** The rules a row is judged through: the claimants of a claimed id, else the rules noting a related one (to `message` if given). */
function deciders(peer: string, message?: string): { meta: RuleMeta; messageId?: string }[] {
  if (isClaimed(peer)) return claimants(peer);
  return noters(peer).map(({ meta }) => (message === undefined ? { meta } : { meta, messageId: message }));
}

/** Whether any claimant (or, for a related id, noting rule) of `peer` reports on the case, in the per-file lint or a workspace scan of the one file (they are switched on even when off by default). */
export function ourVerdict(r: Replay): boolean {
  const who = deciders(r.peer, r.message);
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

/** Agreement per id: cases, cases decided as the peer does, and their share. */
export function agreement(rows: readonly Replay[]): Map<string, { cases: number; agree: number; share: number }> {
  const out = new Map<string, { cases: number; agree: number; share: number }>();
  for (const id of [...new Set(rows.map((r) => r.peer))].sort()) {
    const own = rows.filter((r) => r.peer === id);
    const agree = own.filter((r) => !r.differs).length;
    out.set(id, { cases: own.length, agree, share: agree / own.length });
  }
  return out;
}

/**
 * One test per row, plus the coverage checks: every id the targets claim has at least one case the peer reports and
 * one it does not, every row's id is claimed or written as related, every deliberate difference is written in
 * `peerNotes`, every claimed id agrees on at least AGREEMENT_BAR of its cases, and a related id shows its difference.
 * `everyClaimReplayed: false` (a table that replays only some of the targets' claimed ids) asks both ways only of the
 * claimed ids it replays.
 */
export function replayTable(name: string, targets: readonly TargetId[], rows: readonly Replay[], { everyClaimReplayed = true } = {}): void {
  for (const r of rows) {
    test(`${r.peer} "${r.source}" ${r.differs ? 'differs on purpose' : r.peerFires ? 'fires' : 'stays quiet'}`, () => {
      assert.ok(deciders(r.peer).length, `no rule claims ${r.peer} or writes it as a related peer check (peerNotes)`);
      if (r.message !== undefined) {
        assert.ok(!isClaimed(r.peer), `${r.peer} is claimed: its claim (messageEquivalents) scopes it, not the row`);
        assert.ok(noters(r.peer).every(({ meta }) => r.message! in meta.messages), `no rule noting ${r.peer} has the message ${r.message}`);
      }
      assert.equal(ourVerdict(r), r.differs ? !r.peerFires : r.peerFires);
    });
  }

  test(`${name}: every claimed id ${everyClaimReplayed ? 'is replayed' : 'replayed here is replayed'}, both ways`, () => {
    const missing: string[] = [];
    const replayed = new Set(rows.map((r) => r.peer));
    for (const id of claimedIds(targets).filter((c) => everyClaimReplayed || replayed.has(c))) {
      const own = rows.filter((r) => r.peer === id);
      if (!own.some((r) => r.peerFires) || !own.some((r) => !r.peerFires)) missing.push(id);
    }
    assert.deepEqual(missing, []);
  });

  test(`${name}: every deliberate difference is written in the claimant's peerNotes`, () => {
    const unwritten = rows.filter((r) => r.differs && !deciders(r.peer).some(({ meta }) => meta.peerNotes?.[r.peer])).map((r) => `${r.peer}: ${r.source}`);
    assert.deepEqual(unwritten, []);
  });

  test(`${name}: every claimed id agrees on at least ${100 * AGREEMENT_BAR}% of its cases`, () => {
    const below = [...agreement(rows)].filter(([id, a]) => isClaimed(id) && a.share < AGREEMENT_BAR).map(([id, a]) => `${id}: ${a.agree}/${a.cases}`);
    assert.deepEqual(below, [], 'claim a peer id only where our rule decides the same cases; move it to peerNotes instead');
  });

  test(`${name}: a related (unclaimed) id shows the difference its note writes`, () => {
    const same = [...agreement(rows)].filter(([id, a]) => !isClaimed(id) && a.agree === a.cases).map(([id]) => id);
    assert.deepEqual(same, [], 'every replayed case agrees: claim the id, or replay the case its note describes');
  });

  test(`${name}: agreement per id`, (t) => {
    const all = agreement(rows);
    for (const claimed of [true, false]) {
      let cases = 0;
      let agree = 0;
      let ids = 0;
      for (const [id, a] of all) {
        if (isClaimed(id) !== claimed) continue;
        ids += 1;
        cases += a.cases;
        agree += a.agree;
        t.diagnostic(`${claimed ? '' : 'related: '}${id} | ${a.cases} | ${a.agree} | ${(100 * a.share).toFixed(1)}%`);
      }
      if (ids) t.diagnostic(`total ${claimed ? 'claimed' : 'related'} | ${ids} ids | ${cases} | ${agree} | ${((100 * agree) / cases).toFixed(1)}%`);
    }
    assert.ok(rows.length > 0);
  });
}
