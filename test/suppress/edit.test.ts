// The "Suppress <rule> here" edit: inserted where the suppression pass will match it, without breaking the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { applyEdits, lint, SHIPPED } from '../../server/src/api';
import { PLACEHOLDER_REASON, suppressionEdit, type SuppressionEditKind } from '../../server/src/suppress/edit';
import { suppressionAt } from '../../server/src/suppress/hover';
import { FOCUS, outcome, pick } from './helpers';
import { codeActions } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/toLsp';
import { suppressionActions } from '../../server/src/suppress/action';

interface Case {
  name: string;
  path: string;
  code: string;
  /** 1-based line of the finding to suppress. */
  line: number;
  kind?: SuppressionEditKind;
  output: string;
}

const R = PLACEHOLDER_REASON;
const cases: Case[] = [
  {
    name: 'dockerfile: above the instruction',
    path: 'Dockerfile',
    code: 'FROM node:22 AS a\n  FROM node:latest\n',
    line: 2,
    output: `FROM node:22 AS a\n  # shipshape-ignore dockerfile/no-latest-tag -- ${R}\n  FROM node:latest\n`,
  },
  {
    name: 'dockerfile: a finding on a continuation line goes above the first line',
    path: 'Dockerfile',
    code: 'FROM \\\n  node:latest\n',
    line: 2,
    output: `# shipshape-ignore dockerfile/no-latest-tag -- ${R}\nFROM \\\n  node:latest\n`,
  },
  {
    name: 'dockerfile: with a backtick escape directive',
    path: 'Dockerfile',
    code: '# escape=`\nFROM `\n  node:latest\n',
    line: 3,
    output: `# escape=\`\n# shipshape-ignore dockerfile/no-latest-tag -- ${R}\nFROM \`\n  node:latest\n`,
  },
  {
    name: 'dockerfile: CRLF line endings are kept',
    path: 'Dockerfile',
    code: 'FROM node:latest\r\nUSER 1\r\n',
    line: 1,
    output: `# shipshape-ignore dockerfile/no-latest-tag -- ${R}\r\nFROM node:latest\r\nUSER 1\r\n`,
  },
  {
    name: 'dockerfile: an existing suppression right above is extended',
    path: 'Dockerfile',
    code: '# shipshape-ignore k8s/no-privileged -- x\nFROM node:latest\n',
    line: 2,
    output: '# shipshape-ignore k8s/no-privileged,dockerfile/no-latest-tag -- x\nFROM node:latest\n',
  },
  {
    name: 'dockerfile: file level goes below the parser directives',
    path: 'Dockerfile',
    code: '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM node:latest\n',
    line: 3,
    kind: 'file',
    output: `# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\n# shipshape-ignore-file dockerfile/no-latest-tag -- ${R}\nFROM node:latest\n`,
  },
  {
    name: 'yaml: above the key, with its indentation',
    path: 'pod.yaml',
    code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
    line: 10,
    output: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        # shipshape-ignore k8s/no-privileged -- ${R}\n        privileged: true\n`,
  },
  {
    name: 'yaml: a key on the list item line goes above the item, at the dash',
    path: 'pod.yaml',
    code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - securityContext: {privileged: true}\n    name: a\n    image: nginx:1.27\n',
    line: 7,
    output: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  # shipshape-ignore k8s/no-privileged -- ${R}\n  - securityContext: {privileged: true}\n    name: a\n    image: nginx:1.27\n`,
  },
  {
    name: 'yaml: inside a multi-line flow mapping, above the line holding the flow node',
    path: 'pod.yaml',
    code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "nginx:1.27",\n    securityContext: {\n      privileged: true}}]\n',
    line: 7,
    output: `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  # shipshape-ignore k8s/no-privileged -- ${R}\n  containers: [{name: a, image: "nginx:1.27",\n    securityContext: {\n      privileged: true}}]\n`,
  },
  {
    name: 'yaml: in the second document',
    path: 'pod.yaml',
    code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: {privileged: true}\n',
    line: 12,
    output: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      # shipshape-ignore k8s/no-privileged -- ${R}\n      securityContext: {privileged: true}\n`,
  },
];

for (const c of cases) {
  test(`suppression edit: ${c.name}`, () => {
    const before = lint({ path: c.path, text: c.code });
    const finding = before.findings.find((f) => f.range.start.line === c.line - 1 && FOCUS.includes(f.ruleId));
    assert.ok(finding, 'no finding on that line');
    const edit = suppressionEdit(before, finding, c.kind ?? 'here', SHIPPED);
    assert.ok(edit);
    const output = applyEdits(c.code, [edit]);
    assert.equal(output, c.output);
    if (c.path.endsWith('.yaml')) assert.deepEqual(parseAllDocuments(output).flatMap((d) => d.errors.map((e) => e.message)), []);
    // The inserted comment silences exactly this finding, and with requireReason the placeholder is flagged.
    const after = outcome(c.path, output);
    assert.ok(after.suppressed.some((s) => s.startsWith(`${finding.ruleId}@${c.line + 1}`) || s.startsWith(`${finding.ruleId}@${c.line}`)), `not suppressed: ${JSON.stringify(pick(after))}`);
    assert.equal(after.reported.filter((r) => r.startsWith(finding.ruleId)).length, before.findings.filter((f) => f.ruleId === finding.ruleId).length - 1);
    if (!c.code.includes('shipshape-ignore')) {
      assert.deepEqual(outcome(c.path, output, { suppressions: { requireReason: true } }).problems.map((p) => p.split('@')[0]), ['noReason']);
    }
  });
}

test('hover: a suppression comment shows what it silenced and why', () => {
  const code = '# shipshape-ignore dockerfile/no-latest-tag -- vendor image\nFROM node:latest\n';
  const result = lint({ path: 'Dockerfile', text: code });
  const info = suppressionAt(result, { line: 0, character: 5 }, SHIPPED);
  assert.ok(info);
  assert.equal(info.suppressed.length, 1);
  assert.equal(
    info.markdown,
    [
      '**Suppression** (# shipshape-ignore) for the next instruction (`FROM`, line 2)',
      '',
      '- `dockerfile/no-latest-tag`: Base image uses `latest` or no tag, 1 finding silenced',
      '  - line 2: Base image `node:latest` uses the `latest` tag; pin a version.',
      '',
      'Reason: vendor image',
    ].join('\n'),
  );
  assert.equal(suppressionAt(result, { line: 1, character: 2 }, SHIPPED), undefined);
});

test('hover: a peer annotation shows the mapping and a problem', () => {
  const code = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    checkov.io/skip1: CKV_K8S_16=legacy\n    shipshape.dev/ignore: "k8s/no-privileged until=2020-01-01 -- old"\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: {privileged: true}\n';
  const result = lint({ path: 'p.yaml', text: code }, { context: { today: '2025-01-01' } });
  const checkov = suppressionAt(result, { line: 5, character: 8 }, SHIPPED);
  assert.ok(checkov?.markdown.includes('`k8s/no-privileged`: Container runs privileged (via checkov `CKV_K8S_16`), 1 finding silenced'), checkov?.markdown);
  const ours = suppressionAt(result, { line: 6, character: 8 }, SHIPPED);
  assert.deepEqual(ours?.problems.map((p) => p.messageId), ['expired']);
  assert.ok(ours?.markdown.includes('Expires: 2020-01-01'));
});

test('code actions: each finding under the cursor gets "Suppress <rule> here" and "... in this file"', () => {
  const code = 'FROM node:latest\n';
  const result = lint({ path: 'Dockerfile', text: code });
  const finding = result.findings.find((f) => f.ruleId === 'dockerfile/no-latest-tag')!;
  const index = result.findings.indexOf(finding);
  const actions = codeActions(
    { uri: 'file:///w/Dockerfile', version: 3, getText: () => code },
    result,
    { textDocument: { uri: 'file:///w/Dockerfile' }, range: finding.range, context: { diagnostics: [toDiagnostic(finding, index)], only: ['quickfix'] } },
    { documentChanges: false, extraProviders: [suppressionActions(SHIPPED)] },
  );
  const suppress = actions.filter((a) => a.title.startsWith('Suppress'));
  assert.deepEqual(suppress.map((a) => a.title), ['Suppress dockerfile/no-latest-tag here', 'Suppress dockerfile/no-latest-tag in this file']);
  assert.deepEqual(suppress[0]!.edit, { changes: { 'file:///w/Dockerfile': [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# shipshape-ignore dockerfile/no-latest-tag -- ${R}\n` }] } });
});
