// What hosts (CLI, scan, language server) share: which files a chart owns, and linting a chart from its config.
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { LintConfig } from '../core/config';
import type { RuleSet } from '../core/ruleSet';
import type { ChartFiles } from './chart';
import { findChartRoot } from './fs';
import { lintChart, type ChartLintCache, type ChartLintResult } from './lint';

/**
 * The chart a file belongs to as a unit, when the file is one the chart renders or reads: a template, a values
 * file, Chart.yaml (of the chart or a vendored subchart). Other files inside a chart directory are linted alone.
 */
export function chartOwning(path: string, rootOf: (path: string) => string | undefined = findChartRoot): string | undefined {
  const root = rootOf(path);
  if (!root) return undefined;
  const rel = relative(root, path).split(sep).join('/');
  return /^(charts\/[^/]+\/)*(templates\/.+|values[^/]*\.ya?ml|Chart\.ya?ml)$/.test(rel) ? root : undefined;
}

/** A memo of findChartRoot per directory, for walks over many files. */
export function chartRootMemo(): (path: string) => string | undefined {
  const byDir = new Map<string, string | undefined>();
  return (path) => {
    const dir = path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
    if (!byDir.has(dir)) byDir.set(dir, findChartRoot(path));
    return byDir.get(dir);
  };
}

export function lintChartWithConfig(files: ChartFiles, config: LintConfig, registry: RuleSet, cache?: ChartLintCache): ChartLintResult {
  const h = config.helm ?? {};
  return lintChart(files, config, registry, {
    ...(cache ? { cache } : {}),
    valuesFiles: h.valuesFiles ?? [],
    render: {
      ...(h.releaseName ? { releaseName: h.releaseName } : {}),
      ...(h.namespace ? { namespace: h.namespace } : {}),
      ...(h.kubeVersion ? { kubeVersion: h.kubeVersion } : {}),
      ...(h.apiVersions ? { apiVersions: h.apiVersions } : {}),
    },
  });
}

/** A fingerprint of the chart's contents and config: equal fingerprints lint the same. */
export function chartFingerprint(files: ChartFiles, config: LintConfig): string {
  const h = createHash('sha1');
  h.update(files.root).update('\0').update(JSON.stringify(config));
  for (const [rel, text] of [...files.files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) h.update('\0').update(rel).update('\0').update(text);
  return h.digest('hex');
}
