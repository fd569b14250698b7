// Lints every YAML file of ../shared/corpus/compose the way the scan does (with `.env`, `extends.file` and build
// Dockerfiles read from disk): how many are Compose files, crashes, findings per rule, sample findings, timing.
// Usage: node dist/corpus-sweep-compose.js [--samples compose/rule-id [N]] [--all-rules]; prints Markdown.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { walkFiles } from './corpus';
import { lint, RULES, type LintConfig } from '../server/src/api';
import { readFromDisk } from '../server/src/scan/facts';

const root = join(__dirname, '..');
const dir = process.env.SHIPSHAPE_CORPUS ?? join(root, '../shared/corpus/compose');
if (!existsSync(dir)) {
  console.log(`SKIPPED: no corpus at ${dir}`);
  process.exit(0);
}

const args = process.argv.slice(2);
const sampleRule = args.includes('--samples') ? args[args.indexOf('--samples') + 1] : undefined;
const sampleCount = sampleRule ? Number(args[args.indexOf('--samples') + 2] ?? 15) || 15 : 0;
const composeRules = RULES.filter((r) => r.meta.target === 'compose');
// `--all-rules` also enables the hygiene rules that are off by default.
const config: LintConfig = args.includes('--all-rules') ? { rules: Object.fromEntries(composeRules.map((r) => [r.meta.id, r.meta.severity])) } : {};

const files = walkFiles(dir, (name) => /\.ya?ml$/i.test(name)).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const perRule = new Map<string, { findings: number; files: Set<string> }>();
const kinds = new Map<string, number>();
const samples: string[] = [];
const crashes: string[] = [];
let services = 0;
const started = performance.now();
for (const f of files) {
  let result;
  try {
    result = lint({ path: f.path, text: f.text, readFile: readFromDisk }, config);
  } catch (err) {
    crashes.push(`${relative(dir, f.path)}: ${err instanceof Error ? err.stack : String(err)}`);
    continue;
  }
  kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1);
  if (result.kind === 'compose' && result.model) services += result.model.services.length;
  for (const finding of result.findings) {
    const entry = perRule.get(finding.ruleId) ?? { findings: 0, files: new Set<string>() };
    entry.findings++;
    entry.files.add(f.path);
    perRule.set(finding.ruleId, entry);
    if (finding.ruleId === 'shipshape/internal-error') crashes.push(`${relative(dir, f.path)}: ${finding.message}`);
    if (finding.ruleId === sampleRule && samples.length < sampleCount) {
      const line = finding.range.start.line;
      samples.push(`${relative(dir, f.path)}:${line + 1}:${finding.range.start.character + 1} ${finding.message}\n      ${f.text.split(/\r?\n|\r/)[line]?.trim() ?? ''}`);
    }
  }
}
const ms = performance.now() - started;

console.log(`Corpus: ${files.length} YAML files; linted as ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; ${services} Compose services; ${(ms / 1000).toFixed(2)} s.\n`);
console.log('| Rule | Findings | Files |\n| --- | ---: | ---: |');
for (const [id, e] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`| ${id} | ${e.findings} | ${e.files.size} |`);
console.log(`\nNo findings: ${composeRules.filter((r) => !perRule.has(r.meta.id)).map((r) => r.meta.id).join(', ') || 'none'}`);
console.log(`\nCrashes and internal errors: ${crashes.length}`);
for (const c of crashes.slice(0, 20)) console.log(`  ${c}`);
if (sampleRule) {
  console.log(`\nSamples of ${sampleRule}:`);
  for (const s of samples) console.log(`  ${s}`);
}
