// Partial manifests (Kustomize strategic-merge patches, operator pod-template overlays): the rules that report a
// missing field stay quiet on them, because the base provides what the patch leaves out; values a patch writes are
// still judged. Found in the corpus sweep (kustomize `patch.yaml` files of kubernetes-engine-samples, argo-cd
// `manifests/base/*` overlays): every missing-field rule reported each of their containers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, RULES } from '../../server/src/api';

const ABSENCE_RULES = [
  'k8s/allow-privilege-escalation',
  'k8s/automount-service-account-token',
  'k8s/capabilities-drop-all',
  'k8s/cpu-limit',
  'k8s/cpu-request',
  'k8s/default-service-account',
  'k8s/image-pull-policy',
  'k8s/memory-limit',
  'k8s/memory-request',
  'k8s/missing-security-context',
  'k8s/run-as-root',
  'k8s/seccomp-unset',
  'k8s/writable-root-filesystem',
];
const allOn = { rules: Object.fromEntries(RULES.filter((r) => r.meta.target === 'k8s').map((r) => [r.meta.id, 'warning' as const])) };
const fired = (text: string) => [...new Set(lint({ path: 'patch.yaml', text }, allOn).findings.map((f) => f.ruleId))].sort();

const deployment = (spec: string, selector = true) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n${selector ? '  selector:\n    matchLabels: {app: web}\n' : ''}  template:\n    metadata:\n      labels: {app: web}\n    spec:\n${spec}`;

const FRAGMENTS: [string, string][] = [
  ['apps/v1 Deployment patch without selector, container without image', deployment('      containers:\n        - name: app\n          env:\n            - {name: MODEL_ID, value: google/gemma-2b}\n', false)],
  ['a complete Deployment whose container has no image (an overlay)', deployment('      containers:\n        - name: app\n          args: [--verbose]\n')],
  [
    'operator pod template overlay (CloudNativePG Pooler)',
    'apiVersion: postgresql.cnpg.io/v1\nkind: Pooler\nmetadata:\n  name: pool\nspec:\n  template:\n    spec:\n      containers:\n        - name: pgbouncer\n          resources: {limits: {cpu: 250m}}\n',
  ],
  ['StatefulSet patch', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 0\n  template:\n    spec:\n      containers:\n        - name: db\n          command: [fail]\n'],
];

for (const [name, text] of FRAGMENTS) {
  test(`fragment: ${name}: no missing-field findings`, () => {
    assert.deepEqual(fired(text).filter((id) => ABSENCE_RULES.includes(id) || id === 'k8s/network-policy-coverage'), []);
  });
}

// Written values are judged in a patch as anywhere else.
const WRITTEN: [string, string, string][] = [
  ['privileged: true', deployment('      containers:\n        - name: app\n          securityContext: {privileged: true}\n', false), 'k8s/no-privileged'],
  ['allowPrivilegeEscalation: true', deployment('      containers:\n        - name: app\n          securityContext: {allowPrivilegeEscalation: true}\n', false), 'k8s/allow-privilege-escalation'],
  ['readOnlyRootFilesystem: false', deployment('      containers:\n        - name: app\n          securityContext: {readOnlyRootFilesystem: false}\n', false), 'k8s/writable-root-filesystem'],
  ['runAsNonRoot: false', deployment('      containers:\n        - name: app\n          securityContext: {runAsNonRoot: false}\n', false), 'k8s/run-as-root'],
  ['a drop list without ALL replaces the base list', deployment('      containers:\n        - name: app\n          securityContext: {capabilities: {drop: [NET_RAW]}}\n', false), 'k8s/capabilities-drop-all'],
  ['automountServiceAccountToken: true', deployment('      automountServiceAccountToken: true\n      containers:\n        - name: app\n', false), 'k8s/automount-service-account-token'],
  ['serviceAccountName: default', deployment('      serviceAccountName: default\n      containers:\n        - name: app\n', false), 'k8s/default-service-account'],
  ['imagePullPolicy: IfNotPresent', deployment('      containers:\n        - name: app\n          image: nginx:1.27.3\n          imagePullPolicy: IfNotPresent\n', false), 'k8s/image-pull-policy'],
  ['a latest image', deployment('      containers:\n        - name: app\n          image: nginx:latest\n', false), 'k8s/image-latest-tag'],
];

for (const [name, text, rule] of WRITTEN) {
  test(`fragment: written ${name} is still reported by ${rule}`, () => {
    assert.ok(fired(text).includes(rule), fired(text).join(', '));
  });
}

// Not fragments: the API accepts them as they are, so missing fields are reported.
const COMPLETE: [string, string][] = [
  ['apps/v1 Deployment with selector and image', deployment('      containers:\n        - name: app\n          image: nginx:1.27.3\n')],
  ['apps/v1 Deployment without selector (half-written) with an image', deployment('      containers:\n        - name: app\n          image: nginx:1.27.3\n', false)],
  ['extensions/v1beta1 Deployment without selector (defaulted from the template)', 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.3\n'],
  ['Job without selector (generated by the API)', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: app\n          image: nginx:1.27.3\n'],
  ['Pod', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27.3\n'],
];

for (const [name, text] of COMPLETE) {
  test(`complete: ${name}: missing fields are reported`, () => {
    const ids = fired(text);
    for (const rule of ['k8s/allow-privilege-escalation', 'k8s/seccomp-unset', 'k8s/cpu-limit', 'k8s/run-as-root']) assert.ok(ids.includes(rule), `${rule} in ${ids.join(', ')}`);
  });
}
