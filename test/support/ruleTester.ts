// Table-driven rule tests that run the whole engine with only the rule under test enabled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ruleSetOf, applyEdits, type Finding, type LintConfig, type Rule } from '../../server/src/api';

export interface ValidCase {
  name?: string;
  code: string;
  path?: string;
  config?: LintConfig;
  /** Other files the linted one may read (a Compose `.env`, `extends.file`, build Dockerfile), by path. */
  files?: Record<string, string>;
}

export interface ExpectedError {
  messageId: string;
  /** 1-based `line:col-line:col`, as editors and the CLI show positions. */
  range: string;
  container?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The file after applying every safe fix; required exactly when the rule produces one. */
  output?: string;
  /** The file after applying each suggestion, in report order (all suggestions of all findings). */
  suggestions?: string[];
}

export interface RuleCases {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

/** Where each target's cases are linted unless a case names its own path. */
const DEFAULT_PATH: Readonly<Record<string, string>> = { dockerfile: 'Dockerfile', k8s: 'manifest.yaml', compose: 'compose.yaml' };

function defaultPath(rule: Rule): string {
  const path = DEFAULT_PATH[rule.meta.target];
  if (path === undefined) throw new Error(`ruleTester: no default file name for target ${rule.meta.target}; add one to DEFAULT_PATH`);
  return path;
}

export function formatRange(f: Pick<Finding, 'range'>): string {
  const { start, end } = f.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

function run(rule: Rule, c: ValidCase): Finding[] {
  const registry = ruleSetOf([rule]);
  const config: LintConfig = { ...c.config, rules: { [rule.meta.id]: rule.meta.severity, ...c.config?.rules } };
  const result = lint({ path: c.path ?? defaultPath(rule), text: c.code, ...reader(c.files) }, config, registry);
  const internal = result.findings.filter((f) => f.ruleId === 'shipshape/internal-error');
  assert.deepEqual(internal, [], 'the rule threw');
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

function reader(files: Record<string, string> | undefined): { readFile?: (path: string) => string | undefined } {
  return files ? { readFile: (path) => files[path] } : {};
}

/** Findings of every rule, for the "nothing new appears" check after a fix. */
function countAll(code: string, path: string, files?: Record<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of lint({ path, text: code, ...reader(files) }).findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

function assertNothingNew(before: string, after: string, path: string, ruleId: string, files?: Record<string, string>): void {
  const a = countAll(before, path, files);
  const b = countAll(after, path, files);
  for (const [id, n] of b) {
    if (id === ruleId) assert.ok(n < (a.get(id) ?? 0), `fix did not remove a ${ruleId} finding`);
    else assert.ok(n <= (a.get(id) ?? 0), `fix introduced a ${id} finding`);
  }
}

export function ruleTester(rule: Rule, cases: RuleCases): void {
  // Every rule shows at least three cases that fire and three that must not.
  test(`${rule.meta.id} has at least three cases that fire and three that must not`, () => {
    assert.ok(cases.valid.length >= 3, `${cases.valid.length} valid cases`);
    assert.ok(cases.invalid.length >= 3, `${cases.invalid.length} invalid cases`);
  });
  const seen = new Set<string>();
  const key = (c: ValidCase) => `${c.path ?? ''}\u0000${c.code}\u0000${JSON.stringify(c.config ?? {})}\u0000${JSON.stringify(c.files ?? {})}`;
  const label = (c: ValidCase, i: number) => c.name ?? `#${i + 1}: ${c.code.split('\n').filter(Boolean).slice(0, 3).join(' | ').slice(0, 90)}`;

  cases.valid.forEach((raw, i) => {
    const c = typeof raw === 'string' ? { code: raw } : raw;
    assert.ok(!seen.has(key(c)), `duplicate case: ${label(c, i)}`);
    seen.add(key(c));
    test(`${rule.meta.id} valid ${label(c, i)}`, () => {
      assert.deepEqual(run(rule, c).map((f) => ({ messageId: f.messageId, range: formatRange(f) })), []);
    });
  });

  cases.invalid.forEach((c, i) => {
    assert.ok(!seen.has(key(c)), `duplicate case: ${label(c, i)}`);
    seen.add(key(c));
    assert.ok(c.errors.length > 0, `invalid case without errors: ${label(c, i)}`);
    test(`${rule.meta.id} invalid ${label(c, i)}`, () => {
      const path = c.path ?? defaultPath(rule);
      const findings = run(rule, c);
      for (const e of c.errors) assert.ok(e.messageId in rule.meta.messages, `unknown messageId ${e.messageId}`);
      assert.deepEqual(
        findings.map((f) => ({ messageId: f.messageId, range: formatRange(f), ...(f.object?.container !== undefined && c.errors.some((e) => e.container !== undefined) ? { container: f.object.container } : {}) })),
        c.errors.map((e) => ({ messageId: e.messageId, range: e.range, ...(e.container !== undefined ? { container: e.container } : {}) })),
      );
      const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
      if (fixes.length) {
        assert.ok(c.output !== undefined, 'the rule produced a fix: the case needs `output`');
        const fixed = applyEdits(c.code, fixes.flatMap((f) => f.edits));
        assert.notEqual(fixed, c.code, 'the fix changed nothing');
        assert.equal(fixed, c.output);
        assertNothingNew(c.code, fixed, path, rule.meta.id, c.files);
      } else {
        assert.equal(c.output, undefined, 'the case has `output` but the rule produced no fix');
      }
      const suggestions = findings.flatMap((f) => f.suggestions);
      if (c.suggestions) {
        assert.equal(suggestions.length, c.suggestions.length, 'number of suggestions');
        suggestions.forEach((s, j) => {
          const out = applyEdits(c.code, s.edits);
          assert.equal(out, c.suggestions![j]);
          assertNothingNew(c.code, out, path, rule.meta.id, c.files);
        });
      }
    });
  });
}
