// Every rendered character knows the template offset that wrote it, and values keep their values-file location.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderChart } from '../../server/src/helm/chart';
import { mapRange } from '../../server/src/helm/sourcemap';

const VALUES = 'image: nginx:1.27\nsecurityContext:\n  privileged: true\n  runAsUser: 0\nport: 80\n';
const TEMPLATE = [
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: {{ .Values.image | quote }}',
  '      securityContext: {{- toYaml .Values.securityContext | nindent 8 }}',
  '      {{- with .Values.port }}',
  '      ports: [{containerPort: {{ . }}}]',
  '      {{- end }}',
  '{{ include "x.labels" . }}',
  '',
].join('\n');
const HELPERS = '{{- define "x.labels" -}}\nlabels: {app: {{ .Values.image }}}\n{{- end }}\n';

function setup() {
  const files = new Map([['Chart.yaml', 'name: x\nversion: 1.0.0\n'], ['values.yaml', VALUES], ['templates/d.yaml', TEMPLATE], ['templates/_helpers.tpl', HELPERS]]);
  const r = renderChart({ root: '/c', files });
  return r.templates.find((t) => t.name === 'x/templates/d.yaml')!;
}

const where = (text: string, needle: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return at;
};

test('source map: the rendered text is what helm template prints', () => {
  assert.equal(
    setup().text,
    'spec:\n  containers:\n    - name: app\n      image: "nginx:1.27"\n      securityContext:\n        privileged: true\n        runAsUser: 0\n      ports: [{containerPort: 80}]\nlabels: {app: nginx:1.27}\n',
  );
});

test('source map: literal text maps one to one', () => {
  const t = setup();
  const at = where(t.text, 'name: app');
  assert.deepEqual(mapRange(t.segs, at, at + 9), { file: '/c/templates/d.yaml', start: where(TEMPLATE, 'name: app'), end: where(TEMPLATE, 'name: app') + 9, literal: true });
});

test('source map: a value printed by an action maps to the action and keeps its values location', () => {
  const t = setup();
  const at = where(t.text, '"nginx:1.27"');
  const m = mapRange(t.segs, at + 1, at + 11)!;
  const action = where(TEMPLATE, '{{ .Values.image | quote }}');
  assert.deepEqual([m.start, m.end, m.literal], [action, action + '{{ .Values.image | quote }}'.length, false]);
  assert.equal(VALUES.slice(m.value!.start, m.value!.end), 'nginx:1.27');
});

test('source map: each scalar of toYaml | nindent keeps its own values line', () => {
  const t = setup();
  const at = where(t.text, 'true');
  const m = mapRange(t.segs, at, at + 4)!;
  assert.equal(TEMPLATE.slice(m.start, m.end), '{{- toYaml .Values.securityContext | nindent 8 }}');
  assert.deepEqual([m.value!.file, VALUES.slice(m.value!.start, m.value!.end), m.value!.start], ['/c/values.yaml', 'true', where(VALUES, 'true')]);
  const zero = where(t.text, ': 0') + 2;
  assert.equal(VALUES.slice(mapRange(t.segs, zero, zero + 1)!.value!.start, mapRange(t.segs, zero, zero + 1)!.value!.end), '0');
});

test('source map: dot inside with keeps the values location', () => {
  const t = setup();
  const at = where(t.text, '80');
  assert.equal(VALUES.slice(mapRange(t.segs, at, at + 2)!.value!.start, mapRange(t.segs, at, at + 2)!.value!.end), '80');
});

test('source map: text from an included template maps to the include action, via the helper line', () => {
  const t = setup();
  const at = where(t.text, 'labels:');
  const m = mapRange(t.segs, at, at + 7)!;
  assert.equal(TEMPLATE.slice(m.start, m.end), '{{ include "x.labels" . }}');
  assert.equal(m.via!.file, '/c/templates/_helpers.tpl');
  assert.equal(HELPERS.slice(m.via!.start, m.via!.start + 7), 'labels:');
  const img = where(t.text, 'nginx:1.27', 1);
  assert.equal(VALUES.slice(mapRange(t.segs, img, img + 10)!.value!.start, mapRange(t.segs, img, img + 10)!.value!.end), 'nginx:1.27');
});
