// A peer id written only as "related, not equivalent" (`peerNotes`, not `equivalents`) silences nothing of ours: a
// peer's suppression maps only through claimed ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, SHIPPED } from '../../server/src/api';
import { peerIndex, ruleOfTarget } from '../../server/src/suppress/peers';
import { outcome } from './helpers';

test('a related peer id maps to no rule that only writes a note on it', () => {
  const index = peerIndex(SHIPPED);
  const leaks: string[] = [];
  let related = 0;
  for (const { meta } of RULES) {
    const claimed = new Set([...meta.equivalents, ...Object.values(meta.messageEquivalents ?? {}).flatMap((v) => v ?? [])]);
    for (const id of Object.keys(meta.peerNotes ?? {})) {
      if (claimed.has(id)) continue;
      related += 1;
      const colon = id.indexOf(':');
      if (index.rulesFor(id.slice(0, colon), id.slice(colon + 1)).some((t) => ruleOfTarget(t) === meta.id)) leaks.push(`${id} → ${meta.id}`);
    }
  }
  assert.ok(related > 0);
  assert.deepEqual(leaks, []);
});

const escalating = (annotations: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${annotations}spec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n        allowPrivilegeEscalation: true\n`;
const focus = ['k8s/allow-privilege-escalation', 'k8s/no-privileged'];

test('Checkov CKV_K8S_20 and Trivy KSV-0001 (related, not equivalent) leave allow-privilege-escalation reported', () => {
  // The same directives name a claimed id too (CKV_K8S_16, KSV-0017), which silences k8s/no-privileged: the
  // directive is read, and only the related id maps to nothing.
  for (const code of [
    `#checkov:skip=CKV_K8S_20:reason\n#checkov:skip=CKV_K8S_16:reason\n${escalating('')}`,
    escalating('  annotations:\n    checkov.io/skip1: CKV_K8S_20=reason\n    checkov.io/skip2: CKV_K8S_16=reason\n'),
    `#trivy:ignore:KSV-0001\n#trivy:ignore:KSV-0017\n${escalating('')}`,
  ]) {
    const o = outcome('pod.yaml', code, {}, undefined, focus);
    assert.deepEqual(
      [o.reported.map((r) => r.split('@')[0]), o.suppressed.map((s) => s.split('@')[0])],
      [['k8s/allow-privilege-escalation'], ['k8s/no-privileged']],
      code,
    );
  }
});

test('hadolint DL4006 (related, not equivalent) leaves dockerfile/pipefail reported', () => {
  // The control: DL3020 is claimed by dockerfile/prefer-copy, and the same pragma form silences it.
  const code = 'FROM alpine:3.20\n# hadolint ignore=DL4006\nRUN wget -qO- https://example.com/x | wc -l\n# hadolint ignore=DL3020\nADD app.py /app/\n';
  const o = outcome('Dockerfile', code, {}, undefined, ['dockerfile/pipefail', 'dockerfile/prefer-copy']);
  assert.deepEqual([o.reported, o.suppressed.map((s) => s.split(' ')[0]), o.problems], [['dockerfile/pipefail@3'], ['dockerfile/prefer-copy@5'], []]);
});
