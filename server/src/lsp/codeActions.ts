// Quick fixes and fix-all from the cached findings of the document's current version, matched through
// Diagnostic.data (rule id + index) and range, never through message text.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { LintResult } from '../core/engine';
import { safeFixEdits } from '../core/fix';
import type { Finding, Fix } from '../core/types';
import { isFindingRef, rangesTouch, sameRange, SOURCE, toDiagnostic, toWorkspaceEdit } from './toLsp';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shipshape`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];
/** Clients without CodeAction literals get Commands that run this to apply the edit. */
export const APPLY_EDIT_COMMAND = 'shipshape.applyWorkspaceEdit';

export interface ActionTarget {
  finding: Finding;
  /** Index in `result.findings`; the `data.index` of its diagnostic. */
  index: number;
  diagnostic: Diagnostic;
}

export interface ActionContext {
  uri: string;
  version: number;
  text: string;
  result: LintResult;
  range: Range;
  /** The findings this request is about. */
  targets: ActionTarget[];
  /** Wraps edits to this document the way the client wants them. */
  edit(edits: TextEdit[]): WorkspaceEdit;
  /** Whether the client asked for actions of this kind (`only` filter). */
  wants(kind: string): boolean;
}

/** Further actions contributed by other features (for example suppressions); called for every request. */
export type ExtraActionProvider = (ctx: ActionContext) => CodeAction[];

export interface CodeActionOptions {
  documentChanges: boolean;
  extraProviders: readonly ExtraActionProvider[];
}

export interface DocumentSnapshot {
  uri: string;
  version: number;
  getText(): string;
}

export function codeActions(doc: DocumentSnapshot, result: LintResult, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const ctx: ActionContext = {
    uri: doc.uri,
    version: doc.version,
    text: doc.getText(),
    result,
    range: params.range,
    targets: targetsOf(result, params),
    edit: (edits) => toWorkspaceEdit(doc.uri, doc.version, edits, options.documentChanges),
    wants: (kind) => wants(params.context.only, kind),
  };
  const actions: CodeAction[] = [];
  if (ctx.wants(CodeActionKind.QuickFix)) {
    for (const { finding, diagnostic } of ctx.targets) {
      if (finding.fix) actions.push(quickFix(finding.fix.title, editFor(ctx, finding.fix, options.documentChanges), diagnostic, true));
      for (const s of finding.suggestions) actions.push(quickFix(s.title, editFor(ctx, s, options.documentChanges), diagnostic, false));
    }
  }
  if (ctx.wants(FIX_ALL_KIND)) {
    const edits = safeFixEdits(ctx.text, result.findings);
    if (edits.length) actions.push({ title: 'Fix all safe Shipshape problems', kind: FIX_ALL_KIND, edit: ctx.edit(edits) });
  }
  for (const provider of options.extraProviders) actions.push(...provider(ctx));
  return actions;
}

/** A fix of this document, or of the file it names (a Helm value fixed in values.yaml, unversioned: it may not be open). */
function editFor(ctx: ActionContext, fix: Fix, documentChanges: boolean): WorkspaceEdit {
  if (!fix.path || fix.path === ctx.uri) return ctx.edit(fix.edits);
  if (documentChanges) return { documentChanges: [{ textDocument: { uri: fix.path, version: null }, edits: fix.edits }] };
  return { changes: { [fix.path]: fix.edits } };
}

/** For clients that only understand Commands: the same edit, applied through workspace/applyEdit. */
export function asCommand(action: CodeAction): Command | undefined {
  return action.edit ? { title: action.title, command: APPLY_EDIT_COMMAND, arguments: [action.edit] } : action.command;
}

function quickFix(title: string, edit: WorkspaceEdit, diagnostic: Diagnostic, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit };
}

/** LSP kinds are hierarchical: asking for `source.fixAll` includes `source.fixAll.shipshape`. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function targetsOf(result: LintResult, params: CodeActionParams): ActionTarget[] {
  const sent = params.context.diagnostics.filter((d) => d.source === SOURCE);
  if (sent.length === 0) {
    // Some clients send no diagnostics with the request: offer what lies under the requested range.
    return result.findings.flatMap((finding, index) =>
      rangesTouch(finding.range, params.range) ? [{ finding, index, diagnostic: toDiagnostic(finding, index) }] : [],
    );
  }
  const targets: ActionTarget[] = [];
  for (const diagnostic of sent) {
    const index = indexOf(result, diagnostic);
    const finding = index === undefined ? undefined : result.findings[index];
    if (finding && index !== undefined && !targets.some((t) => t.index === index)) targets.push({ finding, index, diagnostic });
  }
  return targets;
}

/** A diagnostic from an older version whose finding moved or vanished matches nothing: no fix at stale positions. */
function indexOf(result: LintResult, diagnostic: Diagnostic): number | undefined {
  const matches = (f: Finding | undefined, ruleId: unknown): boolean => f !== undefined && f.ruleId === ruleId && sameRange(f.range, diagnostic.range);
  if (isFindingRef(diagnostic.data) && matches(result.findings[diagnostic.data.index], diagnostic.data.ruleId)) return diagnostic.data.index;
  const ruleId = isFindingRef(diagnostic.data) ? diagnostic.data.ruleId : diagnostic.code;
  const index = result.findings.findIndex((f) => matches(f, ruleId));
  return index >= 0 ? index : undefined;
}
