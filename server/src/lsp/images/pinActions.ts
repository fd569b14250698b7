// "Pin to digest" / "Update digest" on one image reference. Offered without any lookup (moving the cursor never
// touches the network); the edit is computed when the client resolves the action or runs its command.
import { CodeActionKind, type CodeAction, type Position } from 'vscode-languageserver';
import type { PinPlan } from '../../supply/plan';
import { PIN_TITLE, UPDATE_DIGEST_TITLE, pinOutcome } from '../../supply/resolve';
import type { ActionContext } from '../codeActions';
import { rangesTouch, toWorkspaceEdit } from '../toLsp';
import { driftDiagnostic, type DigestDrift } from './drift';
import type { ImageLookups } from './lookups';

export const PIN_COMMAND = 'shipshape.pinImage';
export const PIN_ACTION_KIND = CodeActionKind.RefactorRewrite;

/** Findings whose fix is a digest: "Pin to digest" attaches to them as a quick fix. */
const PIN_RULES = /^(?:dockerfile|k8s|compose)\/(?:[a-z-]*latest-tag|[a-z-]*not-pinned|[a-z-]*unpinned|pin-[a-z-]*digest)$/;

/** Rides in CodeAction.data and in the pin command's arguments: which reference of which document version. */
export interface PinRequest {
  shipshape: 'pin';
  uri: string;
  version: number;
  text: string;
  /** Start of the reference when the action was offered. */
  start: Position;
}

export function isPinRequest(value: unknown): value is PinRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const start = v.start as Record<string, unknown> | undefined;
  return (
    v.shipshape === 'pin' &&
    typeof v.uri === 'string' &&
    typeof v.version === 'number' &&
    typeof v.text === 'string' &&
    typeof start === 'object' &&
    start !== null &&
    typeof start.line === 'number' &&
    typeof start.character === 'number'
  );
}

type PlanResult = { ok: true; uri: string; version: number; plan: PinPlan | undefined } | { ok: false; message: string };

export class PinActions {
  constructor(
    private readonly lookups: ImageLookups,
    private readonly drift: DigestDrift,
  ) {}

  /** ExtraActionProvider: offers pin actions without computing them. */
  codeActions(ctx: ActionContext): CodeAction[] {
    const settings = this.lookups.knownSettings(ctx.uri);
    if (!this.lookups.gate(settings).ok) return [];
    const out: CodeAction[] = [];
    for (const site of this.lookups.sitesOf(ctx.result).filter((s) => rangesTouch(s.range, ctx.range))) {
      const drift = this.drift.known(site, settings);
      if (drift) {
        if (!ctx.wants(CodeActionKind.QuickFix)) continue;
        out.push({
          title: UPDATE_DIGEST_TITLE,
          kind: CodeActionKind.QuickFix,
          diagnostics: [driftDiagnostic(site, drift.current)],
          isPreferred: true,
          edit: ctx.edit([drift.plan.edit]),
        });
        continue;
      }
      const findings = ctx.targets.filter((t) => PIN_RULES.test(t.finding.ruleId) && rangesTouch(t.finding.range, site.range));
      const kind = findings.length ? CodeActionKind.QuickFix : PIN_ACTION_KIND;
      if (!ctx.wants(kind)) continue;
      const title = site.ref.digest === undefined ? PIN_TITLE : UPDATE_DIGEST_TITLE;
      const request: PinRequest = { shipshape: 'pin', uri: ctx.uri, version: ctx.version, text: site.text, start: site.range.start };
      const action: CodeAction = { title, kind, ...(findings.length ? { diagnostics: findings.map((f) => f.diagnostic) } : {}) };
      if (this.lookups.deps.resolveSupport) action.data = request;
      else action.command = { title, command: PIN_COMMAND, arguments: [request] };
      out.push(action);
    }
    return out;
  }

  /** codeAction/resolve: looks the image up now and fills in the edit; without one the action does nothing. */
  async resolveAction(action: CodeAction): Promise<CodeAction> {
    if (!isPinRequest(action.data)) return action;
    const r = await this.plan(action.data);
    if (!r.ok) {
      this.lookups.deps.showMessage('warning', r.message);
      return action;
    }
    if (r.plan) action.edit = toWorkspaceEdit(r.uri, r.version, [r.plan.edit], this.lookups.deps.documentChanges);
    else this.lookups.deps.showMessage('info', `\`${action.data.text}\` already names the digest its tag points to.`);
    return action;
  }

  /** The `shipshape.pinImage` command (clients without lazy resolve). */
  async run(arg: unknown): Promise<unknown> {
    if (!isPinRequest(arg)) return undefined;
    const r = await this.plan(arg);
    if (!r.ok) {
      this.lookups.deps.showMessage('warning', r.message);
      return { applied: false, message: r.message };
    }
    if (!r.plan) return { applied: false, message: 'already pinned' };
    const applied = await this.lookups.deps.applyEdit(toWorkspaceEdit(r.uri, r.version, [r.plan.edit], this.lookups.deps.documentChanges));
    return { applied, newText: r.plan.newText };
  }

  private async plan(req: PinRequest): Promise<PlanResult> {
    const doc = this.lookups.deps.document(req.uri);
    const result = doc ? await this.lookups.deps.result(req.uri) : undefined;
    if (!doc || !result) return { ok: false, message: 'Shipshape: the document is no longer open.' };
    const settings = (await this.lookups.deps.settings(req.uri)).registry;
    const gate = this.lookups.gate(settings);
    if (!gate.ok) return { ok: false, message: `Shipshape: ${gate.reason}` };
    // The document may have changed since the action was offered: find the same reference again, nearest first.
    const candidates = this.lookups.sitesOf(result).filter((s) => s.text === req.text);
    const site = candidates.sort((a, b) => Math.abs(a.range.start.line - req.start.line) - Math.abs(b.range.start.line - req.start.line))[0];
    if (!site) return { ok: false, message: `Shipshape: \`${req.text}\` is no longer in the document.` };
    const outcome = await this.lookups.clientFor(settings).resolve(site.text, { fresh: true });
    if (!outcome.ok) return { ok: false, message: `Shipshape could not resolve \`${site.text}\`: ${outcome.error.message}` };
    this.drift.record(site.text, outcome);
    return { ok: true, uri: req.uri, version: doc.version, plan: pinOutcome([site], new Map([[site.text, outcome]])).plans[0] };
  }
}
