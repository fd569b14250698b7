// Image sites and the pin planner: which references are found (with exact ranges) and the minimal edits that pin
// them, for Dockerfiles and every Kubernetes workload kind, plain and quoted YAML, flow style and updates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/fix';
import { planPin, planPins } from '../../server/src/supply/plan';
import { imageSitesOfText, siteAt } from '../../server/src/images/sites';
import { SHIPPED } from '../../server/src/targets';
import { registryFindings, type Resolutions } from '../../server/src/supply/resolve';
import { RegistryError } from '../../server/src/oci';
import type { ResolvedImage } from '../../server/src/oci';
import { workloadVariants } from '../support/workloads';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;

/** Pins every site found in `text` to D1 and returns the new text plus the texts of the sites found. */
function pinAll(path: string, text: string, digest = D1): { output: string; sites: string[]; kinds: string[] } {
  const sites = imageSitesOfText(SHIPPED, path, text);
  const plans = planPins(sites, new Map(sites.map((s) => [s.text, digest])));
  return { output: applyEdits(text, plans.map((p) => p.edit)), sites: sites.map((s) => s.text), kinds: plans.map((p) => p.kind) };
}

interface Case {
  name: string;
  code: string;
  sites: string[];
  output: string;
}

const DOCKERFILE: Case[] = [
  { name: 'tag kept, digest appended', code: 'FROM nginx:1.27\n', sites: ['nginx:1.27'], output: `FROM nginx:1.27@${D1}\n` },
  { name: 'no tag: the implicit latest is spelled out', code: 'FROM nginx\nUSER 1\n', sites: ['nginx'], output: `FROM nginx:latest@${D1}\nUSER 1\n` },
  { name: 'existing digest replaced in place', code: `FROM nginx:1.27@${D2}\n`, sites: [`nginx:1.27@${D2}`], output: `FROM nginx:1.27@${D1}\n` },
  { name: 'current digest left alone', code: `FROM nginx:1.27@${D1}\n`, sites: [`nginx:1.27@${D1}`], output: `FROM nginx:1.27@${D1}\n` },
  { name: 'digest-only reference updated', code: `FROM nginx@${D2}\n`, sites: [`nginx@${D2}`], output: `FROM nginx@${D1}\n` },
  { name: 'registry with a port', code: 'FROM 127.0.0.1:5000/team/app:1.0\n', sites: ['127.0.0.1:5000/team/app:1.0'], output: `FROM 127.0.0.1:5000/team/app:1.0@${D1}\n` },
  { name: 'ARG as the whole image is skipped', code: 'ARG BASE=nginx:1.27\nFROM $BASE\n', sites: [], output: 'ARG BASE=nginx:1.27\nFROM $BASE\n' },
  { name: 'ARG in the tag is skipped', code: 'ARG V=1.27\nFROM nginx:${V}\n', sites: [], output: 'ARG V=1.27\nFROM nginx:${V}\n' },
  {
    name: 'stage names and scratch are skipped in a multi-stage build',
    code: 'FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n',
    sites: ['golang:1.22'],
    output: `FROM golang:1.22@${D1} AS build\nRUN go build\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n`,
  },
  {
    name: 'every external stage of a multi-stage build',
    code: 'FROM node:22 AS deps\nFROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=deps /a /a\n',
    sites: ['node:22', 'gcr.io/distroless/nodejs22-debian12'],
    output: `FROM node:22@${D1} AS deps\nFROM gcr.io/distroless/nodejs22-debian12:latest@${D1}\nCOPY --from=deps /a /a\n`,
  },
  {
    name: 'platform flag untouched',
    code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    sites: ['golang:1.22'],
    output: `FROM --platform=$BUILDPLATFORM golang:1.22@${D1} AS build\n`,
  },
  { name: 'lower-case keywords and CRLF', code: 'from alpine:3.20 as base\r\nrun true\r\n', sites: ['alpine:3.20'], output: `from alpine:3.20@${D1} as base\r\nrun true\r\n` },
  { name: 'continuation line before the image', code: 'FROM \\\n  debian:12\n', sites: ['debian:12'], output: `FROM \\\n  debian:12@${D1}\n` },
];

for (const c of DOCKERFILE) {
  test(`Dockerfile: ${c.name}`, () => {
    const r = pinAll('Dockerfile', c.code);
    assert.deepEqual(r.sites, c.sites);
    assert.equal(r.output, c.output);
  });
}

const pod = (containers: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${containers}`;

const YAML: Case[] = [
  { name: 'plain scalar', code: pod('  containers:\n    - name: a\n      image: nginx:1.27\n'), sites: ['nginx:1.27'], output: pod(`  containers:\n    - name: a\n      image: nginx:1.27@${D1}\n`) },
  {
    name: 'double-quoted scalar keeps its quotes',
    code: pod('  containers:\n    - name: a\n      image: "nginx:1.27"\n'),
    sites: ['nginx:1.27'],
    output: pod(`  containers:\n    - name: a\n      image: "nginx:1.27@${D1}"\n`),
  },
  {
    name: 'single-quoted scalar keeps its quotes',
    code: pod("  containers:\n    - name: a\n      image: 'ghcr.io/o/r:v1'\n"),
    sites: ['ghcr.io/o/r:v1'],
    output: pod(`  containers:\n    - name: a\n      image: 'ghcr.io/o/r:v1@${D1}'\n`),
  },
  {
    name: 'flow mapping',
    code: pod('  containers: [{name: a, image: nginx:1.27}, {name: b, image: "redis:7"}]\n'),
    sites: ['nginx:1.27', 'redis:7'],
    output: pod(`  containers: [{name: a, image: nginx:1.27@${D1}}, {name: b, image: "redis:7@${D1}"}]\n`),
  },
  {
    name: 'trailing comment kept',
    code: pod('  containers:\n    - name: a\n      image: nginx:1.27 # web\n'),
    sites: ['nginx:1.27'],
    output: pod(`  containers:\n    - name: a\n      image: nginx:1.27@${D1} # web\n`),
  },
  {
    name: 'quoted digest updated',
    code: pod(`  containers:\n    - name: a\n      image: "nginx:1.27@${D2}"\n`),
    sites: [`nginx:1.27@${D2}`],
    output: pod(`  containers:\n    - name: a\n      image: "nginx:1.27@${D1}"\n`),
  },
  {
    name: 'init and ephemeral containers too',
    code: pod('  initContainers:\n    - name: i\n      image: busybox:1.36\n  containers:\n    - name: a\n      image: nginx:1.27\n  ephemeralContainers:\n    - name: e\n      image: debian:12\n'),
    sites: ['busybox:1.36', 'nginx:1.27', 'debian:12'],
    output: pod(`  initContainers:\n    - name: i\n      image: busybox:1.36@${D1}\n  containers:\n    - name: a\n      image: nginx:1.27@${D1}\n  ephemeralContainers:\n    - name: e\n      image: debian:12@${D1}\n`),
  },
  {
    name: 'placeholders are skipped',
    code: pod('  containers:\n    - name: a\n      image: ${IMAGE}\n    - name: b\n      image: "<your-image>"\n'),
    sites: [],
    output: pod('  containers:\n    - name: a\n      image: ${IMAGE}\n    - name: b\n      image: "<your-image>"\n'),
  },
  {
    name: 'second document of a multi-document file',
    code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  image: not-a-container\n---\n${pod('  containers:\n    - name: a\n      image: nginx:1.27\n')}`,
    sites: ['nginx:1.27'],
    output: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  image: not-a-container\n---\n${pod(`  containers:\n    - name: a\n      image: nginx:1.27@${D1}\n`)}`,
  },
];

for (const c of YAML) {
  test(`YAML: ${c.name}`, () => {
    const r = pinAll('pod.yaml', c.code);
    assert.deepEqual(r.sites, c.sites);
    assert.equal(r.output, c.output);
  });
}

for (const v of workloadVariants('containers:\n  - name: app\n    image: "nginx:1.27"\ninitContainers:\n  - name: init\n    image: busybox\n')) {
  test(`every workload kind: ${v.kind}`, () => {
    const r = pinAll('w.yaml', v.code);
    assert.deepEqual(r.sites, ['nginx:1.27', 'busybox']);
    assert.equal(r.output, v.wrap(`containers:\n  - name: app\n    image: "nginx:1.27@${D1}"\ninitContainers:\n  - name: init\n    image: busybox:latest@${D1}\n`));
  });
}

test('site ranges cover exactly the reference text, inside the quotes', () => {
  const text = pod('  containers:\n    - name: a\n      image: "nginx:1.27"\n');
  const [site] = imageSitesOfText(SHIPPED, 'pod.yaml', text);
  assert.ok(site);
  assert.deepEqual(site.range, { start: { line: 7, character: 14 }, end: { line: 7, character: 24 } });
  assert.equal(site.ref.domain, 'docker.io');
  assert.equal(site.ref.path, 'library/nginx');
  assert.deepEqual(site.container, { name: 'a', role: 'container' });
  assert.equal(siteAt([site], text.indexOf('1.27')), site);
  assert.equal(siteAt([site], text.indexOf('name: a')), undefined);
});

test('edits are minimal: an insertion, or a replacement of the digest only', () => {
  const [fresh] = imageSitesOfText(SHIPPED, 'Dockerfile', 'FROM nginx:1.27 AS web\n');
  const [pinned] = imageSitesOfText(SHIPPED, 'Dockerfile', `FROM nginx:1.27@${D2} AS web\n`);
  assert.ok(fresh && pinned);
  assert.deepEqual(planPin(fresh, D1)?.edit, { range: { start: { line: 0, character: 15 }, end: { line: 0, character: 15 } }, newText: `@${D1}` });
  assert.deepEqual(planPin(pinned, D1)?.edit, { range: { start: { line: 0, character: 16 }, end: { line: 0, character: 87 } }, newText: D1 });
  assert.equal(planPin(pinned, D1)?.kind, 'update');
  assert.equal(planPin(fresh, 'sha256:nothex'), undefined, 'a malformed digest is never written');
});

test('registry findings: drift with an "Update digest" fix, and a note for a failed lookup', () => {
  const text = `FROM nginx:1.27@${D2}\nFROM redis:7\nFROM alpine:3.20@${D1}\n`;
  const sites = imageSitesOfText(SHIPPED, 'Dockerfile', text);
  const resolved = (digest: string): { ok: true; value: ResolvedImage } => ({ ok: true, value: { digest } as ResolvedImage });
  const findings = registryFindings(
    sites,
    new Map<string, Resolutions extends Map<string, infer V> ? V : never>([
      [`nginx:1.27@${D2}`, resolved(D1)],
      ['redis:7', { ok: false as const, error: new RegistryError('offline', 'Cannot reach docker.io.') }],
      [`alpine:3.20@${D1}`, resolved(D1)],
    ]),
  );
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.range.start.line, f.fix?.title]),
    [
      ['registry/digest-drift', 0, 'Update digest'],
      ['registry/unresolved-image', 1, undefined],
    ],
  );
  assert.equal(applyEdits(text, findings[0]!.fix!.edits), `FROM nginx:1.27@${D1}\nFROM redis:7\nFROM alpine:3.20@${D1}\n`);
  assert.match(findings[1]!.message, /Cannot reach docker\.io/);
});
