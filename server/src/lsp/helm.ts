// Helm charts in the editor: a template or values file is linted as part of its chart (with unsaved edits of every
// open chart file), and an edit to one chart file re-lints the chart's other open files.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../core/engine';
import type { LintConfig } from '../core/config';
import type { RuleSet } from '../core/ruleSet';
import { SourceFile } from '../core/source';
import type { Finding, Fix } from '../core/types';
import { readChartFiles } from '../helm/fs';
import { chartFingerprint, chartOwning, lintChartWithConfig } from '../helm/host';
import { ChartLintCache, type ChartLintResult } from '../helm/lint';

export interface ChartLinterDeps {
  openDocuments(): TextDocument[];
  registry(): RuleSet;
}

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class ChartLinter {
  /**
   * The last lint per chart root, reused while nothing in the chart (or its config) changed, and its cache: after a
   * keystroke every template renders again but only those whose output changed are linted.
   */
  private readonly last = new Map<string, { fingerprint: string; result: ChartLintResult; cache: ChartLintCache }>();

  constructor(private readonly deps: ChartLinterDeps) {}

  /** The chart root when the document is one of a chart's templates or values files. */
  chartOf(uri: string): string | undefined {
    const path = toPath(uri);
    return path ? chartOwning(path) : undefined;
  }

  /** Open documents of the same chart, whose results depend on this one. */
  companions(uri: string): string[] {
    const root = this.chartOf(uri);
    if (!root) return [];
    return this.deps.openDocuments().filter((d) => d.uri !== uri && this.chartOf(d.uri) === root).map((d) => d.uri);
  }

  /** After a document closed: the chart's last lint is dropped once none of its files is open. */
  forget(uri: string): void {
    const root = this.chartOf(uri);
    if (root && !this.deps.openDocuments().some((d) => d.uri !== uri && this.chartOf(d.uri) === root)) this.last.delete(root);
  }

  /** The document's findings from a lint of its whole chart; undefined when it is not a chart file. */
  lint(doc: Pick<TextDocument, 'uri' | 'getText'>, config: LintConfig): LintResult | undefined {
    const path = toPath(doc.uri);
    const root = path ? chartOwning(path) : undefined;
    if (!path || !root) return undefined;
    const open = new Map<string, string>();
    for (const d of this.deps.openDocuments()) {
      const p = toPath(d.uri);
      if (p && p.startsWith(root)) open.set(p, d.getText());
    }
    open.set(path, doc.getText());
    const files = readChartFiles(root, (p) => open.get(p));
    const fingerprint = chartFingerprint(files, config);
    let cached = this.last.get(root);
    if (cached?.fingerprint !== fingerprint) {
      const cache = cached?.cache ?? new ChartLintCache();
      cached = { fingerprint, result: lintChartWithConfig(files, config, this.deps.registry(), cache), cache };
      this.last.set(root, cached);
    }
    const entry = cached.result.files.get(path);
    return {
      kind: 'k8s',
      findings: (entry?.findings ?? []).map(withUris),
      suppressed: [],
      file: new SourceFile(doc.uri, doc.getText(), 'yaml'),
      helm: { snippets: entry?.snippets ?? [] },
      ...(entry?.workspace ? { workspace: entry.workspace } : {}),
    };
  }
}

/** Paths inside a finding (values line, values fix) as the URIs the client knows. */
function withUris(f: Finding): Finding {
  const uri = (p: string) => pathToFileURL(p).href;
  const fix = (x: Fix): Fix => (x.path ? { ...x, path: uri(x.path) } : x);
  return {
    ...f,
    ...(f.related ? { related: f.related.map((r) => ({ ...r, path: uri(r.path) })) } : {}),
    ...(f.fix ? { fix: fix(f.fix) } : {}),
    suggestions: f.suggestions.map(fix),
  };
}
