// Every rule is registered, sorted, tested, documented, and its examples behave as documented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, TARGETS, lint, ruleSetOf } from '../../server/src/api';
import { placeholders } from '../../server/src/core/message';
import { isWorkspaceRule } from '../../server/src/core/types';
import { lintWorkspace } from '../../server/src/core/workspace';

const root = join(__dirname, '../../..');
const PEERS = ['hadolint', 'buildkit', 'checkov', 'kube-linter', 'trivy', 'kubesec', 'polaris', 'kube-score', 'pss', 'kics'];

test('each target\'s rules/<target>/index.ts lists exactly its rule files, sorted by id', () => {
  const files = readdirSync(join(root, 'server/src/rules')).flatMap((t) =>
    readdirSync(join(root, 'server/src/rules', t))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => `${t}/${f.replace(/\.ts$/, '')}`),
  );
  const ids = RULES.map((r) => r.meta.id);
  assert.deepEqual([...ids].sort(), [...files].sort());
  for (const { target, rules } of TARGETS) {
    const own = rules.map((r) => r.meta.id);
    assert.deepEqual(own, [...own].sort(), `the rules of ${target.id} must be sorted by id`);
    assert.ok(rules.every((r) => r.meta.target === (target.ruleTarget ?? target.id)), `${target.id} lists another target's rule`);
  }
  assert.doesNotThrow(() => ruleSetOf(RULES));
});

test('the rule set refuses duplicates, foreign ids and rules of unknown targets', () => {
  const rule = RULES[0]!;
  assert.throws(() => ruleSetOf([rule, rule]), /duplicate/);
  assert.throws(() => ruleSetOf([{ ...rule, meta: { ...rule.meta, id: 'Bad_Id' } } as typeof rule]), /kebab-case/);
  assert.throws(() => ruleSetOf([{ ...rule, meta: { ...rule.meta, id: 'nowhere/some-rule', target: 'nowhere' } } as typeof rule]), /not registered/);
});

for (const rule of RULES) {
  const { meta } = rule;
  test(`${meta.id}: metadata, test table and docs`, () => {
    assert.ok(existsSync(join(root, 'test/rules', `${meta.id}.test.ts`)), `missing test/rules/${meta.id}.test.ts`);
    assert.ok(existsSync(join(root, 'docs/rules', `${meta.id}.md`)), `missing docs/rules/${meta.id}.md (npm run docs)`);
    for (const field of ['title', 'description', 'rationale', 'remediation'] as const) assert.ok(meta[field].trim().length > 10, `${field} is empty`);
    assert.ok(Object.keys(meta.messages).length > 0);
    for (const [id, text] of Object.entries(meta.messages)) {
      assert.match(id, /^[a-z][a-zA-Z0-9]*$/, `messageId ${id} must be camelCase`);
      assert.ok(text.length > 0);
      placeholders(text);
    }
    for (const [messageId, list] of Object.entries(meta.messageEquivalents ?? {})) {
      assert.ok(messageId in meta.messages, `messageEquivalents names unknown message ${messageId}`);
      for (const eq of list ?? []) {
        const [peer, id] = eq.split(':');
        assert.ok(PEERS.includes(peer ?? '') && id, `message equivalent "${eq}" must be <peer>:<id>`);
        assert.ok(!meta.equivalents.includes(eq), `${eq} is claimed for the whole rule and for one message`);
      }
    }
    for (const eq of meta.equivalents) {
      const [peer, id] = eq.split(':');
      assert.ok(PEERS.includes(peer ?? '') && id, `equivalent "${eq}" must be <peer>:<id> with peer in ${PEERS.join(', ')}`);
    }
    assert.ok(meta.examples.bad.length > 0 && meta.examples.good.length > 0, 'needs good and bad examples');
    assert.ok(meta.references.every((r) => /^https:\/\//.test(r.url)), 'references need https URLs');
    const body = readFileSync(join(root, 'test/rules', `${meta.id}.test.ts`), 'utf8');
    if (isWorkspaceRule(rule)) assert.match(body, /workspaceRuleTester\(/, 'the test file of a workspace rule must use workspaceRuleTester');
    else assert.match(body, /ruleTester\(/, 'the test file must use ruleTester');
  });

  test(`${meta.id}: documented examples behave`, () => {
    const registry = ruleSetOf([rule]);
    const config = { rules: { [meta.id]: meta.examples.options ? { severity: meta.severity, options: meta.examples.options } : meta.severity } };
    const path = meta.target === 'dockerfile' ? 'Dockerfile' : 'example.yaml';
    // A workspace rule's example is a workspace of one file: its findings come from lintWorkspace, after the per-file lint.
    const findingsOf = (text: string) => {
      const result = lint({ path, text }, config, registry);
      if (!isWorkspaceRule(rule)) return result.findings;
      const outcome = result.workspace ? lintWorkspace([{ path, workspace: result.workspace }], () => config, registry).get(path) : undefined;
      return [...result.findings, ...(outcome?.findings ?? [])];
    };
    for (const bad of meta.examples.bad) {
      const found = findingsOf(bad).filter((f) => f.ruleId === meta.id);
      assert.ok(found.length > 0, `bad example not reported:\n${bad}`);
    }
    for (const good of meta.examples.good) {
      const found = findingsOf(good);
      assert.deepEqual(found.map((f) => f.ruleId), [], `good example reported:\n${good}`);
    }
  });
}
