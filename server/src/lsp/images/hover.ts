// The image section of a hover: what the registry says about the reference under the cursor (digest, drift,
// platforms, the signature verdict), or one sentence saying why it was not asked.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { LintResult } from '../../core/engine';
import type { SignatureReport } from '../../oci';
import { siteAt, type ImageSite } from '../../images/sites';
import type { RegistrySettings } from '../../supply/settings';
import type { ImageLookups } from './lookups';
import type { SignatureChecks } from './signatures';

const HOVER_WAIT_MS = 3_000;

export class ImageHover {
  constructor(
    private readonly lookups: ImageLookups,
    private readonly signatures: SignatureChecks,
  ) {}

  async hover(uri: string, position: Position, result: LintResult): Promise<Hover | null> {
    const site = siteAt(this.lookups.sitesOf(result), result.file.offsetAt(position));
    if (!site) return null;
    const settings = await this.lookups.settingsFor(uri);
    const lines = [`**Image** \`${site.text}\``, '', `Registry \`${site.ref.domain}\` · repository \`${site.ref.path}\``];
    const gate = this.lookups.gate(settings);
    if (!gate.ok) {
      lines.push('', gate.reason);
      const signature = await this.signatures.hoverLine(uri, site, result, settings);
      if (signature) lines.push(signature);
    } else {
      // A slow registry must not hold back the rule docs in the same hover: answer now, the lookup keeps going
      // (shared in flight, then cached) and the next hover shows it.
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve(['Registry lookup still running; hover again in a moment.']), HOVER_WAIT_MS)));
      lines.push('', ...(await Promise.race([this.lookupLines(uri, site, result, settings), slow]).finally(() => clearTimeout(timer))));
    }
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: site.range };
  }

  private async lookupLines(uri: string, site: ImageSite, result: LintResult, settings: RegistrySettings): Promise<string[]> {
    const client = this.lookups.clientFor(settings);
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
    // With a policy naming the image, the verified verdict; otherwise which signatures exist.
    const verdict = await this.signatures.hoverLine(uri, site, result, settings);
    if (verdict) lines.push(verdict);
    else {
      const sig = await client.signatures(image);
      lines.push(sig.ok ? `- ${signatureLine(sig.value)}` : `- Signatures: not checked (${sig.error.message})`);
    }
    lines.push(`- Checked ${new Date(image.checkedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC${image.fromCache ? ' (cached)' : ''}`);
    return lines;
  }
}

function signatureLine(report: SignatureReport): string {
  const kinds = [report.cosign ? 'cosign signature tag' : '', report.sigstoreBundle ? 'Sigstore bundle' : '', report.notation ? 'Notation signature' : ''].filter(Boolean);
  // Without a policy there is nobody to trust: say what exists, and how to have it verified.
  return kinds.length
    ? `Signed: ${kinds.join(', ')} (not verified: no \`signatures\` policy in .shipshape.yaml names this image)`
    : 'Not signed: no cosign signature tag, Sigstore bundle or Notation signature found';
}

/** One hover from the rule docs and the image section (either may be absent). */
export function mergeHovers(a: Hover | null, b: Hover | null): Hover | null {
  if (!a || !b) return a ?? b;
  const text = (h: Hover): string => (typeof h.contents === 'object' && 'kind' in h.contents ? h.contents.value : JSON.stringify(h.contents));
  return { contents: { kind: MarkupKind.Markdown, value: `${text(a)}\n\n---\n\n${text(b)}` }, ...(a.range ? { range: a.range } : b.range ? { range: b.range } : {}) };
}
