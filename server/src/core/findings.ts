// Building findings from rule reports: message rendering, fix validation, the engine's order and its own findings.
import type { Range } from 'vscode-languageserver-types';
import type { Finding, Fix, FixSpec, ObjectRef, ReportSpec, RuleMeta, Severity } from './types';
import { formatMessage, placeholders } from './message';
import { ENGINE_DIAGNOSTICS, type EngineDiagnosticId } from './builtin';

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

export interface Collector {
  findings: Finding[];
  report(spec: ReportSpec): void;
}

/** Validates each report against the rule's metadata, so a rule bug surfaces as an internal finding in tests. */
export function collector(meta: RuleMeta, severity: Severity, ref: ObjectRef | undefined): Collector {
  const findings: Finding[] = [];
  return {
    findings,
    report(spec) {
      const fix = spec.fix ? buildFix(meta, spec.fix) : undefined;
      if (fix && meta.fix !== 'safe' && meta.fix !== 'both') throw new Error(`${meta.id} reports a fix but meta.fix is ${meta.fix}`);
      const suggestions = (spec.suggestions ?? []).map((s) => buildFix(meta, s));
      if (suggestions.length && meta.fix !== 'suggestion' && meta.fix !== 'both') {
        throw new Error(`${meta.id} reports suggestions but meta.fix is ${meta.fix}`);
      }
      findings.push({
        ruleId: meta.id,
        messageId: spec.messageId,
        severity,
        message: render(meta, spec.messageId, spec.data),
        range: spec.range,
        ...(ref ? { object: spec.container ? { ...ref, container: spec.container } : ref } : {}),
        ...(fix ? { fix } : {}),
        suggestions,
      });
    },
  };
}

export function render(meta: RuleMeta, messageId: string, data?: Record<string, string | number>): string {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`${meta.id} has no message "${messageId}"`);
  for (const key of Object.keys(data ?? {})) {
    if (!placeholders(template).includes(key)) throw new Error(`${meta.id}.${messageId} has no placeholder {{${key}}}`);
  }
  return formatMessage(template, data);
}

function buildFix(meta: RuleMeta, spec: FixSpec): Fix {
  assertNoOverlap(meta.id, spec);
  return { title: render(meta, spec.messageId, spec.data), edits: spec.edits };
}

function assertNoOverlap(id: string, spec: FixSpec): void {
  const sorted = [...spec.edits].sort((a, b) => cmpPos(a.range.start, b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    if (cmpPos(sorted[i - 1]!.range.end, sorted[i]!.range.start) > 0) throw new Error(`${id}: fix "${spec.messageId}" has overlapping edits`);
  }
}

function cmpPos(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

/** A copy with only the reference's own keys (a rule may pass a richer object). */
export function objectRefKeys(ref: ObjectRef): ObjectRef {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    name: ref.name,
    ...(ref.namespace !== undefined ? { namespace: ref.namespace } : {}),
    ...(ref.container !== undefined ? { container: ref.container } : {}),
  };
}

export function engineFinding(id: EngineDiagnosticId, range: Range, message: string, object?: ObjectRef): Finding {
  return { ruleId: id, severity: ENGINE_DIAGNOSTICS[id].severity, message, range, suggestions: [], ...(object ? { object } : {}) };
}

export function internalFinding(meta: RuleMeta, range: Range, err: unknown, object?: ObjectRef): Finding {
  return engineFinding('shipshape/internal-error', range, `Rule ${meta.id} failed on this file: ${errorText(err)}`, object);
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
