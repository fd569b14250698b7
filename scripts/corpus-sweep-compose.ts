// Lints every YAML file of ../shared/corpus/compose the way the scan does (with `.env`, `extends.file` and build
// Dockerfiles read from disk): how many are Compose files, crashes, findings per rule, sample findings, timing.
// Usage: node dist/corpus-sweep-compose.js [--samples compose/rule-id [N]] [--all-rules]; prints Markdown.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RuleTally, sweepArgs, walkFiles } from './corpus';
import { lint } from '../server/src/api';
import { readFromDisk } from '../server/src/scan/facts';

const root = join(__dirname, '..');
const dir = process.env.SHIPSHAPE_CORPUS ?? join(root, '../shared/corpus/compose');
if (!existsSync(dir)) {
  console.log(`SKIPPED: no corpus at ${dir}`);
  process.exit(0);
}

const { sampleRule, sampleCount, config } = sweepArgs(process.argv.slice(2), 'compose');
const files = walkFiles(dir, (name) => /\.ya?ml$/i.test(name)).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const tally = new RuleTally(dir, sampleRule, sampleCount);
const kinds = new Map<string, number>();
let services = 0;
const started = performance.now();
for (const f of files) {
  let result;
  try {
    result = lint({ path: f.path, text: f.text, readFile: readFromDisk }, config);
  } catch (err) {
    tally.crashed(f.path, err);
    continue;
  }
  kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1);
  if (result.kind === 'compose' && result.model) services += result.model.services.length;
  tally.add(f.path, f.text, result.findings);
}
const ms = performance.now() - started;

console.log(`Corpus: ${files.length} YAML files; linted as ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; ${services} Compose services; ${(ms / 1000).toFixed(2)} s.\n`);
tally.print('compose');
