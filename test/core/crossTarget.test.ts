// Cross-target workspace rules: the `workspace/` namespace is for rules with file facts only, every target's files
// give them facts through one neutral view, and other files are named relative to the finding's own file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, SHIPPED, lint, ruleSetOf } from '../../server/src/api';
import { lintWorkspace, mergeOutcome } from '../../server/src/core/workspace';
import { crossTargetRule, isWorkspaceRule, type FileView } from '../../server/src/core/types';
import { pathKey, relativePath } from '../../server/src/core/paths';

const seen: { path: string; target: string; images: string[]; links: string[] }[] = [];
const probe = crossTargetRule<'seen', { target: string }>({
  meta: { ...RULES.find((r) => r.meta.id === 'workspace/image-digest-consistency')!.meta, id: 'workspace/probe', target: 'workspace', messages: { seen: 'seen' } },
  fileFacts(view: FileView) {
    seen.push({ path: view.file.path, target: view.target, images: view.images.map((i) => i.text), links: view.links.map((l) => `${l.relation ?? '-'} ${l.target} ${l.object?.name ?? ''}`) });
    return [{ target: view.target }];
  },
  checkWorkspace() {},
});

test('every target gives a cross-target rule one view per file: its images and links', () => {
  const rules = ruleSetOf([probe]);
  seen.length = 0;
  const docker = lint({ path: '/ws/app/Dockerfile', text: 'FROM golang:1.22 AS build\nFROM build\nFROM ${BASE}\nFROM alpine:3.20\n' }, {}, rules);
  const compose = lint({ path: '/ws/compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n  api:\n    build: ./app\n    image: team/api:dev\n' }, {}, rules);
  const k8s = lint({ path: '/ws/pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: redis:7\n' }, {}, rules);
  assert.deepEqual(seen, [
    { path: '/ws/app/Dockerfile', target: 'dockerfile', images: ['golang:1.22', 'alpine:3.20'], links: [] },
    { path: '/ws/compose.yaml', target: 'compose', images: ['nginx:1.27'], links: ['builds /ws/app/Dockerfile api'] },
    { path: '/ws/pod.yaml', target: 'k8s', images: ['redis:7'], links: [] },
  ]);
  assert.deepEqual([docker, compose, k8s].map((r) => r.workspace?.facts['workspace/probe']), [[{ target: 'dockerfile' }], [{ target: 'compose' }], [{ target: 'k8s' }]]);
  assert.deepEqual(compose.workspace?.builds?.map((b) => [b.target, b.object?.name]), [['/ws/app/Dockerfile', 'api']]);
});

test('the workspace/ namespace takes file-fact workspace rules only; a target rule cannot take file facts', () => {
  const check = RULES.find((r) => !isWorkspaceRule(r))!;
  assert.throws(() => ruleSetOf([{ ...check, meta: { ...check.meta, id: 'workspace/some-check', target: 'workspace' } } as typeof check]), /workspace\/ namespace is for workspace rules with fileFacts/);
  const unitRule = RULES.find((r) => r.meta.id === 'k8s/network-policy-coverage')!;
  assert.throws(() => ruleSetOf([{ ...unitRule, meta: { ...unitRule.meta, id: 'workspace/coverage', target: 'workspace' } }]), /workspace\/ namespace/);
  assert.throws(() => ruleSetOf([{ ...probe, meta: { ...probe.meta, id: 'k8s/probe', target: 'k8s' } }]), /fileFacts is for workspace\/ rules/);
  assert.doesNotThrow(() => ruleSetOf([probe]));
});

test('paths: one key for a file URI and its path; others named from the finding file\'s directory', () => {
  assert.equal(pathKey('file:///ws/my%20app/Dockerfile'), '/ws/my app/Dockerfile');
  assert.equal(pathKey('file:///C:/ws/Dockerfile'), 'c:/ws/Dockerfile');
  assert.equal(pathKey('C:\\ws\\Dockerfile'), 'c:/ws/Dockerfile');
  const cases: [string | undefined, string, string][] = [
    ['/ws/app/Dockerfile', '/ws/compose.yaml', '../compose.yaml'],
    ['/ws/compose.yaml', '/ws/deploy/web.yaml', 'deploy/web.yaml'],
    ['app/Dockerfile', 'deploy/web.yaml', '../deploy/web.yaml'],
    ['Dockerfile', 'compose.yaml', 'compose.yaml'],
    ['file:///ws/app/Dockerfile', '/ws/compose.yaml', '../compose.yaml'],
    ['C:\\ws\\app\\Dockerfile', 'C:\\ws\\compose.yaml', '../compose.yaml'],
    ['D:\\other\\Dockerfile', 'C:\\ws\\compose.yaml', 'C:\\ws\\compose.yaml'],
    ['app/Dockerfile', '/ws/compose.yaml', '/ws/compose.yaml'],
    [undefined, '/ws/compose.yaml', '/ws/compose.yaml'],
  ];
  for (const [from, to, want] of cases) assert.equal(relativePath(from, to), want, `${from} -> ${to}`);
});

test('the workspace pass names the services that build a Dockerfile on its rule findings, never on engine diagnostics', () => {
  const config = { rules: { 'dockerfile/no-latest-tag': 'warning' as const } };
  const files = {
    '/ws/compose.yaml': 'services:\n  web:\n    build: ./app\n  worker:\n    build:\n      context: app\n      dockerfile: Dockerfile\n',
    '/ws/dev/compose.yaml': 'services:\n  dev:\n    build: ../app\n',
    '/ws/app/Dockerfile': 'FROM node:latest\nUSER 10001\n',
    '/ws/lone/Dockerfile': 'FROM node:latest\nUSER 10001\n',
  };
  const results = Object.entries(files).map(([path, text]) => ({ path, ...lint({ path, text }, config) }));
  const outcomes = lintWorkspace(
    results.flatMap((r) => (r.workspace ? [{ path: r.path, workspace: r.workspace }] : [])),
    () => config,
    SHIPPED,
  );
  assert.deepEqual(outcomes.get('/ws/app/Dockerfile')?.builtBy?.map((b) => [b.path, b.object?.name, b.range.start.line]), [
    ['/ws/compose.yaml', 'web', 2],
    ['/ws/compose.yaml', 'worker', 6],
    ['/ws/dev/compose.yaml', 'dev', 2],
  ]);
  assert.equal(outcomes.get('/ws/lone/Dockerfile')?.builtBy, undefined);
  const app = results.find((r) => r.path === '/ws/app/Dockerfile')!;
  const merged = mergeOutcome({ ...app, findings: [...app.findings, { ruleId: 'shipshape/parse-error', severity: 'error', message: 'x', range: app.findings[0]!.range, suggestions: [] }] }, outcomes.get(app.path));
  const latest = merged.findings.find((f) => f.ruleId === 'dockerfile/no-latest-tag')!;
  assert.ok(latest.message.endsWith(' (image built and run by service `web`, service `worker` in ../compose.yaml; service `dev` in ../dev/compose.yaml)'), latest.message);
  assert.deepEqual(latest.related?.map((r) => [r.path, r.message]), [
    ['/ws/compose.yaml', 'Service `web` builds and runs this image.'],
    ['/ws/compose.yaml', 'Service `worker` builds and runs this image.'],
    ['/ws/dev/compose.yaml', 'Service `dev` builds and runs this image.'],
  ]);
  assert.equal(merged.findings.find((f) => f.ruleId === 'shipshape/parse-error')?.message, 'x');
  // An open document's lint names files by URI: the same Dockerfile still matches the scanned path.
  const open = lint({ path: 'file:///ws/compose.yaml', text: files['/ws/compose.yaml'] }, config);
  const live = lintWorkspace([{ path: '/ws/compose.yaml', workspace: open.workspace! }, { path: '/ws/app/Dockerfile', workspace: app.workspace! }], () => config, SHIPPED);
  assert.deepEqual(live.get('/ws/app/Dockerfile')?.builtBy?.map((b) => b.object?.name), ['web', 'worker']);
});
