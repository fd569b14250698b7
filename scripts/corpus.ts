// Shared by the benchmark and the corpus sweeps: every file under a folder in a stable order, the sweeps' flags,
// and their per-rule tally.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RULES, type Finding, type LintConfig } from '../server/src/api';

export function walkFiles(dir: string, keep: (name: string) => boolean = () => true, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walkFiles(p, keep, out);
    else if (keep(name)) out.push(p);
  }
  return out;
}

/** The flags every corpus sweep takes: `--samples <rule-id> [N]` and `--all-rules` (also the rules off by default). */
export function sweepArgs(argv: readonly string[], target: string): { sampleRule: string | undefined; sampleCount: number; config: LintConfig } {
  const sampleRule = argv.includes('--samples') ? argv[argv.indexOf('--samples') + 1] : undefined;
  const sampleCount = sampleRule ? Number(argv[argv.indexOf('--samples') + 2] ?? 15) || 15 : 0;
  const config: LintConfig = argv.includes('--all-rules') ? { rules: Object.fromEntries(RULES.filter((r) => r.meta.target === target).map((r) => [r.meta.id, r.meta.severity])) } : {};
  return { sampleRule, sampleCount, config };
}

/** Findings per rule over a corpus, with crashes (thrown or `shipshape/internal-error`) and sample findings of one rule. */
export class RuleTally {
  private readonly perRule = new Map<string, { findings: number; files: Set<string> }>();
  private readonly samples: string[] = [];
  private readonly crashes: string[] = [];

  constructor(
    /** The corpus folder; paths are shown relative to it. */
    private readonly dir: string,
    private readonly sampleRule?: string,
    private readonly sampleCount = 0,
  ) {}

  crashed(path: string, err: unknown): void {
    this.crashes.push(`${relative(this.dir, path)}: ${err instanceof Error ? err.stack : String(err)}`);
  }

  add(path: string, text: string, findings: readonly Finding[]): void {
    for (const finding of findings) {
      const entry = this.perRule.get(finding.ruleId) ?? { findings: 0, files: new Set<string>() };
      entry.findings++;
      entry.files.add(path);
      this.perRule.set(finding.ruleId, entry);
      if (finding.ruleId === 'shipshape/internal-error') this.crashes.push(`${relative(this.dir, path)}: ${finding.message}`);
      if (finding.ruleId === this.sampleRule && this.samples.length < this.sampleCount) {
        const line = finding.range.start.line;
        this.samples.push(`${relative(this.dir, path)}:${line + 1}:${finding.range.start.character + 1} ${finding.message}\n      ${text.split(/\r?\n|\r/)[line]?.trim() ?? ''}`);
      }
    }
  }

  /** The Markdown table of findings per rule, the `target`'s rules without any, crashes and samples. */
  print(target: string): void {
    console.log('| Rule | Findings | Files |\n| --- | ---: | ---: |');
    for (const [id, e] of [...this.perRule].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`| ${id} | ${e.findings} | ${e.files.size} |`);
    const silent = RULES.filter((r) => r.meta.target === target && !this.perRule.has(r.meta.id)).map((r) => r.meta.id);
    console.log(`\nNo findings: ${silent.join(', ') || 'none'}`);
    console.log(`\nCrashes and internal errors: ${this.crashes.length}`);
    for (const c of this.crashes.slice(0, 20)) console.log(`  ${c}`);
    if (this.sampleRule) {
      console.log(`\nSamples of ${this.sampleRule}:`);
      for (const s of this.samples) console.log(`  ${s}`);
    }
  }
}
