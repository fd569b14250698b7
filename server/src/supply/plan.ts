// Turns resolved digests into the smallest text edits that pin image references: the tag stays for humans
// (`nginx:1.27@sha256:…`), YAML quoting is untouched because only the text inside the quotes changes, and an
// existing digest is replaced in place ("Update digest").
import type { TextEdit } from 'vscode-languageserver-types';
import { isValidDigest } from '../images/reference';
import type { ImageSite } from '../images/sites';

export type PinKind = 'pin' | 'update';

export interface PinPlan {
  site: ImageSite;
  kind: PinKind;
  oldText: string;
  newText: string;
  edit: TextEdit;
}

const DEFAULT_TAG = 'latest';

/**
 * The edit that makes `site` name `digest`, or undefined when it already does (or the digest is malformed, so
 * a broken reference is never written). A reference without a tag gets `:latest` spelled out: that is what was
 * resolved, it tells readers which tag the digest came from, and it lets a later drift check ask that tag again.
 */
export function planPin(site: ImageSite, digest: string): PinPlan | undefined {
  if (!isValidDigest(digest)) return undefined;
  const written = site.ref.digest;
  if (written === digest) return undefined;
  const at = site.text.indexOf('@');
  if (written !== undefined && at >= 0) {
    const start = site.start + at + 1;
    const newText = `${site.text.slice(0, at + 1)}${digest}`;
    return plan(site, 'update', newText, start, site.end, digest);
  }
  const insert = site.ref.tag === undefined ? `:${DEFAULT_TAG}@${digest}` : `@${digest}`;
  return plan(site, 'pin', `${site.text}${insert}`, site.end, site.end, insert);
}

function plan(site: ImageSite, kind: PinKind, newText: string, start: number, end: number, insert: string): PinPlan {
  const range = { start: offsetPosition(site, start), end: offsetPosition(site, end) };
  return { site, kind, oldText: site.text, newText, edit: { range, newText: insert } };
}

// Sites never span lines, so a position inside one is its start line plus a column offset.
function offsetPosition(site: ImageSite, offset: number): { line: number; character: number } {
  return { line: site.range.start.line, character: site.range.start.character + (offset - site.start) };
}

/** Plans for every site whose reference text has a digest in `digests` (keyed by the text as written). */
export function planPins(sites: readonly ImageSite[], digests: ReadonlyMap<string, string>): PinPlan[] {
  const out: PinPlan[] = [];
  for (const site of sites) {
    const digest = digests.get(site.text);
    const p = digest === undefined ? undefined : planPin(site, digest);
    if (p) out.push(p);
  }
  return out;
}

/** A pinned `tag@digest` whose tag now points elsewhere: the "Update digest" case. Digest-only references cannot drift. */
export function isDrift(site: ImageSite, current: string): boolean {
  return site.ref.digest !== undefined && site.ref.tag !== undefined && site.ref.digest !== current && isValidDigest(current);
}
