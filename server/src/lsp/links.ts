// Document links a target declares (a Compose service's `build:` to its Dockerfile), from the cached lint result.
import type { DocumentLink } from 'vscode-languageserver';
import type { LintResult } from '../core/engine';
import type { RuleSet } from '../core/ruleSet';
import { pathToFileURL } from 'node:url';

export function documentLinks(result: LintResult | undefined, rules: RuleSet): DocumentLink[] {
  if (!result || result.model === undefined) return [];
  const target = rules.targets.find((t) => t.id === result.kind);
  return (target?.links?.(result.file, result.model) ?? []).map((link) => ({ range: link.range, target: asUri(link.target) }));
}

/** The engine names files as the host named the linted one: a URI in the editor, a path elsewhere. */
function asUri(target: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]+:\/\//.test(target) ? target : pathToFileURL(target).href;
}
