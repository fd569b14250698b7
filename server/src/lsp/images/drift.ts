// Opt-in digest-drift diagnostics (`shipshape.registry.checkDigests`): a pinned `tag@digest` whose tag now
// points elsewhere. Diagnostics come from answers already known; missing answers are fetched in the
// background and the document is republished when one of them drifted.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../../core/engine';
import { docsUrl } from '../../docs/render';
import type { Outcome, ResolvedImage } from '../../oci';
import type { ImageSite } from '../../images/sites';
import { DRIFT_ID, driftMessage, driftOf, resolveSites } from '../../supply/resolve';
import type { RegistrySettings } from '../../supply/settings';
import type { Settings } from '../settings';
import { SOURCE } from '../toLsp';
import type { ImageLookups } from './lookups';

// Drift answers are reused this long before a document asks the registry again (the client caches too).
const DRIFT_RECHECK_MS = 15 * 60 * 1000;

export class DigestDrift {
  private readonly answers = new Map<string, { outcome: Outcome<ResolvedImage>; at: number }>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly lookups: ImageLookups) {
    lookups.onReset(() => this.answers.clear());
  }

  /** DiagnosticsDeps.extra. */
  diagnostics(doc: TextDocument, result: LintResult | undefined, settings: Settings): Diagnostic[] {
    this.lookups.remember(doc.uri, settings.registry);
    if (!result || !settings.registry.checkDigests || !this.lookups.gate(settings.registry).ok) return [];
    const now = Date.now();
    const out: Diagnostic[] = [];
    const missing: ImageSite[] = [];
    for (const site of this.lookups.sitesOf(result)) {
      if (site.ref.digest === undefined || site.ref.tag === undefined) continue;
      const known = this.answers.get(site.text);
      if (!known || now - known.at >= DRIFT_RECHECK_MS) {
        missing.push(site);
        continue;
      }
      const d = driftOf(site, known.outcome);
      if (d) out.push(driftDiagnostic(site, d.current));
    }
    if (missing.length) void this.check(doc.uri, missing, settings.registry);
    return out;
  }

  /** Records a fresh answer (an explicit pin asked the registry anyway). */
  record(text: string, outcome: Outcome<ResolvedImage>): void {
    this.answers.set(text, { outcome, at: Date.now() });
  }

  /** The drift of `site` as far as it is known, when drift checks are on. */
  known(site: ImageSite, settings: RegistrySettings): ReturnType<typeof driftOf> {
    const known = this.answers.get(site.text);
    return settings.checkDigests && known ? driftOf(site, known.outcome) : undefined;
  }

  private async check(uri: string, sites: ImageSite[], settings: RegistrySettings): Promise<void> {
    const todo = sites.filter((s) => !this.inFlight.has(s.text));
    if (!todo.length) return;
    for (const s of todo) this.inFlight.add(s.text);
    try {
      const answers = await resolveSites(this.lookups.clientFor(settings), todo);
      let drifted = false;
      for (const [text, outcome] of answers) {
        this.record(text, outcome);
        if (!outcome.ok) this.lookups.deps.log(`Shipshape drift check of ${text}: ${outcome.error.message}`);
        drifted ||= todo.some((s) => s.text === text && driftOf(s, outcome) !== undefined);
      }
      if (drifted) this.lookups.deps.revalidate(uri);
    } finally {
      for (const s of todo) this.inFlight.delete(s.text);
    }
  }
}

export function driftDiagnostic(site: ImageSite, current: string): Diagnostic {
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
