// Peers' own test cases for the ids our Kubernetes rules claim in `equivalents`, replayed through the full engine.
// Each row names the peer test it comes from; `differs` marks a case where we deliberately decide otherwise
// (the difference is written in the rule's description and docs/equivalents-audit.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULES } from '../../../server/src/api';

interface Replay {
  peer: string;
  rule: string;
  /** The peer's test name (or documented example) this row replays. */
  source: string;
  code: string;
  peerFires: boolean;
  /** Why our rule decides this case the other way. */
  differs?: string;
}

const pod = (container: string, podFields = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n${podFields}  containers:\n    - name: hello\n      image: busybox:1.36\n${container}`;
const withImage = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n    - name: hello\n      image: "${image}"\n`;
const deployment = (image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: dep\nspec:\n  template:\n    spec:\n      containers:\n        - name: test-container\n          image: ${image}\n`;
const role = (rules: string, kind = 'Role') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\n  namespace: default\nrules:\n${rules}`;
const fakeDigest = 'sha256:askj78jhkf278hdjkf78623gbkljmkvmk8kjn98237487hkjaf897bkjsehf783f';

const REPLAYS: Replay[] = [
  // Trivy KSV-0013 (use-specific-tags), checks/kubernetes/*_test.rego "test_image_tagging_cases".
  ...([
    ['image without tag', 'busybox', true],
    ['image with latest tag', 'busybox:latest', true],
    ['image with version', 'busybox:1.33.1', false],
    ['image with digest only', `busybox@${fakeDigest}`, false],
    ['image with latest tag and digest', `busybox:latest@${fakeDigest}`, false],
    ['image with version and digest', `busybox:1.33.1@${fakeDigest}`, false],
    ['registry with tag', '127.0.0.1:5000/busybox:1.33.1', false],
    ['registry without tag', '127.0.0.1:5000/busybox', true],
    ['registry without tag2', 'gcr.io/google-containers/pause', true],
  ] as const).map(([source, image, peerFires]): Replay => ({ peer: 'trivy:KSV-0013', rule: 'k8s/image-latest-tag', source, code: withImage(image), peerFires })),
  // kube-linter latest-tag, pkg/templates/latesttag/template_test.go (default blockList `.*:(latest)$`).
  { peer: 'kube-linter:latest-tag', rule: 'k8s/image-latest-tag', source: 'TestImproperContainerTag', code: deployment('example.com/test:latest'), peerFires: true },
  { peer: 'kube-linter:latest-tag', rule: 'k8s/image-latest-tag', source: 'TestAcceptableContainerImage (latest as name)', code: deployment('example.com/latest:v1.0.0'), peerFires: false },
  { peer: 'kube-linter:latest-tag', rule: 'k8s/image-latest-tag', source: 'TestAcceptableContainerImage', code: deployment('example.com/test:v1.0.0'), peerFires: false },
  {
    peer: 'kube-linter:latest-tag',
    rule: 'k8s/image-latest-tag',
    source: 'default blockList on an untagged image',
    code: deployment('example.com/test'),
    peerFires: false,
    differs: 'an untagged image pulls `latest`; the default blockList regex only sees a written `:latest`',
  },
  // Checkov CKV_K8S_43 (ImageDigest): passes only with a digest.
  { peer: 'checkov:CKV_K8S_43', rule: 'k8s/image-not-pinned', source: 'ImageDigest FAILED tag', code: withImage('nginx:1.27'), peerFires: true },
  { peer: 'checkov:CKV_K8S_43', rule: 'k8s/image-not-pinned', source: 'ImageDigest PASSED digest', code: withImage(`nginx@sha256:${'a'.repeat(64)}`), peerFires: false },
  // Trivy KSV-0025 (no-custom-selinux-options), *_test.rego.
  { peer: 'trivy:KSV-0025', rule: 'k8s/selinux-override', source: 'test_pod_invalid_selinux_type_denied', code: pod('', '  securityContext:\n    seLinuxOptions: {type: custom}\n'), peerFires: true },
  { peer: 'trivy:KSV-0025', rule: 'k8s/selinux-override', source: 'test_container_invalid_selinux_type_denied', code: pod('      securityContext:\n        seLinuxOptions: {type: custom}\n'), peerFires: true },
  { peer: 'trivy:KSV-0025', rule: 'k8s/selinux-override', source: 'test_empty_selinux_options_allowed', code: pod('', '  securityContext:\n    seLinuxOptions: {}\n'), peerFires: false },
  { peer: 'trivy:KSV-0025', rule: 'k8s/selinux-override', source: 'test_restricted_key_in_selinux_options_denied', code: pod('', '  securityContext:\n    seLinuxOptions: {type: container_t, role: admin}\n'), peerFires: true },
  { peer: 'trivy:KSV-0025', rule: 'k8s/selinux-override', source: 'test_multiple_restricted_keys_in_selinux_options_denied', code: pod('', '  securityContext:\n    seLinuxOptions: {type: container_t, role: admin, user: root}\n'), peerFires: true },
  {
    peer: 'trivy:KSV-0025',
    rule: 'k8s/selinux-override',
    source: 'test_containers_have_multiple_restricted_keys_in_selinux_options_denied',
    code: pod('      securityContext:\n        seLinuxOptions: {type: container_t, role: admin, user: root}\n'),
    peerFires: true,
  },
  {
    peer: 'trivy:KSV-0025',
    rule: 'k8s/selinux-override',
    source: 'allowed_selinux_types without container_engine_t',
    code: pod('      securityContext:\n        seLinuxOptions: {type: container_engine_t}\n'),
    peerFires: true,
    differs: 'Pod Security Standards allow `container_engine_t` since Kubernetes 1.31; Trivy\'s list predates it',
  },
  // Pod Security Standards, baseline seLinuxOptions: every level is checked on its own.
  {
    peer: 'pss:baseline/seLinuxOptions',
    rule: 'k8s/selinux-override',
    source: 'pod-level user set while the container sets its own options',
    code: pod('      securityContext:\n        seLinuxOptions: {level: "s0:c1,c2"}\n', '  securityContext:\n    seLinuxOptions: {user: system_u}\n'),
    peerFires: true,
  },
  // Checkov CKV_K8S_159 (DangerousGitSync): a GITSYNC_GIT env var in containers or initContainers.
  { peer: 'checkov:CKV_K8S_159', rule: 'k8s/dangerous-component', source: 'DangerousGitSync FAILED', code: pod('      env: [{name: GITSYNC_GIT, value: /bin/sh}]\n'), peerFires: true },
  { peer: 'checkov:CKV_K8S_159', rule: 'k8s/dangerous-component', source: 'DangerousGitSync PASSED', code: pod('      env: [{name: GITSYNC_REPO, value: https://example.com/r}]\n'), peerFires: false },
  {
    peer: 'checkov:CKV_K8S_159',
    rule: 'k8s/dangerous-component',
    source: 'v3 variable name',
    code: pod('      env: [{name: GIT_SYNC_GIT, value: /bin/sh}]\n'),
    peerFires: false,
    differs: 'git-sync v3 reads the same setting as `GIT_SYNC_GIT`',
  },
  // Checkov CKV_K8S_158 / CKV_K8S_157 are not claimed; our namespaced-Role scoping is checked here against the API server's behaviour instead.
  { peer: 'kubernetes:rbac', rule: 'k8s/rbac-escalation', source: 'Role escalate on clusterroles authorises nothing', code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [escalate]\n'), peerFires: false },
  { peer: 'kubernetes:rbac', rule: 'k8s/rbac-escalation', source: 'Role bind on clusterroles is checked in the namespace', code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [bind]\n'), peerFires: true },
];

for (const r of REPLAYS) {
  test(`${r.peer} "${r.source}" → ${r.rule} ${r.differs ? 'differs on purpose' : r.peerFires ? 'fires' : 'stays quiet'}`, () => {
    const rule = RULES.find((x) => x.meta.id === r.rule);
    assert.ok(rule, r.rule);
    if (!r.peer.startsWith('kubernetes:')) assert.ok(rule.meta.equivalents.includes(r.peer), `${r.rule} claims ${r.peer}`);
    const fired = lint({ path: 'peer.yaml', text: r.code }, { rules: { [r.rule]: 'warning' } }).findings.some((f) => f.ruleId === r.rule);
    assert.equal(fired, r.differs ? !r.peerFires : r.peerFires);
  });
}
