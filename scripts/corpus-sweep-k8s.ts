// Lints every manifest of ../shared/corpus/k8s: crashes, findings per rule, sample findings, and lint vs bare-parse time.
// Usage: node dist/corpus-sweep-k8s.js [--samples k8s/rule-id [N]] [--all-rules]; prints Markdown.
import { existsSync, readFileSync } from 'node:fs';
import { RuleTally, sweepArgs, walkFiles } from './corpus';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { lint } from '../server/src/api';

const root = join(__dirname, '..');
const dir = process.env.SHIPSHAPE_CORPUS ?? join(root, '../shared/corpus/k8s');
if (!existsSync(dir)) {
  console.log(`SKIPPED: no corpus at ${dir}`);
  process.exit(0);
}

const walk = (dir: string): string[] => walkFiles(dir, (name) => /\.ya?ml$/i.test(name));

const { sampleRule, sampleCount, config } = sweepArgs(process.argv.slice(2), 'k8s');

const files = walk(dir).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

// Two bare-parse passes around the lint pass, best one kept: the first pass also pays for JIT warm-up.
function bareParse(): number {
  const t = performance.now();
  for (const f of files) parseAllDocuments(f.text, { prettyErrors: false, uniqueKeys: false, strict: false });
  return performance.now() - t;
}
let parseMs = bareParse();

const tally = new RuleTally(dir, sampleRule, sampleCount);
let objects = 0;
let slowest = { path: '', ms: 0 };
const t1 = performance.now();
for (const f of files) {
  const t = performance.now();
  let result;
  try {
    result = lint({ path: f.path, text: f.text }, config);
  } catch (err) {
    tally.crashed(f.path, err);
    continue;
  }
  const ms = performance.now() - t;
  if (ms > slowest.ms) slowest = { path: relative(dir, f.path), ms };
  objects += result.kind === 'k8s' ? (result.model?.objects.length ?? 0) : 0;
  tally.add(f.path, f.text, result.findings);
}
const lintMs = performance.now() - t1;
parseMs = Math.min(parseMs, bareParse());

console.log(`Corpus: ${files.length} YAML files, ${(bytes / 1e6).toFixed(1)} MB, ${objects} Kubernetes objects.\n`);
console.log(`Bare yaml parseAllDocuments: ${(parseMs / 1000).toFixed(2)} s; full lint: ${(lintMs / 1000).toFixed(2)} s; ratio ${(lintMs / parseMs).toFixed(2)}. Slowest file: ${slowest.path} (${slowest.ms.toFixed(0)} ms).\n`);
tally.print('k8s');
