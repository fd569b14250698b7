// networkPolicyGaps: workloads that no NetworkPolicy of their namespace selects, across files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../server/src/core/source';
import { parseK8s } from '../../server/src/k8s/model';
import { networkPolicyGaps, type WorkspaceObject } from '../../server/src/k8s/network';

function objects(files: Record<string, string>): WorkspaceObject[] {
  return Object.entries(files).flatMap(([path, text]) => parseK8s(new SourceFile(path, text)).objects.map((object) => ({ path, object })));
}

const deploy = (name: string, ns: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      containers: [{name: a, image: x:1}]\n`;
const policy = (ns: string, selector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: ${ns}}\nspec:\n  podSelector: ${selector}\n  policyTypes: [Ingress]\n`;

test('a policy in another file covers the workloads it selects', () => {
  const gaps = networkPolicyGaps(objects({
    'a.yaml': `${deploy('web', 'shop', '{app: web}')}---\n${deploy('db', 'shop', '{app: db, tier: data}')}`,
    'b.yaml': policy('shop', '{matchLabels: {app: web}}'),
    'c.yaml': deploy('api', 'other', '{app: api}'),
  }));
  assert.deepEqual(gaps.map((g) => [g.path, g.object.name, g.namespace, g.reason]), [['a.yaml', 'db', 'shop', 'notSelected'], ['c.yaml', 'api', 'other', 'noPolicy']]);
});

test('an empty podSelector selects every pod; matchExpressions follow Kubernetes semantics', () => {
  const all = networkPolicyGaps(objects({ 'a.yaml': `${deploy('web', 'shop', '{app: web}')}---\n${policy('shop', '{}')}` }));
  assert.deepEqual(all, []);
  const expr = networkPolicyGaps(objects({
    'a.yaml': `${deploy('web', 'shop', '{app: web}')}---\n${deploy('db', 'shop', '{app: db}')}---\n${policy('shop', '{matchExpressions: [{key: app, operator: NotIn, values: [db]}]}')}`,
  }));
  assert.deepEqual(expr.map((g) => g.object.name), ['db']);
});

test('objects without a namespace match policies without one; non-workloads are ignored', () => {
  const gaps = networkPolicyGaps(objects({
    'a.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec:\n  containers: [{name: a, image: x:1}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
    'b.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n',
  }));
  assert.deepEqual(gaps, []);
});
