// Charts linted in place: Kubernetes rules on the rendered objects, findings on template lines, values as related
// information, fixes that edit the source of a value, scenarios, unknowns and template errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RULES, ruleSetOf, type Finding } from '../../server/src/api';
import { applyEdits } from '../../server/src/core/fix';
import { ChartLintCache, lintChart } from '../../server/src/helm/lint';
import { readChartFiles } from '../../server/src/helm/fs';
import { parseConfig } from '../../server/src/config/load';
import { lintWorkspace } from '../../server/src/core/workspace';

const registry = (...ids: string[]) => ruleSetOf(RULES.filter((r) => ids.includes(r.meta.id)));
const PRIV = registry('k8s/no-privileged', 'k8s/no-host-network', 'k8s/image-latest-tag');
const pos = (r: Finding['range']) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

const DEPLOY = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  template:',
  '    spec:',
  '      hostNetwork: {{ .Values.hostNetwork }}',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          securityContext: {{- toYaml .Values.sc | nindent 12 }}',
  '{{- if .Values.debug }}',
  '        - name: debug',
  '          image: busybox:1.36',
  '          securityContext: {privileged: true}',
  '{{- end }}',
  '',
].join('\n');

function chart(values: string, extra: Record<string, string> = {}) {
  return { root: '/c', files: new Map([['Chart.yaml', 'name: c\nversion: 1.0.0\n'], ['values.yaml', values], ['templates/deploy.yaml', DEPLOY], ...Object.entries(extra)]) };
}

const INSECURE = 'hostNetwork: true\nsc:\n  privileged: true\ndebug: false\n';

test('helm lint: findings land on the template line, with the values line as related information', () => {
  const r = lintChart(chart(INSECURE), {}, PRIV);
  const f = r.files.get('/c/templates/deploy.yaml')!.findings;
  assert.deepEqual(f.map((x) => `${x.ruleId} ${pos(x.range)} ${x.related?.map((l) => `${l.path}:${pos(l.range)}`).join(',')}`), [
    'k8s/no-host-network 7:20-7:45 /c/values.yaml:1:14-1:18',
    'k8s/no-privileged 11:28-11:65 /c/values.yaml:3:15-3:19',
  ]);
});

test('helm lint: a quick fix edits values.yaml when the value comes from there', () => {
  const files = chart(INSECURE);
  const r = lintChart(files, {}, PRIV);
  const priv = r.files.get('/c/templates/deploy.yaml')!.findings.find((x) => x.ruleId === 'k8s/no-privileged')!;
  const fixes = [...(priv.fix ? [priv.fix] : []), ...priv.suggestions];
  assert.ok(fixes.length > 0);
  for (const fix of fixes) assert.equal(fix.path, '/c/values.yaml');
  const fixed = applyEdits(INSECURE, fixes[0]!.edits);
  assert.equal(fixed, 'hostNetwork: true\nsc:\n  privileged: false\ndebug: false\n');
  const again = lintChart(chart(fixed), {}, PRIV).files.get('/c/templates/deploy.yaml')!.findings.map((x) => x.ruleId);
  assert.deepEqual(again, ['k8s/no-host-network']);
});

test('helm lint: a literal in a branch the values switch on is reported on the template, fixed in the template', () => {
  const r = lintChart(chart('hostNetwork: false\nsc: {}\ndebug: true\n'), {}, PRIV);
  const f = r.files.get('/c/templates/deploy.yaml')!.findings;
  assert.deepEqual(f.map((x) => `${x.ruleId} ${pos(x.range)}`), ['k8s/no-privileged 15:41-15:45']);
  const fix = [...(f[0]!.fix ? [f[0]!.fix] : []), ...f[0]!.suggestions][0]!;
  assert.equal(fix.path, undefined);
  assert.match(applyEdits(DEPLOY, fix.edits), /securityContext: \{privileged: false\}/);
});

test('helm lint: a template that renders nothing under the values (a false branch) has no findings', () => {
  const r = lintChart(chart('hostNetwork: false\nsc: {}\ndebug: false\n'), {}, PRIV);
  assert.equal(r.files.size, 0);
});

test('helm lint: a finding only one values scenario produces names it', () => {
  const files = chart('hostNetwork: false\nsc: {}\ndebug: false\n', { 'values-prod.yaml': 'hostNetwork: true\n' });
  const r = lintChart(files, {}, PRIV, { valuesFiles: ['values-prod.yaml', 'values-missing.yaml'] });
  const f = r.files.get('/c/templates/deploy.yaml')!.findings;
  assert.deepEqual(f.map((x) => [x.ruleId, x.message, x.related?.[0]?.path]), [
    ['k8s/no-host-network', "The pod shares the host's network namespace. (values scenario: values-prod.yaml)", '/c/values-prod.yaml'],
  ]);
});

test('helm lint: output that depends on an unknown value gets no finding', () => {
  const files = chart(INSECURE, { 'templates/deploy.yaml': DEPLOY.replace('image: nginx:1.27', 'image: nginx:{{ randAlphaNum 4 }}') });
  const r = lintChart(files, {}, PRIV);
  assert.equal(r.files.size, 0);
  assert.deepEqual(r.templates.map((t) => t.unknownRegions), [1]);
});

test('helm lint: suppression comments in the template are carried through rendering', () => {
  const files = chart(INSECURE, { 'templates/deploy.yaml': DEPLOY.replace('      hostNetwork:', '      # shipshape-ignore k8s/no-host-network -- node agent\n      hostNetwork:') });
  const f = lintChart(files, {}, PRIV).files.get('/c/templates/deploy.yaml')!.findings;
  assert.deepEqual(f.map((x) => x.ruleId), ['k8s/no-privileged']);
});

test('helm lint: syntax errors, required and fail become diagnostics at their position', () => {
  const cases: [string, string, string][] = [
    ['kind: {{ .Values.x ', '/c/templates/deploy.yaml 1:7-1:9', 'Template syntax error: unclosed action'],
    ['kind: Pod\nx: {{ required "x is required" .Values.x }}', '/c/templates/deploy.yaml 2:7-2:41', 'Template error: error calling required: x is required'],
    ['{{ include "c.fails" . }}', '/c/templates/_h.tpl 1:26-1:35', 'Template error: error calling fail: no'],
    ['{{ include "nope" . }}', '/c/templates/deploy.yaml 1:4-1:20', 'Template error: template: no template "nope" associated with template "gotpl"'],
  ];
  for (const [template, where, message] of cases) {
    const r = lintChart(chart('{}', { 'templates/deploy.yaml': template, 'templates/_h.tpl': '{{ define "c.fails" }}{{ fail "no" }}{{ end }}' }), {}, PRIV);
    const all = [...r.files.values()].flatMap((e) => e.findings.map((x) => `${e.path} ${pos(x.range)}|${x.ruleId}|${x.message}`));
    assert.deepEqual(all, [`${where}|shipshape/helm-template|${message}`], template);
  }
});

test('helm lint: the example chart shows findings on template lines and fixes in values.yaml', () => {
  const root = join(__dirname, '..', '..', '..', 'examples', 'helm', 'web');
  const r = lintChart(readChartFiles(root), {}, registry('k8s/no-privileged', 'k8s/run-as-user-zero', 'k8s/no-host-network', 'k8s/allow-privilege-escalation'), { valuesFiles: ['values-prod.yaml'] });
  const f = r.files.get(join(root, 'templates/deployment.yaml'))!.findings;
  assert.deepEqual(
    f.map((x) => `${x.ruleId} ${pos(x.range)} values:${x.related?.map((l) => pos(l.range)).join(',')} fix:${[...(x.fix ? [x.fix] : []), ...x.suggestions].map((s) => (s.path ? 'values' : 'template')).join(',')}`),
    [
      'k8s/no-host-network 17:20-17:45 values:7:14-7:18 fix:values',
      'k8s/allow-privilege-escalation 24:13-24:63 values:11:29-11:33 fix:values',
      'k8s/no-privileged 24:13-24:63 values:10:15-10:19 fix:values',
      'k8s/run-as-user-zero 24:13-24:63 values:12:14-12:15 fix:',
    ],
  );
  assert.ok(f.every((x) => x.message.endsWith('(values scenario: values.yaml)')));
});

test('helm config: `.shipshape.yaml` helm settings are read and validated', () => {
  const ok = parseConfig('/w/.shipshape.yaml', 'helm:\n  valuesFiles: [values-prod.yaml]\n  kubeVersion: v1.29.0\n', RULES.map((r) => r.meta));
  assert.deepEqual([ok.lint.helm, ok.diagnostics], [{ valuesFiles: ['values-prod.yaml'], kubeVersion: 'v1.29.0' }, []]);
  const bad = parseConfig('/w/.shipshape.yaml', 'helm:\n  valuesFile: x.yaml\n', RULES.map((r) => r.meta));
  assert.deepEqual(bad.diagnostics.map((d) => d.message), ['Unknown setting `valuesFile`. This entry is ignored.']);
});

test('helm lint: with a cache kept between lints, only templates whose output changed are linted again, with the same results', () => {
  const SVC = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: {{ .Values.podHostNetwork }}\n  containers: [{name: a, image: "nginx:{{ .Values.tag }}"}]\n';
  const values = `${INSECURE}podHostNetwork: false\ntag: latest\n`;
  const cache = new ChartLintCache();
  const same = (files: ReturnType<typeof chart>, config = {}) => {
    const cached = lintChart(files, config, PRIV, { cache, valuesFiles: ['values-prod.yaml'] });
    const fresh = lintChart(files, config, PRIV, { valuesFiles: ['values-prod.yaml'] });
    assert.deepEqual([...cached.files], [...fresh.files]);
    return cached;
  };
  const prod = { 'values-prod.yaml': 'podHostNetwork: true\n' };
  const first = same(chart(values, { 'templates/pod.yaml': SVC, ...prod }));
  // Two scenarios: deploy.yaml renders the same under both, but each scenario has its own entries.
  assert.deepEqual(cache.last, { linted: 4, reused: 0 });
  assert.match(first.files.get('/c/templates/pod.yaml')!.findings.map((f) => f.message).join('\n'), /\(values scenario: values-prod\.yaml\)/);
  assert.ok(first.files.get('/c/templates/pod.yaml')!.findings.some((f) => f.ruleId === 'k8s/image-latest-tag'));
  // A keystroke in one template: the other template's output is unchanged in both scenarios.
  same(chart(values, { 'templates/pod.yaml': SVC.replace('metadata: {name: p}', 'metadata: {name: pod}'), ...prod }));
  assert.deepEqual(cache.last, { linted: 2, reused: 2 });
  // A values edit that changes one template's output.
  const edited = same(chart(values.replace('tag: latest', 'tag: "1.27"'), { 'templates/pod.yaml': SVC.replace('metadata: {name: p}', 'metadata: {name: pod}'), ...prod }));
  assert.deepEqual(cache.last, { linted: 2, reused: 2 });
  assert.ok(!edited.files.get('/c/templates/pod.yaml')!.findings.some((f) => f.ruleId === 'k8s/image-latest-tag'));
  // Another config: nothing is reused.
  same(chart(values, { 'templates/pod.yaml': SVC, ...prod }), { rules: { 'k8s/no-host-network': 'off' } });
  assert.deepEqual(cache.last, { linted: 4, reused: 0 });
});

test('helm workspace rules: rendered objects give facts on template lines; a NetworkPolicy template covers them; unknown output gives none', () => {
  const NETRULES = registry('k8s/network-policy-coverage');
  const WORKLOAD = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:{{ .Values.tag }}"}]}\n';
  const POLICY = '{{- if .Values.policy }}\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n{{- end }}\n';
  const coverage = (values: string, extra: Record<string, string> = {}) => {
    const files = { root: '/c', files: new Map([['Chart.yaml', 'name: c\nversion: 1.0.0\n'], ['values.yaml', values], ['templates/web.yaml', WORKLOAD], ['templates/policy.yaml', POLICY], ...Object.entries(extra)]) };
    const r = lintChart(files, {}, NETRULES, { valuesFiles: ['values-prod.yaml'] });
    const facts = [...r.files.values()].flatMap((f) => (f.workspace ? [{ path: f.path, workspace: f.workspace }] : []));
    return [...lintWorkspace(facts, () => ({}), NETRULES)].flatMap(([path, o]) => o.findings.map((f) => `${path}:${pos(f.range)} ${f.ruleId}`));
  };
  // The workload's name is on template line 4, where `{{ .Release.Name }}-web` is written.
  assert.deepEqual(coverage('tag: "1.27"\npolicy: false\n'), ['/c/templates/web.yaml:4:9-4:32 k8s/network-policy-coverage']);
  assert.deepEqual(coverage('tag: "1.27"\npolicy: true\n'), []);
  // Facts come from values.yaml alone: a values file that switches the policy on is another scenario.
  assert.deepEqual(coverage('tag: "1.27"\npolicy: false\n', { 'values-prod.yaml': 'policy: true\n' }), ['/c/templates/web.yaml:4:9-4:32 k8s/network-policy-coverage']);
  // The image depends on a function the engine does not evaluate: that object gives no facts, so no finding.
  const unknown = WORKLOAD.replace('{{ .Values.tag }}', '{{ randAlphaNum 5 }}');
  assert.deepEqual(coverage('policy: false\n', { 'templates/web.yaml': unknown }), []);
});

test('helm lint: a fix mapped into the template is kept only when the edited template renders to the fixed output', () => {
  const RANGE = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    '  containers:',
    '{{- range .Values.containers }}',
    '    - name: {{ . }}',
    '      image: nginx:1.27',
    '      securityContext: {privileged: true}',
    '{{- end }}',
    '',
  ].join('\n');
  const fixesOf = (containers: string) => {
    const files = { root: '/c', files: new Map([['Chart.yaml', 'name: c\nversion: 1.0.0\n'], ['values.yaml', `containers: ${containers}\n`], ['templates/pod.yaml', RANGE]]) };
    const found = lintChart(files, {}, PRIV).files.get('/c/templates/pod.yaml')!.findings.filter((f) => f.ruleId === 'k8s/no-privileged');
    return found.map((f) => [pos(f.range), [...(f.fix ? [f.fix] : []), ...f.suggestions].map((x) => applyEdits(RANGE, x.edits).split('\n')[8])]);
  };
  // One iteration: the literal is that container's own text, and the fix edits it.
  assert.deepEqual(fixesOf('[a]'), [['9:37-9:41', ['      securityContext: {privileged: false}']]]);
  // Two iterations: the same literal renders both containers; editing it would fix both, not the one reported.
  assert.deepEqual(fixesOf('[a, b]'), [['9:37-9:41', []], ['9:37-9:41', []]]);
});
