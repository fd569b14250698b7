// Finding -> LSP conversions. The only place that maps Shipshape severities to LSP ones.
import {
  DiagnosticSeverity,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding, Severity } from '../core/types';
import { ENGINE_DIAGNOSTICS } from '../core/builtin';
import { pathToFileURL } from 'node:url';
import { docsUrl } from '../docs/render';

export const SOURCE = 'shipshape';

/** Rides in `Diagnostic.data` so code actions find the finding again without reading message text. */
export interface FindingRef {
  ruleId: string;
  index: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

export function isEngineId(ruleId: string): ruleId is keyof typeof ENGINE_DIAGNOSTICS {
  return Object.prototype.hasOwnProperty.call(ENGINE_DIAGNOSTICS, ruleId);
}

export function toDiagnostic(finding: Finding, index: number): Diagnostic {
  const data: FindingRef = { ruleId: finding.ruleId, index };
  return {
    range: finding.range,
    severity: toSeverity(finding.severity),
    code: finding.ruleId,
    // Engine diagnostics (parse errors, internal errors) have no docs page of their own.
    ...(isEngineId(finding.ruleId) ? {} : { codeDescription: { href: docsUrl(finding.ruleId) } }),
    source: SOURCE,
    message: finding.message,
    ...(finding.related?.length
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: toUri(r.path), range: r.range }, message: r.message })) }
      : {}),
    data,
  };
}

/** Related paths come as the lint named them: URIs of open documents, or file paths a workspace scan walked. */
function toUri(path: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]+:/.test(path) && !/^[A-Za-z]:[\\/]/.test(path) ? path : pathToFileURL(path).href;
}

export function toDiagnostics(findings: readonly Finding[]): Diagnostic[] {
  return findings.map(toDiagnostic);
}

export function isFindingRef(value: unknown): value is FindingRef {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.ruleId === 'string' && typeof v.index === 'number' && Number.isInteger(v.index);
}

/** A versioned TextDocumentEdit when the client supports `documentChanges`, else the plain `changes` map. */
export function toWorkspaceEdit(uri: string, version: number, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges touch or overlap (an empty range at a boundary counts, as editors treat a caret there). */
export function rangesTouch(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
