// Registry features of the language server: "Pin to digest" (resolved lazily, so moving the cursor never
// touches the network), pin-all commands, the image hover, and the opt-in digest-drift diagnostics.
// Every lookup goes through `gate`: never in an untrusted workspace, never with `shipshape.registry.enable` off,
// and in the background only with `shipshape.registry.checkDigests` on.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  MarkupKind,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Position,
  type ProgressToken,
  type TextEdit,
  type WorkDoneProgressReporter,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../core/engine';
import { docsUrl } from '../docs/render';
import {
  chainCredentials,
  createRegistryClient,
  dockerConfigCredentials,
  type FetchLike,
  type Outcome,
  type RegistryClient,
  type ResolvedImage,
  type SignatureReport,
} from '../registry';
import { walkLintable } from '../scan/walk';
import type { PinPlan } from '../supply/plan';
import { imageSites, imageSitesOfText, siteAt, type ImageSite } from '../images/sites';
import { DRIFT_ID, PIN_TITLE, UPDATE_DIGEST_TITLE, driftMessage, driftOf, pinOutcome, resolveSites, type PinOutcome } from '../supply/resolve';
import { DEFAULT_REGISTRY_SETTINGS, settingsCredentials, type RegistrySettings } from '../supply/settings';
import type { ActionContext } from './codeActions';
import type { Settings } from './settings';
import { SOURCE, rangesTouch, toWorkspaceEdit } from './toLsp';
import { toPath } from './scan';
import type { WorkspaceTrust } from './trust';

export const PIN_COMMAND = 'shipshape.pinImage';
export const PIN_FILE_COMMAND = 'shipshape.pinAllInFile';
export const PIN_WORKSPACE_COMMAND = 'shipshape.pinAllInWorkspace';
export const REGISTRY_COMMANDS = [PIN_COMMAND, PIN_FILE_COMMAND, PIN_WORKSPACE_COMMAND];
export const PIN_ACTION_KIND = CodeActionKind.RefactorRewrite;

/** Findings whose fix is a digest: "Pin to digest" attaches to them as a quick fix. */
const PIN_RULES = /^(?:dockerfile|k8s)\/(?:[a-z-]*latest-tag|[a-z-]*not-pinned|[a-z-]*unpinned|pin-[a-z-]*digest)$/;
// Drift answers are reused this long before a document asks the registry again (the client caches too).
const DRIFT_RECHECK_MS = 15 * 60 * 1000;
const LOOKUP_TIMEOUT_MS = 8_000;
const HOVER_WAIT_MS = 3_000;

/** Rides in CodeAction.data and in the pin command's arguments: which reference of which document version. */
export interface PinRequest {
  shipshape: 'pin';
  uri: string;
  version: number;
  text: string;
  /** Start of the reference when the action was offered. */
  start: Position;
}

export interface PinSummary {
  files: number;
  pinned: number;
  updated: number;
  unchanged: number;
  failed: { reference: string; message: string }[];
  applied: boolean;
}

export interface RegistryFeatureDeps {
  trust: WorkspaceTrust;
  /** Where the client's digest cache lives (the extension's global storage, else the temp dir). */
  cacheDir: string;
  documentChanges: boolean;
  /** The client resolves CodeAction edits lazily (`codeAction/resolve` with `edit`). */
  resolveSupport: boolean;
  document(uri: string): TextDocument | undefined;
  openDocuments(): TextDocument[];
  result(uri: string): Promise<LintResult | undefined>;
  settings(uri: string): Promise<Settings>;
  workspaceFolders(): string[];
  applyEdit(edit: WorkspaceEdit): Promise<boolean>;
  showMessage(type: 'info' | 'warning', message: string): void;
  revalidate(uri: string): void;
  progress(token: ProgressToken | undefined): Promise<WorkDoneProgressReporter & { token?: { isCancellationRequested: boolean } }>;
  log(message: string): void;
  /** Tests inject a fetch; production uses Node's. */
  fetch?: FetchLike;
}

export function cacheDirFrom(init: Record<string, unknown>): string {
  const storage = init.globalStoragePath;
  return typeof storage === 'string' && storage !== '' ? join(storage, 'registry-cache') : join(tmpdir(), 'shipshape-cache');
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

type Gate = { ok: true } | { ok: false; reason: string };

export class RegistryFeature {
  private client: { key: string; client: RegistryClient } | undefined;
  /** Last settings seen per document, for the synchronous code-action provider. */
  private readonly known = new Map<string, RegistrySettings>();
  private readonly drift = new Map<string, { outcome: Outcome<ResolvedImage>; at: number }>();
  private readonly inFlight = new Set<string>();
  private readonly sites = new WeakMap<LintResult, ImageSite[]>();

  constructor(private readonly deps: RegistryFeatureDeps) {}

  private gate(settings: RegistrySettings): Gate {
    if (!this.deps.trust.trusted) return { ok: false, reason: 'Registry lookups are off in an untrusted workspace.' };
    if (!settings.enable) return { ok: false, reason: 'Registry lookups are off (`shipshape.registry.enable`).' };
    return { ok: true };
  }

  private clientFor(settings: RegistrySettings): RegistryClient {
    // The key holds secrets but never leaves this object; it only tells whether the client must be rebuilt.
    const key = JSON.stringify([settings.insecureRegistries, settings.credentials]);
    if (this.client?.key !== key) {
      this.drift.clear();
      this.client = {
        key,
        client: createRegistryClient({
          credentials: chainCredentials(settingsCredentials(settings.credentials), dockerConfigCredentials()),
          cacheDir: this.deps.cacheDir,
          insecureRegistries: settings.insecureRegistries,
          timeoutMs: LOOKUP_TIMEOUT_MS,
          ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
        }),
      };
    }
    return this.client.client;
  }

  private sitesOf(result: LintResult): ImageSite[] {
    let sites = this.sites.get(result);
    if (!sites) {
      sites = result.kind === 'other' ? [] : imageSites(result);
      this.sites.set(result, sites);
    }
    return sites;
  }

  /** DiagnosticsDeps.extra: drift diagnostics from answers already known; missing answers are fetched and republished. */
  extraDiagnostics(doc: TextDocument, result: LintResult | undefined, settings: Settings): Diagnostic[] {
    this.known.set(doc.uri, settings.registry);
    if (!result || !settings.registry.checkDigests || !this.gate(settings.registry).ok) return [];
    const now = Date.now();
    const out: Diagnostic[] = [];
    const missing: ImageSite[] = [];
    for (const site of this.sitesOf(result)) {
      if (site.ref.digest === undefined || site.ref.tag === undefined) continue;
      const known = this.drift.get(site.text);
      if (!known || now - known.at >= DRIFT_RECHECK_MS) {
        missing.push(site);
        continue;
      }
      const d = driftOf(site, known.outcome);
      if (d) out.push(driftDiagnostic(site, d.current));
    }
    if (missing.length) void this.checkDrift(doc.uri, missing, settings.registry);
    return out;
  }

  private async checkDrift(uri: string, sites: ImageSite[], settings: RegistrySettings): Promise<void> {
    const todo = sites.filter((s) => !this.inFlight.has(s.text));
    if (!todo.length) return;
    for (const s of todo) this.inFlight.add(s.text);
    try {
      const answers = await resolveSites(this.clientFor(settings), todo);
      let drifted = false;
      for (const [text, outcome] of answers) {
        this.drift.set(text, { outcome, at: Date.now() });
        if (!outcome.ok) this.deps.log(`Shipshape drift check of ${text}: ${outcome.error.message}`);
        drifted ||= todo.some((s) => s.text === text && driftOf(s, outcome) !== undefined);
      }
      if (drifted) this.deps.revalidate(uri);
    } finally {
      for (const s of todo) this.inFlight.delete(s.text);
    }
  }

  /** ExtraActionProvider: offers pin actions without computing them; the edit comes from `resolveAction`. */
  codeActions(ctx: ActionContext): CodeAction[] {
    const settings = this.known.get(ctx.uri) ?? DEFAULT_REGISTRY_SETTINGS;
    if (!this.gate(settings).ok) return [];
    const out: CodeAction[] = [];
    for (const site of this.sitesOf(ctx.result).filter((s) => rangesTouch(s.range, ctx.range))) {
      const known = this.drift.get(site.text);
      const drift = settings.checkDigests && known ? driftOf(site, known.outcome) : undefined;
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
      if (this.deps.resolveSupport) action.data = request;
      else action.command = { title, command: PIN_COMMAND, arguments: [request] };
      out.push(action);
    }
    return out;
  }

  /** codeAction/resolve: looks the image up now and fills in the edit; without one the action does nothing. */
  async resolveAction(action: CodeAction): Promise<CodeAction> {
    if (!isPinRequest(action.data)) return action;
    const r = await this.planOne(action.data);
    if (!r.ok) {
      this.deps.showMessage('warning', r.message);
      return action;
    }
    if (r.plan) action.edit = toWorkspaceEdit(r.uri, r.version, [r.plan.edit], this.deps.documentChanges);
    else this.deps.showMessage('info', `\`${action.data.text}\` already names the digest its tag points to.`);
    return action;
  }

  async executeCommand(command: string, args: readonly unknown[] = []): Promise<unknown> {
    const arg = args[0];
    if (command === PIN_COMMAND) {
      if (!isPinRequest(arg)) return undefined;
      const r = await this.planOne(arg);
      if (!r.ok) {
        this.deps.showMessage('warning', r.message);
        return { applied: false, message: r.message };
      }
      if (!r.plan) return { applied: false, message: 'already pinned' };
      const applied = await this.deps.applyEdit(toWorkspaceEdit(r.uri, r.version, [r.plan.edit], this.deps.documentChanges));
      return { applied, newText: r.plan.newText };
    }
    if (command === PIN_FILE_COMMAND) {
      const uri = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null ? (arg as { uri?: unknown }).uri : undefined;
      if (typeof uri !== 'string') return undefined;
      return this.pinFiles([uri], undefined, 'file');
    }
    if (command === PIN_WORKSPACE_COMMAND) {
      const a = typeof arg === 'object' && arg !== null ? (arg as { folders?: unknown; workDoneToken?: ProgressToken }) : {};
      const folders = Array.isArray(a.folders) ? a.folders.filter((f): f is string => typeof f === 'string') : this.deps.workspaceFolders();
      return this.pinFiles(folders, a.workDoneToken, 'workspace');
    }
    return undefined;
  }

  private async planOne(req: PinRequest): Promise<{ ok: true; uri: string; version: number; plan: PinPlan | undefined } | { ok: false; message: string }> {
    const doc = this.deps.document(req.uri);
    const result = doc ? await this.deps.result(req.uri) : undefined;
    if (!doc || !result) return { ok: false, message: 'Shipshape: the document is no longer open.' };
    const settings = (await this.deps.settings(req.uri)).registry;
    const gate = this.gate(settings);
    if (!gate.ok) return { ok: false, message: `Shipshape: ${gate.reason}` };
    // The document may have changed since the action was offered: find the same reference again, nearest first.
    const candidates = this.sitesOf(result).filter((s) => s.text === req.text);
    const site = candidates.sort((a, b) => Math.abs(a.range.start.line - req.start.line) - Math.abs(b.range.start.line - req.start.line))[0];
    if (!site) return { ok: false, message: `Shipshape: \`${req.text}\` is no longer in the document.` };
    const outcome = await this.clientFor(settings).resolve(site.text, { fresh: true });
    if (!outcome.ok) return { ok: false, message: `Shipshape could not resolve \`${site.text}\`: ${outcome.error.message}` };
    this.drift.set(site.text, { outcome, at: Date.now() });
    return { ok: true, uri: req.uri, version: doc.version, plan: pinOutcome([site], new Map([[site.text, outcome]])).plans[0] };
  }

  /** Pins every reference in the given files or folders (URIs) in one workspace edit, with progress. */
  private async pinFiles(uris: readonly string[], token: ProgressToken | undefined, scope: 'file' | 'workspace'): Promise<PinSummary | undefined> {
    const first = uris[0];
    const settings = (await this.deps.settings(first ?? '')).registry;
    const gate = this.gate(settings);
    if (!gate.ok) {
      this.deps.showMessage('warning', `Shipshape: ${gate.reason}`);
      return undefined;
    }
    const progress = await this.deps.progress(token);
    progress.begin(scope === 'file' ? 'Shipshape: pinning images' : 'Shipshape: pinning images in the workspace', 0, 'Finding image references…', true);
    const abort = new AbortController();
    try {
      const files = await this.collect(uris, () => progress.token?.isCancellationRequested === true);
      const all = files.flatMap((f) => f.sites);
      const answers = await resolveSites(this.clientFor(settings), all, {
        fresh: true,
        signal: abort.signal,
        onResolved: (done, total) => {
          if (progress.token?.isCancellationRequested) abort.abort();
          progress.report(Math.round((done / total) * 100), `${done}/${total} images resolved`);
        },
      });
      const changes: Record<string, TextEdit[]> = {};
      const summary: PinSummary = { files: 0, pinned: 0, updated: 0, unchanged: 0, failed: [], applied: false };
      for (const file of files) {
        const outcome: PinOutcome = pinOutcome(file.sites, answers);
        summary.unchanged += outcome.current.length;
        for (const f of outcome.failures) if (!summary.failed.some((x) => x.reference === f.site.text)) summary.failed.push({ reference: f.site.text, message: f.error.message });
        if (!outcome.plans.length) continue;
        summary.files++;
        for (const p of outcome.plans) summary[p.kind === 'pin' ? 'pinned' : 'updated']++;
        changes[file.uri] = outcome.plans.map((p) => p.edit);
      }
      if (Object.keys(changes).length) summary.applied = await this.deps.applyEdit({ changes });
      this.deps.showMessage(summary.failed.length ? 'warning' : 'info', summaryText(summary));
      return summary;
    } finally {
      progress.done();
    }
  }

  private async collect(uris: readonly string[], cancelled: () => boolean): Promise<{ uri: string; sites: ImageSite[] }[]> {
    const open = new Map(this.deps.openDocuments().map((d) => [toPath(d.uri) ?? d.uri, d]));
    const out: { uri: string; sites: ImageSite[] }[] = [];
    for (const uri of uris) {
      // An open document is pinned as the editor shows it (unsaved edits, untitled files included).
      const openDoc = this.deps.document(uri);
      if (openDoc) {
        const sites = imageSitesOfText(openDoc.uri, openDoc.getText(), openDoc.languageId);
        if (sites.length) out.push({ uri: openDoc.uri, sites });
        continue;
      }
      const root = toPath(uri);
      if (!root) continue;
      try {
        for await (const path of walkLintable(root)) {
          if (cancelled()) return out;
          const doc = open.get(path);
          const text = doc ? doc.getText() : await fs.readFile(path, 'utf8').catch(() => undefined);
          if (text === undefined) continue;
          const sites = imageSitesOfText(path, text, doc?.languageId);
          if (sites.length) out.push({ uri: doc?.uri ?? pathToFileURL(path).href, sites });
        }
      } catch (err) {
        this.deps.log(`Shipshape could not list files under ${uri}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return out;
  }

  /** The image section of a hover: what the registry says, or one sentence why it was not asked. */
  async hover(uri: string, position: Position, result: LintResult): Promise<Hover | null> {
    const site = siteAt(this.sitesOf(result), result.file.offsetAt(position));
    if (!site) return null;
    const settings = (await this.deps.settings(uri)).registry;
    this.known.set(uri, settings);
    const lines = [`**Image** \`${site.text}\``, '', `Registry \`${site.ref.domain}\` · repository \`${site.ref.path}\``];
    const gate = this.gate(settings);
    if (!gate.ok) lines.push('', gate.reason);
    else {
      // A slow registry must not hold back the rule docs in the same hover: answer now, the lookup keeps going
      // (shared in flight, then cached) and the next hover shows it.
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve(['Registry lookup still running; hover again in a moment.']), HOVER_WAIT_MS)));
      lines.push('', ...(await Promise.race([this.lookupLines(site, settings), slow]).finally(() => clearTimeout(timer))));
    }
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: site.range };
  }

  private async lookupLines(site: ImageSite, settings: RegistrySettings): Promise<string[]> {
    const client = this.clientFor(settings);
    const r = await client.resolve(site.text, { platforms: true });
    if (!r.ok) return [`Registry lookup failed: ${r.error.message}`];
    const image = r.value;
    const lines: string[] = [];
    if (image.tag !== undefined) lines.push(`- Tag \`${image.tag}\` → \`${image.digest}\`${image.platforms ? ' (index)' : ''}`);
    if (image.pinnedDigest !== undefined) {
      lines.push(
        image.tag === undefined
          ? `- Pinned to \`${image.pinnedDigest}\``
          : image.drifted
            ? `- Written digest \`${image.pinnedDigest}\` is **out of date**: the tag now points elsewhere`
            : '- Written digest is current',
      );
    }
    if (image.platforms?.length) lines.push(`- Platforms: ${image.platforms.map((p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/')).join(', ')}`);
    const sig = await client.signatures(image);
    lines.push(sig.ok ? `- ${signatureLine(sig.value)}` : `- Signatures: not checked (${sig.error.message})`);
    lines.push(`- Checked ${new Date(image.checkedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC${image.fromCache ? ' (cached)' : ''}`);
    return lines;
  }

  forget(uri: string): void {
    this.known.delete(uri);
  }
}

function signatureLine(report: SignatureReport): string {
  const kinds = [report.cosign ? 'cosign signature tag' : '', report.sigstoreBundle ? 'Sigstore bundle' : '', report.notation ? 'Notation signature' : ''].filter(Boolean);
  // Presence only: verifying keys, identities and transparency logs is the job of cosign/notation at deploy time.
  return kinds.length ? `Signed: ${kinds.join(', ')} (presence only, not verified)` : 'Not signed: no cosign signature tag, Sigstore bundle or Notation signature found';
}

function driftDiagnostic(site: ImageSite, current: string): Diagnostic {
  return {
    range: site.range,
    severity: DiagnosticSeverity.Information,
    code: DRIFT_ID,
    codeDescription: { href: docsUrl(DRIFT_ID) },
    source: SOURCE,
    message: driftMessage(site, current),
    data: { registryCheck: DRIFT_ID, text: site.text, current },
  };
}

function summaryText(s: PinSummary): string {
  const parts = [`pinned ${s.pinned}`, `updated ${s.updated}`, `${s.unchanged} already current`];
  const head = `Shipshape: ${parts.join(', ')} image reference${s.pinned + s.updated === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}.`;
  if (!s.failed.length) return head;
  const first = s.failed[0]!;
  return `${head} ${s.failed.length} could not be resolved (${first.reference}: ${first.message}${s.failed.length > 1 ? ', …' : ''}).`;
}

/** One hover from the rule docs and the image section (either may be absent). */
export function mergeHovers(a: Hover | null, b: Hover | null): Hover | null {
  if (!a || !b) return a ?? b;
  const text = (h: Hover): string => (typeof h.contents === 'object' && 'kind' in h.contents ? h.contents.value : JSON.stringify(h.contents));
  return { contents: { kind: MarkupKind.Markdown, value: `${text(a)}\n\n---\n\n${text(b)}` }, ...(a.range ? { range: a.range } : b.range ? { range: b.range } : {}) };
}
