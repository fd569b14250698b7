// Table-driven tests for workspace rules: each case is a set of files linted as one workspace scan, with only the
// rule under test enabled, through the same per-file lint + lintWorkspace path the scan takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, ruleSetOf, type Finding, type LintConfig } from '../../server/src/api';
import { lintWorkspace, type WorkspaceFile } from '../../server/src/core/workspace';
import type { WorkspaceRule } from '../../server/src/core/types';
import { formatRange } from './ruleTester';

export interface WorkspaceCase {
  name: string;
  /** Path -> text; every file is linted, then the workspace rule runs over all of them. */
  files: Record<string, string>;
  config?: LintConfig;
}

export interface WorkspaceError {
  path: string;
  messageId: string;
  /** 1-based `line:col-line:col`. */
  range: string;
}

export interface InvalidWorkspaceCase extends WorkspaceCase {
  errors: WorkspaceError[];
}

export interface WorkspaceCases {
  valid: WorkspaceCase[];
  invalid: InvalidWorkspaceCase[];
}

export interface WorkspaceRun {
  /** Findings of the rule, across files, ordered by path then position. */
  findings: { path: string; finding: Finding }[];
  /** Suppressed findings of the rule, with the file they belong to. */
  suppressed: { path: string; finding: Finding }[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function runWorkspace(rule: WorkspaceRule<any, any, any>, c: WorkspaceCase): WorkspaceRun {
  const registry = ruleSetOf([rule]);
  const config: LintConfig = { ...c.config, rules: { [rule.meta.id]: rule.meta.severity, ...c.config?.rules } };
  const inputs: WorkspaceFile[] = [];
  for (const [path, text] of Object.entries(c.files)) {
    const result = lint({ path, text }, config, registry);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'shipshape/internal-error'), [], `the rule threw on ${path}`);
    assert.deepEqual(result.findings.filter((f) => f.ruleId === rule.meta.id), [], 'a workspace rule must not report from the per-file lint');
    if (result.workspace) inputs.push({ path, workspace: result.workspace });
  }
  const outcomes = lintWorkspace(inputs, () => config, registry);
  const findings: WorkspaceRun['findings'] = [];
  const suppressed: WorkspaceRun['suppressed'] = [];
  for (const path of Object.keys(c.files).sort()) {
    const outcome = outcomes.get(path);
    assert.deepEqual(outcome?.findings.filter((f) => f.ruleId === 'shipshape/internal-error') ?? [], [], 'the rule threw on the workspace');
    for (const finding of outcome?.findings ?? []) findings.push({ path, finding });
    for (const s of outcome?.suppressed ?? []) suppressed.push({ path, finding: s.finding });
  }
  return { findings, suppressed };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function workspaceRuleTester(rule: WorkspaceRule<any, any, any>, cases: WorkspaceCases): void {
  const names = new Set<string>();
  const unique = (name: string): void => {
    assert.ok(!names.has(name), `duplicate case name: ${name}`);
    names.add(name);
  };
  for (const c of cases.valid) {
    unique(c.name);
    test(`${rule.meta.id} valid: ${c.name}`, () => {
      assert.deepEqual(runWorkspace(rule, c).findings.map(({ path, finding }) => ({ path, messageId: finding.messageId, range: formatRange(finding) })), []);
    });
  }
  for (const c of cases.invalid) {
    unique(c.name);
    assert.ok(c.errors.length > 0, `invalid case without errors: ${c.name}`);
    test(`${rule.meta.id} invalid: ${c.name}`, () => {
      for (const e of c.errors) assert.ok(e.messageId in rule.meta.messages, `unknown messageId ${e.messageId}`);
      assert.deepEqual(
        runWorkspace(rule, c).findings.map(({ path, finding }) => ({ path, messageId: finding.messageId, range: formatRange(finding) })),
        c.errors,
      );
    });
  }
}
