// k8s/network-policy-coverage: decided across the files of a workspace scan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/rules/k8s/network-policy-coverage';
import { runWorkspace, workspaceRuleTester } from '../../support/workspaceRuleTester';
import { lint, ruleSetOf } from '../../../server/src/api';

/** A Deployment; its `metadata.name` value sits on line 4, columns 9..9+name.length. */
const deploy = (name: string, ns: string | undefined, labels: string, annotations = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}${annotations}spec:\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers: [{name: a, image: x:1}]\n`;
const policy = (ns: string | undefined, selector: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  podSelector: ${selector}\n  policyTypes: [Ingress]\n`;
const cronJob = `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\n  namespace: shop\nspec:\n  schedule: "0 1 * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels: {app: nightly}\n        spec:\n          containers: [{name: a, image: x:1}]\n          restartPolicy: Never\n`;
const podTemplate = `apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: tmpl\n  namespace: shop\ntemplate:\n  metadata:\n    labels: {app: t}\n  spec:\n    containers: [{name: a, image: x:1}]\n`;

workspaceRuleTester(rule, {
  valid: [
    { name: 'a default-deny policy in another file covers the namespace', files: { 'app/deploy.yaml': deploy('web', 'shop', '{app: web}'), 'net/deny.yaml': policy('shop', '{}') } },
    { name: 'matchExpressions In selects the pods', files: { 'a.yaml': deploy('web', 'shop', '{app: web, tier: front}'), 'b.yaml': policy('shop', '{matchExpressions: [{key: tier, operator: In, values: [front, back]}]}') } },
    { name: 'no namespace on either side: applied together', files: { 'a.yaml': deploy('web', undefined, '{app: web}'), 'b.yaml': policy(undefined, '{matchLabels: {app: web}}') } },
    { name: 'a PodTemplate runs nothing', files: { 'a.yaml': podTemplate } },
    { name: 'no workloads at all', files: { 'a.yaml': policy('shop', '{}'), 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n' } },
    { name: 'switched off by configuration', files: { 'a.yaml': deploy('web', 'shop', '{app: web}') }, config: { rules: { 'k8s/network-policy-coverage': 'off' } } },
    { name: 'a NetworkPolicy of another API group does not count, but a real one does', files: { 'a.yaml': deploy('web', 'shop', '{app: web}'), 'b.yaml': `${policy('shop', '{}').replace('networking.k8s.io/v1', 'crd.projectcalico.org/v1')}---\n${policy('shop', '{}')}` } },
  ],
  invalid: [
    { name: 'no policy anywhere', files: { 'a.yaml': deploy('web', 'shop', '{app: web}') }, errors: [{ path: 'a.yaml', messageId: 'noPolicy', range: '4:9-4:12' }] },
    {
      name: 'a policy in another file selects only some workloads',
      files: { 'a.yaml': `${deploy('web', 'shop', '{app: web}')}---\n${deploy('db', 'shop', '{app: db}')}`, 'b.yaml': policy('shop', '{matchLabels: {app: web}}') },
      errors: [{ path: 'a.yaml', messageId: 'notSelected', range: '16:9-16:11' }],
    },
    { name: 'a policy of another namespace does not count', files: { 'a.yaml': deploy('web', 'shop', '{app: web}'), 'b.yaml': policy('billing', '{}') }, errors: [{ path: 'a.yaml', messageId: 'noPolicy', range: '4:9-4:12' }] },
    { name: 'a workload without a namespace is not covered by a namespaced policy', files: { 'a.yaml': deploy('web', undefined, '{app: web}'), 'b.yaml': policy('shop', '{}') }, errors: [{ path: 'a.yaml', messageId: 'noPolicyUnset', range: '4:9-4:12' }] },
    { name: 'no namespace on either side, policy selects other pods', files: { 'a.yaml': deploy('web', undefined, '{app: web}'), 'b.yaml': policy(undefined, '{matchLabels: {app: api}}') }, errors: [{ path: 'a.yaml', messageId: 'notSelectedUnset', range: '4:9-4:12' }] },
    { name: 'matchExpressions NotIn excludes the pods', files: { 'a.yaml': deploy('db', 'shop', '{app: db}'), 'b.yaml': policy('shop', '{matchExpressions: [{key: app, operator: NotIn, values: [db]}]}') }, errors: [{ path: 'a.yaml', messageId: 'notSelected', range: '4:9-4:11' }] },
    { name: 'a CronJob without a policy', files: { 'cron.yaml': cronJob, 'tmpl.yaml': podTemplate }, errors: [{ path: 'cron.yaml', messageId: 'noPolicy', range: '4:9-4:16' }] },
  ],
});

test('k8s/network-policy-coverage: the severity comes from the config of the file the finding lands in', () => {
  const { findings } = runWorkspace(rule, { name: 'severity', files: { 'a.yaml': deploy('web', 'shop', '{app: web}') }, config: { rules: { 'k8s/network-policy-coverage': 'error' } } });
  assert.deepEqual(findings.map(({ finding }) => [finding.severity, finding.message, finding.object]), [
    ['error', 'No NetworkPolicy in namespace `shop`: pods of `web` accept traffic from every pod in the cluster.', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' }],
  ]);
});

test('k8s/network-policy-coverage: objects without a namespace get messages that name no namespace', () => {
  const run = (files: Record<string, string>) => runWorkspace(rule, { name: 'no namespace', files }).findings.map(({ finding }) => finding.message);
  assert.deepEqual(run({ 'a.yaml': deploy('web', undefined, '{app: web}') }), [
    '`web` names no namespace, and no scanned NetworkPolicy without a namespace would be applied with it: its pods accept traffic from every pod in the cluster.',
  ]);
  assert.deepEqual(run({ 'a.yaml': deploy('web', undefined, '{app: web}'), 'b.yaml': policy(undefined, '{matchLabels: {app: api}}') }), [
    '`web` names no namespace, and no scanned NetworkPolicy without a namespace selects its pods: they accept traffic from every pod in the cluster.',
  ]);
});

test('k8s/network-policy-coverage: our suppressions and the peers\' (through equivalents) silence it', () => {
  const cases: [string, string, string][] = [
    ['shipshape annotation', deploy('web', 'shop', '{app: web}', '  annotations:\n    shipshape.dev/ignore: "k8s/network-policy-coverage -- isolated by the mesh"\n'), 'shipshape'],
    ['shipshape comment', `# shipshape-ignore k8s/network-policy-coverage -- isolated by the mesh\n${deploy('web', 'shop', '{app: web}')}`, 'shipshape'],
    ['kube-linter annotation', deploy('web', 'shop', '{app: web}', '  annotations:\n    ignore-check.kube-linter.io/non-isolated-pod: "mesh"\n'), 'kube-linter'],
    ['checkov comment', `#checkov:skip=CKV2_K8S_6:mesh\n${deploy('web', 'shop', '{app: web}')}`, 'checkov'],
  ];
  for (const [label, text, by] of cases) {
    const run = runWorkspace(rule, { name: label, files: { 'a.yaml': text, 'b.yaml': deploy('api', 'shop', '{app: api}') } });
    assert.deepEqual(run.findings.map(({ path, finding }) => [path, finding.object?.name]), [['b.yaml', 'api']], label);
    assert.deepEqual(run.suppressed.map(({ path, finding }) => [path, finding.object?.name]), [['a.yaml', 'web']], `${label} (${by})`);
    // The per-file pass cannot know the workspace finding yet, so it must not call the suppression unused.
    assert.deepEqual(lint({ path: 'a.yaml', text }, { rules: { [rule.meta.id]: 'info' } }, ruleSetOf([rule])).findings.map((f) => f.ruleId), [], label);
  }
});
