// Lints with the real engine and rules, and summarises what was reported and what was suppressed, for whole-object asserts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintConfig, type LintResult, type RuleSet } from '../../server/src/api';

export interface Outcome {
  /** `ruleId@line` of every reported finding (1-based line). */
  reported: string[];
  /** `ruleId@line by <tool>` of every suppressed finding. */
  suppressed: string[];
  /** `messageId@line` of each `shipshape/suppression` finding. */
  problems: string[];
  result: LintResult;
}

export const TODAY = '2025-06-15';
export const FOCUS = ['dockerfile/no-latest-tag', 'dockerfile/test-buildkit', 'k8s/no-privileged'];

/** Findings of rules other than `focus` are left out: the rule packs grow in parallel and must not break these tests. */
export function outcome(path: string, text: string, config: LintConfig = {}, registry?: RuleSet, focus: readonly string[] = FOCUS): Outcome {
  const merged: LintConfig = { ...config, context: { today: TODAY, ...config.context } };
  const result = registry ? lint({ path, text }, merged, registry) : lint({ path, text }, merged);
  const at = (f: { range: { start: { line: number } } }) => f.range.start.line + 1;
  return {
    reported: result.findings.filter((f) => focus.includes(f.ruleId)).map((f) => `${f.ruleId}@${at(f)}`),
    suppressed: result.suppressed.filter((s) => focus.includes(s.finding.ruleId)).map((s) => `${s.finding.ruleId}@${at(s.finding)} by ${s.by}`),
    problems: result.findings.filter((f) => f.ruleId === 'shipshape/suppression').map((f) => `${f.messageId}@${at(f)}`),
    result,
  };
}

export function pick(o: Outcome): Omit<Outcome, 'result'> {
  return { reported: o.reported, suppressed: o.suppressed, problems: o.problems };
}

/** A Pod with one container per entry, each `privileged: true`; returns lines joined. */
export function pod(name: string, containers: string[], extra = ''): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    ...(extra ? [extra] : []),
    'spec:',
    '  containers:',
    ...containers.flatMap((c) => [`    - name: ${c}`, '      image: nginx:1.27', '      securityContext:', '        privileged: true']),
    '',
  ].join('\n');
}

/** One table row: a file, and which findings stay reported, which are suppressed (`rule@line by tool`), which problems appear. */
export interface SuppressionCase {
  name: string;
  code: string;
  config?: LintConfig;
  reported: string[];
  suppressed: string[];
  problems?: string[];
}

/** Runs a table of suppression cases through the real engine, one test per row. */
export function suppressionTable(label: string, path: string, cases: readonly SuppressionCase[]): void {
  for (const c of cases) {
    test(`${label} suppression: ${c.name}`, () => {
      assert.deepEqual(pick(outcome(path, c.code, c.config)), { reported: c.reported, suppressed: c.suppressed, problems: c.problems ?? [] });
    });
  }
}
