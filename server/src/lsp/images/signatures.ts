// Signature verdicts in the editor: images a `signatures` policy names are verified in the background after a
// document is opened and after it is saved, never while typing; diagnostics are drawn from the verdicts already
// known (cached per digest and trust), so edits only move them. The hover states the verdict or why there is none.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../../core/engine';
import type { OciClient } from '../../oci';
import { SignatureVerifier, type ImageVerdict } from '../../signatures';
import type { ImageSite } from '../../images/sites';
import { signatureChecks, signatureFinding, verifyChecks, type SignatureCheck } from '../../supply/signatures';
import type { RegistrySettings } from '../../supply/settings';
import type { Settings } from '../settings';
import { toDiagnostic } from '../toLsp';
import type { ImageLookups } from './lookups';

export class SignatureChecks {
  private verifier: { client: OciClient; verifier: SignatureVerifier } | undefined;
  /** Latest verdict per SignatureCheck.key (reference text + trust). */
  private readonly verdicts = new Map<string, ImageVerdict>();

  constructor(private readonly lookups: ImageLookups) {
    lookups.onReset(() => {
      this.verdicts.clear();
      this.verifier = undefined;
    });
  }

  private verifierFor(settings: RegistrySettings): SignatureVerifier {
    const client = this.lookups.clientFor(settings);
    if (this.verifier?.client !== client) this.verifier = { client, verifier: new SignatureVerifier(client) };
    return this.verifier.verifier;
  }

  private checksOf(uri: string, result: LintResult): SignatureCheck[] {
    const policy = this.lookups.deps.signaturePolicy(uri);
    return policy?.policy.length ? signatureChecks(this.lookups.sitesOf(result), policy) : [];
  }

  /** After open and save: verifies every image the policy names, then republishes the document's diagnostics. */
  async refresh(uri: string): Promise<void> {
    const result = await this.lookups.deps.result(uri);
    if (!result) return;
    const settings = await this.lookups.settingsFor(uri);
    if (!this.lookups.gate(settings).ok) return;
    const checks = this.checksOf(uri, result);
    if (!checks.length) return;
    const verdicts = await verifyChecks(this.verifierFor(settings), checks);
    let changed = false;
    for (const [key, verdict] of verdicts) {
      changed ||= JSON.stringify(this.verdicts.get(key)) !== JSON.stringify(verdict);
      this.verdicts.set(key, verdict);
      if (verdict.verdict === 'unchecked') this.lookups.deps.log(`Shipshape signature check: ${verdict.reason}`);
    }
    if (changed) this.lookups.deps.revalidate(uri);
  }

  /** DiagnosticsDeps.extra: findings for the verdicts already known; no lookup happens here. */
  diagnostics(doc: TextDocument, result: LintResult, settings: Settings): Diagnostic[] {
    if (!this.lookups.gate(settings.registry).ok) return [];
    const out: Diagnostic[] = [];
    for (const check of this.checksOf(doc.uri, result)) {
      const verdict = this.verdicts.get(check.key);
      const finding = verdict && signatureFinding(check.site, verdict);
      if (finding) out.push({ ...toDiagnostic(finding, -1), data: { registryCheck: finding.ruleId, text: check.site.text } });
    }
    return out;
  }

  /** The hover line for `site`, when a policy names it: the verdict, verified now if it is not known yet. */
  async hoverLine(uri: string, site: ImageSite, result: LintResult, settings: RegistrySettings): Promise<string | undefined> {
    const check = this.checksOf(uri, result).find((c) => c.site.start === site.start);
    if (!check) return undefined;
    const gate = this.lookups.gate(settings);
    if (!gate.ok) return `- Signature not checked: ${this.lookups.deps.trust.trusted ? gate.reason : 'the workspace is untrusted.'}`;
    let verdict = this.verdicts.get(check.key);
    if (!verdict) {
      verdict = await this.verifierFor(settings).verify(site.text, check.trust);
      this.verdicts.set(check.key, verdict);
    }
    return `- ${verdictLine(verdict)}`;
  }
}

export function verdictLine(v: ImageVerdict): string {
  if (v.verdict === 'verified') return `Signed by ${v.signer ?? 'a trusted signer'}, verified`;
  const label = { unsigned: 'Not signed', untrusted: 'Not trusted', invalid: 'Invalid signature', unchecked: 'Signature not checked' }[v.verdict];
  return `${label}: ${v.reason}`;
}
