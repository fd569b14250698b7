// Image sites: every image reference a linted file names, parsed by the one image parser. Each target says where
// its images are written (`Target.imageTexts`: Dockerfile `FROM`, Kubernetes `image:`, ...); this turns them into
// sites that the pin, drift and signature code share. Pure: reads only the models the engine already built.
import type { Range } from 'vscode-languageserver-types';
import { SourceFile } from '../core/source';
import { parseFile, type LintResult } from '../core/engine';
import type { RuleSet } from '../core/ruleSet';
import { imageTextsOf } from '../core/documents';
import type { ImageText, TargetId } from '../core/target';
import { parseImageRef, type ImageReference } from './reference';

export interface ImageSite extends ImageText {
  range: Range;
  /** The target of the file naming it. */
  target: TargetId;
  /** Normalised reference (registry domain, repository, tag, digest, and the offsets of each part in `text`). */
  ref: ImageReference;
}

/** Parses `text` as the engine would and lists its image sites (for files the editor has not linted, e.g. a workspace pin). */
export function imageSitesOfText(rules: RuleSet, path: string, text: string, languageId?: string): ImageSite[] {
  const parsed = parseFile(rules.targets, new SourceFile(path, text, languageId));
  if (!parsed.target || parsed.model === undefined) return [];
  return imageSites({ kind: parsed.target.id, file: parsed.file, model: parsed.model, findings: [], suppressed: [] }, rules);
}

/**
 * The sites a registry can resolve and an edit can pin, in document order: references Docker accepts, written
 * without variables; one per text span even when a YAML alias names the same node twice.
 */
export function imageSites(result: LintResult, rules: RuleSet): ImageSite[] {
  const target = rules.target(result.kind);
  if (!target) return [];
  const { file } = result;
  const sites: ImageSite[] = [];
  // A large file linted by document lists its images from the documents' results: no whole-file parse.
  for (const image of imageTextsOf(result, target)) {
    const ref = image.text.includes('$') ? undefined : parseImageRef(image.text);
    if (ref && ref.problem === undefined) sites.push({ ...image, range: file.rangeOf(image.start, image.end), target: target.id, ref });
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
