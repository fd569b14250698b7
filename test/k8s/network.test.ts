// networkFacts + networkPolicyGapsFromFacts: workloads that no NetworkPolicy of their namespace selects, across files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../server/src/core/source';
import { parseK8s } from '../../server/src/k8s/model';
import { networkFacts, networkPolicyGaps, networkPolicyGapsFromFacts, selectorMatches, type NetworkFact, type WorkspaceObject } from '../../server/src/k8s/network';

function objects(files: Record<string, string>): WorkspaceObject[] {
  return Object.entries(files).flatMap(([path, text]) => parseK8s(new SourceFile(path, text)).objects.map((object) => ({ path, object })));
}

/** Facts as a scan worker would send them: through the structured clone a worker_threads message uses. */
function facts(files: Record<string, string>): { path: string; fact: NetworkFact }[] {
  return objects(files).flatMap(({ path, object }) => {
    const fact = networkFacts(object);
    return fact ? [{ path, fact: structuredClone(fact) }] : [];
  });
}

const deploy = (name: string, ns: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      containers: [{name: a, image: x:1}]\n`;
const policy = (ns: string, selector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: ${ns}}\nspec:\n  podSelector: ${selector}\n  policyTypes: [Ingress]\n`;
const gapsOf = (files: Record<string, string>) => networkPolicyGapsFromFacts(facts(files)).map((g) => [g.path, g.workload.name, g.workload.namespace, g.reason]);

test('networkFacts: plain summaries of policies and workloads; other objects give none', () => {
  const all = facts({
    'a.yaml': `${deploy('web', 'shop', '{app: web, tier: front}')}---\n${policy('shop', '{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [front]}]}')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`,
  });
  assert.deepEqual(all, [
    {
      path: 'a.yaml',
      fact: { type: 'workload', apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop', labels: { app: 'web', tier: 'front' }, range: { start: { line: 2, character: 17 }, end: { line: 2, character: 20 } } },
    },
    { path: 'a.yaml', fact: { type: 'policy', namespace: 'shop', podSelector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] } } },
  ]);
});

test('networkFacts: a PodTemplate is skipped, a CronJob is a workload with its pod template labels, a Pod with its own', () => {
  const all = facts({
    'a.yaml':
      'apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\ntemplate:\n  metadata: {labels: {app: t}}\n  spec:\n    containers: [{name: a, image: x:1}]\n---\n' +
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: c}}\n        spec:\n          containers: [{name: a, image: x:1}]\n---\n' +
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec:\n  containers: [{name: a, image: x:1}]\n',
  });
  assert.deepEqual(all.map(({ fact }) => (fact.type === 'workload' ? [fact.kind, fact.name, fact.labels] : [fact.type])), [
    ['CronJob', 'c', { app: 'c' }],
    ['Pod', 'p', { app: 'p' }],
  ]);
});

test('a policy in another file covers the workloads it selects', () => {
  assert.deepEqual(
    gapsOf({
      'a.yaml': `${deploy('web', 'shop', '{app: web}')}---\n${deploy('db', 'shop', '{app: db, tier: data}')}`,
      'b.yaml': policy('shop', '{matchLabels: {app: web}}'),
      'c.yaml': deploy('api', 'other', '{app: api}'),
    }),
    [['a.yaml', 'db', 'shop', 'notSelected'], ['c.yaml', 'api', 'other', 'noPolicy']],
  );
});

test('an empty podSelector selects every pod; matchExpressions follow Kubernetes semantics', () => {
  assert.deepEqual(gapsOf({ 'a.yaml': `${deploy('web', 'shop', '{app: web}')}---\n${policy('shop', '{}')}` }), []);
  assert.deepEqual(gapsOf({ 'a.yaml': deploy('web', 'shop', '{app: web}'), 'b.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec: {}\n' }), []);
  const expr = gapsOf({
    'a.yaml': `${deploy('web', 'shop', '{app: web}')}---\n${deploy('db', 'shop', '{app: db}')}`,
    'b.yaml': policy('shop', '{matchExpressions: [{key: app, operator: NotIn, values: [db]}]}'),
  });
  assert.deepEqual(expr.map((g) => g[1]), ['db']);
});

test('selectorMatches: each operator, and matchLabels AND matchExpressions', () => {
  const labels = { app: 'web', tier: 'front' };
  const sel = (matchLabels: Record<string, string>, ...matchExpressions: { key: string; operator: string; values: string[] }[]) => ({ matchLabels, matchExpressions });
  const table: [ReturnType<typeof sel> | undefined, boolean][] = [
    [undefined, true],
    [sel({}), true],
    [sel({ app: 'web' }), true],
    [sel({ app: 'db' }), false],
    [sel({ missing: '' }), false],
    [sel({}, { key: 'tier', operator: 'In', values: ['front', 'back'] }), true],
    [sel({}, { key: 'zone', operator: 'In', values: ['a'] }), false],
    [sel({}, { key: 'tier', operator: 'NotIn', values: ['front'] }), false],
    [sel({}, { key: 'zone', operator: 'NotIn', values: ['a'] }), true],
    [sel({}, { key: 'app', operator: 'Exists', values: [] }), true],
    [sel({}, { key: 'zone', operator: 'Exists', values: [] }), false],
    [sel({}, { key: 'app', operator: 'DoesNotExist', values: [] }), false],
    [sel({ app: 'web' }, { key: 'tier', operator: 'In', values: ['back'] }), false],
  ];
  for (const [selector, expected] of table) assert.equal(selectorMatches(selector, labels), expected, JSON.stringify(selector));
});

test('objects without a namespace match policies without one, never a namespaced one', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec:\n  containers: [{name: a, image: x:1}]\n';
  assert.deepEqual(gapsOf({ 'a.yaml': pod, 'b.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n' }), []);
  assert.deepEqual(gapsOf({ 'a.yaml': pod, 'b.yaml': policy('shop', '{}') }), [['a.yaml', 'p', undefined, 'noPolicy']]);
});

test('networkPolicyGaps over parsed objects delegates to the facts analysis', () => {
  const files = { 'a.yaml': `${deploy('web', 'shop', '{app: web}')}---\n${deploy('db', 'shop', '{app: db}')}`, 'b.yaml': policy('shop', '{matchLabels: {app: web}}') };
  assert.deepEqual(networkPolicyGaps(objects(files)), networkPolicyGapsFromFacts(facts(files)));
});
