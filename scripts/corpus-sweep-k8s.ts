// Lints every manifest of ../shared/corpus/k8s: crashes, findings per rule, sample findings, and lint vs bare-parse time.
// Usage: node dist/corpus-sweep-k8s.js [--samples k8s/rule-id [N]] [--all-rules]; prints Markdown.
import { existsSync, readFileSync } from 'node:fs';
import { walkFiles } from './corpus';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { lint, RULES, type LintConfig } from '../server/src/api';

const root = join(__dirname, '..');
const dir = process.env.SHIPSHAPE_CORPUS ?? join(root, '../shared/corpus/k8s');
if (!existsSync(dir)) {
  console.log(`SKIPPED: no corpus at ${dir}`);
  process.exit(0);
}

const walk = (dir: string): string[] => walkFiles(dir, (name) => /\.ya?ml$/i.test(name));

const args = process.argv.slice(2);
const sampleRule = args.includes('--samples') ? args[args.indexOf('--samples') + 1] : undefined;
const sampleCount = sampleRule ? Number(args[args.indexOf('--samples') + 2] ?? 15) || 15 : 0;
// `--all-rules` also enables the rules that are off by default, to sweep them too.
const config: LintConfig = args.includes('--all-rules')
  ? { rules: Object.fromEntries(RULES.filter((r) => r.meta.target === 'k8s').map((r) => [r.meta.id, r.meta.severity])) }
  : {};

const files = walk(dir).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

// Two bare-parse passes around the lint pass, best one kept: the first pass also pays for JIT warm-up.
function bareParse(): number {
  const t = performance.now();
  for (const f of files) parseAllDocuments(f.text, { prettyErrors: false, uniqueKeys: false, strict: false });
  return performance.now() - t;
}
let parseMs = bareParse();

const perRule = new Map<string, { findings: number; files: Set<string> }>();
const samples: string[] = [];
const crashes: string[] = [];
let objects = 0;
let slowest = { path: '', ms: 0 };
const t1 = performance.now();
for (const f of files) {
  const t = performance.now();
  let result;
  try {
    result = lint({ path: f.path, text: f.text }, config);
  } catch (err) {
    crashes.push(`${relative(dir, f.path)}: ${err instanceof Error ? err.stack : String(err)}`);
    continue;
  }
  const ms = performance.now() - t;
  if (ms > slowest.ms) slowest = { path: relative(dir, f.path), ms };
  objects += result.kind === 'k8s' ? (result.model?.objects.length ?? 0) : 0;
  for (const finding of result.findings) {
    const entry = perRule.get(finding.ruleId) ?? { findings: 0, files: new Set<string>() };
    entry.findings++;
    entry.files.add(f.path);
    perRule.set(finding.ruleId, entry);
    if (finding.ruleId === 'shipshape/internal-error') crashes.push(`${relative(dir, f.path)}: ${finding.message}`);
    if (finding.ruleId === sampleRule && samples.length < sampleCount) {
      const line = finding.range.start.line;
      const text = f.text.split(/\r?\n|\r/)[line]?.trim() ?? '';
      samples.push(`${relative(dir, f.path)}:${line + 1}:${finding.range.start.character + 1} ${finding.message}\n      ${text}`);
    }
  }
}
const lintMs = performance.now() - t1;
parseMs = Math.min(parseMs, bareParse());

console.log(`Corpus: ${files.length} YAML files, ${(bytes / 1e6).toFixed(1)} MB, ${objects} Kubernetes objects.\n`);
console.log(`Bare yaml parseAllDocuments: ${(parseMs / 1000).toFixed(2)} s; full lint: ${(lintMs / 1000).toFixed(2)} s; ratio ${(lintMs / parseMs).toFixed(2)}. Slowest file: ${slowest.path} (${slowest.ms.toFixed(0)} ms).\n`);
console.log('| Rule | Findings | Files |\n| --- | ---: | ---: |');
for (const [id, e] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`| ${id} | ${e.findings} | ${e.files.size} |`);
const silent = RULES.filter((r) => r.meta.target === 'k8s' && !perRule.has(r.meta.id)).map((r) => r.meta.id);
console.log(`\nNo findings: ${silent.join(', ') || 'none'}`);
console.log(`\nCrashes and internal errors: ${crashes.length}`);
for (const c of crashes.slice(0, 20)) console.log(`  ${c}`);
if (sampleRule) {
  console.log(`\nSamples of ${sampleRule}:`);
  for (const s of samples) console.log(`  ${s}`);
}
