// Every image reference a linted file names, with the exact range of its text: each target lists where its images
// are written (Dockerfile `FROM`, Kubernetes `image:`, ...); this parses and normalises them. Pure: reads only the
// models the engine already built.
import type { Range } from 'vscode-languageserver-types';
import { SourceFile } from '../core/source';
import { parseFile, type LintResult } from '../core/engine';
import type { RuleSet } from '../core/ruleSet';
import type { ImageText, TargetId } from '../core/target';
import { parseReference, type ImageReference } from '../oci/reference';

export interface ImageSite extends ImageText {
  range: Range;
  /** The target of the file naming it. */
  target: TargetId;
  /** Normalised reference (registry domain, repository, tag, digest). */
  ref: ImageReference;
}

/** Parses `text` as the engine would and lists its image sites (for files the editor has not linted, e.g. a workspace pin). */
export function imageSitesOfText(rules: RuleSet, path: string, text: string, languageId?: string): ImageSite[] {
  const parsed = parseFile(rules.targets, new SourceFile(path, text, languageId));
  if (!parsed.target || parsed.model === undefined) return [];
  return imageSites({ kind: parsed.target.id, file: parsed.file, model: parsed.model }, rules);
}

/** Sites in document order; one per text span even when a YAML alias names the same node twice. */
export function imageSites(result: Pick<LintResult, 'kind' | 'file' | 'model'>, rules: RuleSet): ImageSite[] {
  const target = rules.target(result.kind);
  if (!target || result.model === undefined) return [];
  const { file } = result;
  const sites: ImageSite[] = [];
  for (const image of target.imageTexts(file, result.model)) {
    const parsed = parseReference(image.text);
    if (parsed.ok) sites.push({ ...image, range: file.rangeOf(image.start, image.end), target: target.id, ref: parsed.ref });
  }
  const seen = new Set<number>();
  return sites
    .sort((a, b) => a.start - b.start)
    .filter((s) => {
      if (seen.has(s.start)) return false;
      seen.add(s.start);
      return true;
    });
}

/** The site whose text contains or touches `offset`. */
export function siteAt(sites: readonly ImageSite[], offset: number): ImageSite | undefined {
  return sites.find((s) => s.start <= offset && offset <= s.end);
}
