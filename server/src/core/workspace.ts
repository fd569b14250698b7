// Workspace rules: run once over the facts every file's lint collected, then severity and suppressions per file,
// exactly as the per-file engine applies them (config of the file the finding lands in; that file's directives).
import type { LintConfig } from './config';
import { ruleSeverity } from './config';
import { compareFindings, objectRefKeys, render } from './findings';
import type { RuleSet } from './ruleSet';
import { suppressWorkspaceFindings, type Suppressed } from './suppress';
import { isWorkspaceRule, type Finding, type SeveritySetting, type WorkspaceFact } from './types';
import { ENGINE_DIAGNOSTICS } from './builtin';
import type { Directive } from './directive';

/** What one file contributes to workspace rules; plain data, returned by scan workers. */
export interface WorkspaceFileFacts {
  /** Per workspace rule id: the facts of this file's units (its target's objects). */
  facts: Record<string, unknown[]>;
  /** Suppressions in force in this file that name a workspace rule. */
  directives: Directive[];
}

export interface WorkspaceFile {
  path: string;
  workspace: WorkspaceFileFacts;
}

export interface WorkspaceOutcome {
  findings: Finding[];
  suppressed: Suppressed[];
}

/** Workspace findings per file path; files without any are absent. */
export function lintWorkspace(
  files: readonly WorkspaceFile[],
  configFor: (path: string) => LintConfig,
  rules: RuleSet,
): Map<string, WorkspaceOutcome> {
  const byPath = new Map(files.map((f) => [f.path, f.workspace]));
  const raw = new Map<string, Finding[]>();
  const add = (path: string, finding: Finding): void => void raw.set(path, [...(raw.get(path) ?? []), finding]);
  for (const rule of rules.all().filter(isWorkspaceRule)) {
    const { meta } = rule;
    const facts: WorkspaceFact<unknown>[] = files.flatMap((f) => (f.workspace.facts[meta.id] ?? []).map((fact) => ({ path: f.path, fact })));
    if (!facts.length) continue;
    const severities = new Map<string, SeveritySetting>();
    const severityIn = (path: string): SeveritySetting => {
      let severity = severities.get(path);
      if (severity === undefined) severities.set(path, (severity = ruleSeverity(configFor(path), meta.id, meta.severity, meta.enabledByDefault !== false)));
      return severity;
    };
    const found: [string, Finding][] = [];
    try {
      rule.checkWorkspace({
        facts,
        report(spec) {
          if (!byPath.has(spec.path)) throw new Error(`${meta.id} reported on ${spec.path}, which gave no facts`);
          const severity = severityIn(spec.path);
          if (severity === 'off') return;
          found.push([
            spec.path,
            {
              ruleId: meta.id,
              messageId: spec.messageId,
              severity,
              message: render(meta, spec.messageId, spec.data),
              range: spec.range,
              ...(spec.object ? { object: objectRefKeys(spec.object) } : {}),
              suggestions: [],
            },
          ]);
        },
      });
      for (const [path, finding] of found) add(path, finding);
    } catch (err) {
      // No object to blame: the failure goes on the first file that gave the rule facts, at its start.
      const at = { line: 0, character: 0 };
      add(facts[0]!.path, {
        ruleId: 'shipshape/internal-error',
        severity: ENGINE_DIAGNOSTICS['shipshape/internal-error'].severity,
        message: `Rule ${meta.id} failed on the workspace: ${err instanceof Error ? err.message : String(err)}`,
        range: { start: at, end: at },
        suggestions: [],
      });
    }
  }
  const out = new Map<string, WorkspaceOutcome>();
  for (const [path, findings] of raw) {
    const outcome = suppressWorkspaceFindings(byPath.get(path)?.directives ?? [], findings);
    outcome.findings.sort(compareFindings);
    out.set(path, outcome);
  }
  return out;
}

/** Adds a file's workspace outcome to its own findings, in the engine's order. */
export function mergeOutcome<T extends { findings: Finding[]; suppressed: Suppressed[] }>(result: T, outcome: WorkspaceOutcome | undefined): T {
  if (!outcome) return result;
  return { ...result, findings: [...result.findings, ...outcome.findings].sort(compareFindings), suppressed: [...result.suppressed, ...outcome.suppressed] };
}
