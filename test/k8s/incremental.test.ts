// The editor's per-document linting of large YAML equals the whole-file lint, before and after an edit, and an edit
// re-lints only the document it touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { SHIPPED } from '../../server/src/api';
import type { LintResult } from '../../server/src/core/engine';
import { lint as engineLint } from '../../server/src/core/engine';
import type { LintConfig } from '../../server/src/core/config';
import { DOCUMENTS_MIN_CHARS, EDITOR_DOCUMENTS, type DocumentSizes } from '../../server/src/core/documents';
import type { K8sFile } from '../../server/src/k8s/model';
import { splitDocuments } from '../../server/src/k8s/documents';
import { imageSites } from '../../server/src/images/sites';
import { suppressionAt } from '../../server/src/suppress/hover';
import { suppressionEdit } from '../../server/src/suppress/edit';

const CONFIG: LintConfig = { context: { today: '2025-06-01' } };
const CORPUS = '/work/shared/corpus/k8s';

/** The engine's lint as every host calls it: by document for large files, reusing `previous`. */
function lintAgain(path: string, text: string, previous?: LintResult, config: LintConfig = CONFIG, documents?: DocumentSizes): LintResult {
  return engineLint({ path, text }, config, SHIPPED, { previous, ...(documents ? { documents } : {}) });
}

/** The reference: the same file linted whole. */
function lintWhole(path: string, text: string, config: LintConfig = CONFIG): LintResult {
  return engineLint({ path, text }, config, SHIPPED, { byDocument: false });
}

/** How many documents `result` linted rather than took from `previous`. */
function relinted(result: LintResult, previous?: LintResult): number {
  const known = new Set(previous?.documents?.parts.map((p) => p.part));
  assert.ok(result.documents, 'linted by document');
  return result.documents.parts.filter((p) => !known.has(p.part)).length;
}

/** The Kubernetes model of a result the test knows is Kubernetes. */
function modelOf(r: LintResult): K8sFile {
  assert.ok(r.kind === 'k8s' && r.model);
  return r.model as K8sFile;
}

const view = (r: LintResult) => ({ kind: r.kind, findings: r.findings, suppressed: r.suppressed, workspace: r.workspace });

function assertSame(path: string, text: string, got: LintResult, config: LintConfig = CONFIG): void {
  const whole = lintWhole(path, text, config);
  assert.equal(whole.documents, undefined);
  // The first difference, so a failure prints one finding rather than thousands.
  for (const key of ['findings', 'suppressed'] as const) {
    const i = whole[key].findIndex((x, n) => !isDeepStrictEqual(x, got[key][n]));
    if (i >= 0) assert.deepStrictEqual({ i, item: got[key][i] }, { i, item: whole[key][i] }, `${path}: ${key}`);
  }
  assert.deepStrictEqual(view(got), view(whole), path);
  assert.equal(got.file.text, text);
}

const deployment = (i: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ns-${i % 3}
spec:
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
        - name: web
          image: nginx:latest
          securityContext:
            privileged: ${i % 2 === 0}
          env:
            - name: NOTE
              value: |
                a block scalar that mentions {{ .Values.x }} and ends at the next marker
`;

/** Documents that exercise the cross-document cases; `{n}` makes each copy distinct. */
const SPECIALS = [
  // Helm templates, twice: the engine reports the first one only.
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n`,
  `{{- if .Values.enabled }}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: templ\n{{- end }}\n`,
  // Broken documents: an unterminated quote and an unclosed flow sequence run into the next marker.
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "unterminated\nspec: {}\n`,
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: flow\nspec:\n  containers: [\n    {name: a, image: "x:latest"\n`,
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: dup\n  name: dup2\nspec:\n containers:\n   - name: a\n  image: b\n`,
  // kind: List with privileged pods.
  `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: listed}\n    spec:\n      containers:\n        - name: a\n          image: busybox:1.36\n          securityContext: {privileged: true}\n`,
  // Suppressions: an annotation, a node comment, an unused one, a checkov comment, one naming the workspace rule.
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: annotated\n  annotations:\n    shipshape.dev/ignore: k8s/no-privileged -- lab only\nspec:\n  containers:\n    - name: a\n      image: busybox:1.36\n      securityContext: {privileged: true}\n`,
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: commented\nspec:\n  containers:\n    # shipshape-ignore k8s/no-privileged -- reviewed\n    - name: a\n      image: busybox:1.36\n      securityContext: {privileged: true}\n    # shipshape-ignore k8s/no-host-network -- nothing here\n    - name: b\n      image: busybox:1.36\n`,
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: checkov\n  # checkov:skip=CKV_K8S_16:privileged on purpose\nspec:\n  containers:\n    - name: a\n      image: busybox:1.36\n      securityContext: {privileged: true}\n`,
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: nonet\n  annotations:\n    shipshape.dev/ignore: k8s/network-policy-coverage -- isolated by the CNI\nspec:\n  containers:\n    - name: a\n      image: busybox:1.36\n`,
  // A suppression at the end of a document is about the next document's first node.
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before\ndata: {a: b}\n# shipshape-ignore k8s/no-privileged,k8s/image-latest-tag -- next document\n`,
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: after\nspec:\n  containers:\n    - name: a\n      image: busybox:latest\n      securityContext: {privileged: true}\n`,
  // Not Kubernetes, an explicit end marker and a bare document, a NetworkPolicy.
  `just: yaml\nlist: [1, 2]\n...\nanother: bare document\n`,
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: ns-1\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`,
  // Block scalars at the top level end at a marker line.
  `--- |\n  literal document\n`,
];

/** About `size` characters of documents, with the special ones spread over it. */
function generated(size: number, eol = '\n'): string {
  const docs: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const special = SPECIALS[i % 40 === 20 ? Math.floor(i / 40) % SPECIALS.length : -1];
    const doc = special ?? deployment(i);
    docs.push(doc);
    length += doc.length + 4;
  }
  for (let s = 0; s < SPECIALS.length; s++) docs.push(SPECIALS[s]!);
  const tagged = docs.map((d, i) => (d.startsWith('--- ') ? d.replace('literal document', `literal document ${i}`) : `---\n# document ${i}\n${d}`));
  return tagged.join('').replace(/\n/g, eol);
}

/** A keystroke inside the document in the middle of the file: the first `name:` value gains `insert`. */
function editMiddle(text: string, insert = 'x', chunkChars?: number): string {
  const segments = splitDocuments(text, chunkChars);
  assert.ok(segments, 'the file splits into documents');
  const middle = segments[Math.floor(segments.length / 2)]!;
  const at = middle.text.search(/name: \S/);
  assert.ok(at >= 0, 'the middle document has a name');
  const offset = middle.start + at + 'name: '.length;
  return text.slice(0, offset) + insert + text.slice(offset);
}

for (const [eol, size] of [['\n', 2 * 1024 * 1024], ['\r\n', 300 * 1024]] as const) {
  test(`a generated ${size >> 10} KB file (${eol === '\n' ? 'LF' : 'CRLF'}): equal to the whole-file lint, and an edit re-lints one document`, () => {
    const text = generated(size, eol);
    const path = 'file:///w/big.yaml';
    const first = lintAgain(path, text);
    assertSame(path, text, first);
    assert.equal(relinted(first), splitDocuments(text)!.length);
    const ids = new Set(first.findings.map((f) => f.ruleId));
    for (const id of ['shipshape/templated-yaml', 'shipshape/parse-error', 'k8s/no-privileged', 'shipshape/suppression']) assert.ok(ids.has(id), `fires ${id}`);
    assert.equal(first.findings.filter((f) => f.ruleId === 'shipshape/templated-yaml').length, 1);
    assert.ok(first.suppressed.length >= 3);
    assert.ok(first.workspace && Object.keys(first.workspace.facts).length > 0 && first.workspace.directives.length > 0);

    const edited = editMiddle(text);
    const second = lintAgain(path, edited, first);
    assert.equal(relinted(second, first), 1);
    assertSame(path, edited, second);
    // Lines added above later documents move their findings without re-linting them, except documents with
    // suppression comments, whose messages name lines.
    const added = edited.replace(`${eol}metadata:${eol}  name: app-101${eol}`, `${eol}metadata:${eol}  # two${eol}  # lines${eol}  name: app-101${eol}`);
    assert.notEqual(added, edited);
    const segments = splitDocuments(added)!;
    const at = segments.findIndex((s) => s.text.includes('name: app-101'));
    const withComments = segments.slice(at + 1).filter((s) => /shipshape-ignore|checkov:skip/.test(s.text)).length;
    assert.ok(withComments > 0 && 1 + withComments < segments.length - at, 'some later chunks are reused');
    const third = lintAgain(path, added, second);
    assertSame(path, added, third);
    assert.equal(relinted(third, second), 1 + withComments);
  });
}

test('hovers and code actions on a file linted by document equal those on the whole-file lint, without the whole model', () => {
  const text = generated(300 * 1024);
  const path = 'big.yaml';
  const byDocument = lintAgain(path, text);
  const whole = lintWhole(path, text);
  assert.deepStrictEqual(imageSites(byDocument, SHIPPED), imageSites(whole, SHIPPED));
  const lines = text.split('\n');
  const commentLines = lines.flatMap((l, i) => (/shipshape-ignore|checkov:skip|shipshape\.dev\/ignore/.test(l) ? [i] : []));
  assert.ok(commentLines.length > 5);
  for (const line of commentLines) {
    const character = lines[line]!.search(/\S/) + 2;
    assert.deepStrictEqual(suppressionAt(byDocument, { line, character }, SHIPPED), suppressionAt(whole, { line, character }, SHIPPED), `line ${line + 1}`);
  }
  const sample = whole.findings.filter((_, i) => i % 97 === 0);
  assert.ok(sample.length > 10);
  for (const finding of sample) {
    for (const kind of ['here', 'file'] as const) {
      assert.deepStrictEqual(suppressionEdit(byDocument, finding, kind, SHIPPED), suppressionEdit(whole, finding, kind, SHIPPED), `${finding.ruleId} ${kind}`);
    }
  }
});

test('the whole-file model is parsed only when a feature reads it', () => {
  const text = generated(300 * 1024);
  const result = lintAgain('big.yaml', text);
  const whole = lintWhole('big.yaml', text);
  const k8s = modelOf(result);
  assert.equal(k8s.objects.length, modelOf(whole).objects.length);
  assert.deepStrictEqual(
    k8s.objects.map((o) => [o.kind, o.name, o.node.range]),
    modelOf(whole).objects.map((o) => [o.kind, o.name, o.node.range]),
  );
  assert.equal(k8s.docs.length, modelOf(whole).docs.length);
});

test('linted whole: small files, file-wide suppressions, directives, a suppression before the first document', () => {
  const big = generated(DOCUMENTS_MIN_CHARS + 1000);
  const cases: [string, string][] = [
    ['small', generated(20 * 1024)],
    ['ignore-file', big.replace('---\n', '---\n# shipshape-ignore-file k8s/no-privileged -- lab cluster\n')],
    ['templated suppression', big.replace('---\n', '---\n# shipshape-ignore shipshape/templated-yaml -- charts are rendered in CI\n')],
    ['directive', `%YAML 1.2\n${big}`],
    ['prelude', `# checkov:skip=CKV_K8S_16:whole stream\n${big}`],
    ['lone CR', big.replace('data: {a: b}\n', 'data: {a: b}\r')],
  ];
  for (const [name, text] of cases) {
    const result = lintAgain(`${name}.yaml`, text);
    assert.equal(result.documents, undefined, name);
    assertSame(`${name}.yaml`, text, result);
  }
  const dockerfile = `FROM alpine:latest\n${'RUN true\n'.repeat(40_000)}`;
  const result = lintAgain('Dockerfile', dockerfile);
  assert.equal(result.documents, undefined);
  assertSame('Dockerfile', dockerfile, result);
});

test('splitting: marker lines only, a trailing suppression joins the next document', () => {
  assert.deepStrictEqual(
    splitDocuments('a: 1\n---\nb: |\n  x\n  --- not a marker\n---x: 2\n--- # c\nc: 3\n', 0)?.map((s) => [s.line, s.text]),
    [
      [0, 'a: 1\n'],
      [1, '---\nb: |\n  x\n  --- not a marker\n---x: 2\n'],
      [6, '--- # c\nc: 3\n'],
    ],
  );
  assert.deepStrictEqual(
    splitDocuments('a: 1\r\n# shipshape-ignore k8s/x\r\n---\r\nb: 2\r\n---\tc\r\n', 0)?.map((s) => [s.line, s.text]),
    [
      [0, 'a: 1\r\n# shipshape-ignore k8s/x\r\n---\r\nb: 2\r\n'],
      [4, '---\tc\r\n'],
    ],
  );
  assert.equal(splitDocuments('a: 1\n...\n# trivy:ignore:KSV017\n---\nb: 2\n', 0), undefined);
  assert.equal(splitDocuments('a: 1\n', 0), undefined);
  // Small documents are linted in chunks of whole documents.
  const many = Array.from({ length: 100 }, (_, i) => `---\nname: doc-${i}\n`).join('');
  const chunks = splitDocuments(many, 200)!;
  assert.ok(chunks.length > 2 && chunks.length < 20);
  assert.equal(chunks.map((c) => c.text).join(''), many);
  assert.ok(chunks.slice(0, -1).every((c) => c.text.length >= 200 && c.text.startsWith('---\n')));
});

test('splitting: only an unclosed last quote ties the rest of the file to its document', () => {
  const texts = (src: string) => splitDocuments(src, 0)?.map((s) => s.text);
  // The file's last quotes are closed (or in a comment, a block scalar, a plain scalar): every document stands alone.
  assert.deepStrictEqual(texts("a: 'x'\n---\nb: \"y\" # don't\n---\nc: |\n  it's\n---\nd: 1\n"), ["a: 'x'\n", '---\nb: "y" # don\'t\n', "---\nc: |\n  it's\n", '---\nd: 1\n']);
  assert.deepStrictEqual(texts("a: 'it''s'\n---\nb: \"\\\\\"\n---\nc: 1\n"), ["a: 'it''s'\n", '---\nb: "\\\\"\n', '---\nc: 1\n']);
  // An unclosed quote that no later quote closes swallows the rest of the file, as in the whole-file parse.
  for (const unclosed of ["b: 'x\n", "b: 'it''\n", 'b: "x\\"\n']) {
    assert.deepStrictEqual(texts(`a: 1\n---\n${unclosed}---\nc: 1\n---\nd: 2\n`), ['a: 1\n', `---\n${unclosed}---\nc: 1\n---\nd: 2\n`], unclosed);
  }
  for (const text of ["a: 1\n---\nb: 'x\n---\nc: 1\n", 'a: "1\n---\nb: 2\n---\nc: "3"\n', "a: 'x'\n---\nb: \"y # don't\n---\nc: 1\n"]) {
    assertSame('q.yaml', text, lintAgain('q.yaml', text, undefined, CONFIG, { minChars: 0, chunkChars: 0 }));
  }
});

test('documents are reused only under the same config and rules', () => {
  const text = generated(300 * 1024);
  const first = lintAgain('big.yaml', text);
  const off: LintConfig = { ...CONFIG, rules: { 'k8s/no-privileged': 'off' } };
  const other = lintAgain('big.yaml', text, first, off);
  assert.deepStrictEqual(view(other), view(lintWhole('big.yaml', text, off)));
  assert.equal(relinted(other, first), splitDocuments(text)!.length);
  const fewer = engineLint({ path: 'big.yaml', text }, CONFIG, SHIPPED.withRules(SHIPPED.all().filter((r) => r.meta.id !== 'k8s/no-privileged')), { previous: first });
  assert.equal(relinted(fewer, first), splitDocuments(text)!.length);
  assert.equal(relinted(lintAgain('big.yaml', text, first), first), 0);
});

function corpusFiles(minChars: number, maxChars = Infinity): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(name) && s.size >= minChars && s.size < maxChars) out.push(p);
    }
  };
  walk(CORPUS);
  return out;
}

/** Every file equals its whole-file lint, and so does a one-character edit in its middle, which re-lints one run. */
function assertCorpus(t: { diagnostic(message: string): void }, files: string[], label: string, documents?: DocumentSizes): void {
  let split = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const result = lintAgain(path, text, undefined, CONFIG, documents);
    assertSame(path, text, result);
    if (!result.documents) continue;
    split++;
    const edited = editMiddle(text, 'x', documents?.chunkChars);
    const again = lintAgain(path, edited, result, CONFIG, documents);
    assertSame(path, edited, again);
    assert.equal(relinted(again, result), 1, path);
  }
  t.diagnostic(`${files.length} corpus files ${label}, ${split} of them linted by document`);
}

test('corpus files over 256 KB: equal to the whole-file lint, before and after an edit', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip(`SKIPPED: no corpus at ${CORPUS}`);
    return;
  }
  assertCorpus(t, corpusFiles(DOCUMENTS_MIN_CHARS), 'over 256 KB');
});

test('corpus files from 8 KB to 256 KB, at the editor sizes: equal to the whole-file lint, before and after an edit', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip(`SKIPPED: no corpus at ${CORPUS}`);
    return;
  }
  assertCorpus(t, corpusFiles(EDITOR_DOCUMENTS.minChars, DOCUMENTS_MIN_CHARS), 'from 8 KB to 256 KB', EDITOR_DOCUMENTS);
});
