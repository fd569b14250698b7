// The object model: documents, lists, CRLF, aliases, templates, parse errors and pod-spec discovery.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../server/src/core/source';
import { parseK8s } from '../../server/src/k8s/model';
import { containersOf, effective, podSpecOf } from '../../server/src/k8s/podspec';
import { lint } from '../../server/src/api';

const parse = (text: string) => {
  const file = new SourceFile('m.yaml', text);
  return { file, k8s: parseK8s(file) };
};
const pos = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

test('multi-document files, kind: List items and non-Kubernetes documents', () => {
  const { k8s } = parse('a: 1\n---\napiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: two}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: three, namespace: shop}\n');
  assert.deepEqual(k8s.objects.map((o) => [o.kind, o.name, o.namespace ?? null, o.docIndex]), [['ConfigMap', 'one', null, 1], ['Secret', 'two', null, 1], ['Deployment', 'three', 'shop', 2]]);
});

test('CRLF files keep exact ranges in later documents', () => {
  const { file, k8s } = parse('apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: a\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: bee\r\n');
  assert.equal(file.eol, '\r\n');
  assert.deepEqual(k8s.objects.map((o) => pos(o.anchorRange)), ['4:9-4:10', '9:9-9:12']);
});

test('a broken document is reported at its error and the others are still checked', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n  - item\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n';
  const { k8s } = parse(text);
  assert.deepEqual(k8s.objects.map((o) => o.name), ['ok', 'after']);
  assert.deepEqual(k8s.diagnostics.map((d) => [d.id, pos(d.range).split(':')[0]]), [['shipshape/parse-error', '10']]);
});

test('Helm templates are skipped with one notice; Go templates inside strings are data', () => {
  const helm = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n  labels: {}\n{{- end }}\n';
  const text = `${helm}---\n${helm}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  tpl: "{{ .Labels.instance }} is down"\n  body: |\n    {{ range .Alerts }}{{ .Annotations.summary }}{{ end }}\n`;
  const { k8s } = parse(text);
  assert.deepEqual(k8s.diagnostics.map((d) => d.id), ['shipshape/templated-yaml']);
  assert.deepEqual(k8s.objects.map((o) => o.name), ['alerts']);
});

test('alias bombs are refused, never expanded; small anchors work', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  ${levels.join('\n  ')}\n`;
  const started = Date.now();
  const { k8s } = parse(bomb);
  assert.ok(Date.now() - started < 2000, 'measuring must not expand the aliases');
  assert.deepEqual(k8s.diagnostics.map((d) => d.id), ['shipshape/yaml-limit']);
  assert.deepEqual(k8s.objects, []);
  const small = parse('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: &sc {runAsNonRoot: true}\n  containers:\n    - name: app\n      image: nginx:1.27.3\n      securityContext: *sc\n');
  assert.deepEqual(small.k8s.diagnostics, []);
  const pod = podSpecOf(small.k8s.objects[0]!)!;
  assert.equal(effective(containersOf(small.file, pod)[0]!, 'runAsNonRoot').value, true);
});

test('pod specs are found in CRDs that embed a pod template, with every container role', () => {
  const { file, k8s } = parse('apiVersion: example.com/v1\nkind: Worker\nmetadata: {name: w}\nspec:\n  template:\n    metadata: {labels: {app: w}}\n    spec:\n      initContainers: [{name: i, image: a:1}]\n      containers: [{name: c, image: a:1}]\n      ephemeralContainers: [{name: e, image: a:1}]\n---\napiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  template:\n    spec: {replicas: 1}\n');
  const [worker, thing] = k8s.objects;
  const pod = podSpecOf(worker!)!;
  assert.deepEqual(pod.path, ['spec', 'template', 'spec']);
  assert.deepEqual(containersOf(file, pod).map((c) => [c.name, c.role]), [['i', 'initContainer'], ['c', 'container'], ['e', 'ephemeralContainer']]);
  assert.equal(podSpecOf(thing!), undefined);
});

test('effective(): the container wins, the pod fills in, container-only fields never inherit', () => {
  const { file, k8s } = parse('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsUser: 1000, runAsNonRoot: true}\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {runAsUser: 2000, privileged: true}\n    - name: b\n      image: x:1\n');
  const [a, b] = containersOf(file, podSpecOf(k8s.objects[0]!)!);
  assert.deepEqual([effective(a!, 'runAsUser').value, effective(a!, 'runAsUser').from], [2000, 'container']);
  assert.deepEqual([effective(b!, 'runAsUser').value, effective(b!, 'runAsUser').from], [1000, 'pod']);
  assert.equal(effective(b!, 'runAsNonRoot').value, true);
  assert.deepEqual([effective(b!, 'privileged').value, effective(b!, 'privileged').from], [undefined, 'unset']);
});

test('lint of a multi-document manifest reports findings in later documents at their own lines', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  containers: [{name: a, image: nginx:1.27.3}]\n';
  const hits = lint({ path: 'm.yaml', text }).findings.filter((f) => f.ruleId === 'k8s/no-host-pid');
  assert.deepEqual(hits.map((f) => pos(f.range)), ['9:12-9:16']);
});

test('an image placeholder that build tooling fills in makes one info notice at the placeholder, and the document is still checked', () => {
  const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: ${image}\n      securityContext: {privileged: true}\n`;
  const cases: [string, string, string][] = [
    ['"{IMAGE}"', '{IMAGE}', '8:14-8:23'],
    ['${IMAGE}', '${IMAGE}', '8:14-8:22'],
    ['"{{ .Image }}"', '{{ .Image }}', '8:14-8:28'],
    ["'registry.example.com/app:${TAG}'", 'registry.example.com/app:${TAG}', '8:14-8:47'],
  ];
  for (const [written, value, range] of cases) {
    const text = `${pod(written)}---\n${pod(written)}`;
    const result = lint({ path: 'm.yaml', text });
    const notices = result.findings.filter((f) => f.ruleId === 'shipshape/templated-yaml');
    assert.deepEqual(notices.map((f) => [f.severity, pos(f.range)]), [['info', range]], written);
    assert.ok(notices[0]!.message.includes(`\`${value}\``), notices[0]!.message);
    const ids = new Set(result.findings.map((f) => f.ruleId));
    for (const id of ['k8s/image-latest-tag', 'k8s/image-not-pinned', 'k8s/image-pull-policy']) assert.ok(!ids.has(id), `${id} on ${written}`);
    assert.equal(result.findings.filter((f) => f.ruleId === 'k8s/no-privileged').length, 2);
  }
  // A real image is no notice.
  assert.deepEqual(lint({ path: 'm.yaml', text: pod('nginx:1.27') }).findings.filter((f) => f.ruleId === 'shipshape/templated-yaml'), []);
});
