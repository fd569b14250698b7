// Workspace rules: run once over the facts every file's lint collected, then severity and suppressions per file,
// exactly as the per-file engine applies them (config of the file the finding lands in; that file's directives).
import type { LintConfig } from './config';
import { ruleSeverity } from './config';
import { compareFindings, objectRefKeys, render } from './findings';
import type { RuleSet } from './ruleSet';
import { suppressWorkspaceFindings, type Suppressed } from './suppress';
import { isWorkspaceRule, type Finding, type Range, type SeveritySetting, type WorkspaceFact } from './types';
import { ENGINE_DIAGNOSTICS } from './builtin';
import type { Directive } from './directive';
import { pathKey, relativePath } from './paths';

/** What one file contributes to workspace rules; plain data, returned by scan workers. */
export interface WorkspaceFileFacts {
  /** Per workspace rule id: the facts of this file's units (its target's objects). */
  facts: Record<string, unknown[]>;
  /** Suppressions in force in this file that name a workspace rule. */
  directives: Directive[];
  /** Dockerfiles this file builds and runs (Target.links with relation `builds`), by the path the lint read them with. */
  builds?: { target: string; range: Range; object?: { kind: string; name: string } }[];
}

export interface WorkspaceFile {
  path: string;
  workspace: WorkspaceFileFacts;
}

export interface WorkspaceOutcome {
  findings: Finding[];
  suppressed: Suppressed[];
  /** Objects of other files that build this file (a Dockerfile) and run the image; named on its findings. */
  builtBy?: BuiltBy[];
}

export interface BuiltBy {
  /** The file that builds this one, as the workspace names it. */
  path: string;
  range: Range;
  object?: { kind: string; name: string };
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
  for (const [path, builtBy] of buildersOf(files)) out.set(path, { ...(out.get(path) ?? { findings: [], suppressed: [] }), builtBy });
  return out;
}

/** Per Dockerfile of the workspace, the objects (Compose services) of other files that build it, in path order. */
function buildersOf(files: readonly WorkspaceFile[]): Map<string, BuiltBy[]> {
  const byKey = new Map(files.map((f) => [pathKey(f.path), f.path]));
  const out = new Map<string, BuiltBy[]>();
  for (const { path, workspace } of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const build of workspace.builds ?? []) {
      const built = byKey.get(pathKey(build.target));
      if (built === undefined || built === path) continue;
      out.set(built, [...(out.get(built) ?? []), { path, range: build.range, ...(build.object ? { object: build.object } : {}) }]);
    }
  }
  return out;
}

/**
 * Adds a file's workspace outcome to its own findings, in the engine's order. A Dockerfile that other files build
 * and run gets, on each rule finding, the objects that run it: a message suffix every host shows and a related
 * location at each `build:`.
 */
export function mergeOutcome<T extends { path?: string; file?: { path: string }; findings: Finding[]; suppressed: Suppressed[] }>(result: T, outcome: WorkspaceOutcome | undefined): T {
  if (!outcome) return result;
  const findings = withBuilders([...result.findings, ...outcome.findings], outcome.builtBy, result.path ?? result.file?.path);
  return { ...result, findings: findings.sort(compareFindings), suppressed: [...result.suppressed, ...outcome.suppressed] };
}

/** Names the builders on every rule finding (engine diagnostics such as parse errors are about the file, not the image). */
export function withBuilders(findings: Finding[], builtBy: readonly BuiltBy[] | undefined, path: string | undefined): Finding[] {
  if (!builtBy?.length) return findings;
  const note = builtByNote(builtBy, path);
  const related = builtBy.map((b) => ({ path: b.path, range: b.range, message: `${b.object ? `${capitalized(b.object.kind)} \`${b.object.name}\`` : 'This build'} builds and runs this image.` }));
  return findings.map((f) => (f.ruleId.startsWith('shipshape/') ? f : { ...f, message: `${f.message} ${note}`, related: [...(f.related ?? []), ...related] }));
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `(image built and run by service \`web\` in compose.yaml)`: who runs what this Dockerfile builds. */
export function builtByNote(builtBy: readonly BuiltBy[], from?: string): string {
  const byFile = new Map<string, string[]>();
  for (const b of builtBy) {
    const who = b.object ? `${b.object.kind} \`${b.object.name}\`` : 'a build';
    const list = byFile.get(b.path) ?? [];
    if (!list.includes(who)) list.push(who);
    byFile.set(b.path, list);
  }
  const parts = [...byFile].map(([path, who]) => `${who.join(', ')} in ${relativePath(from, path)}`);
  return `(image built and run by ${parts.join('; ')})`;
}
