// Lints every Dockerfile of a corpus (default ../shared/corpus/dockerfiles) and prints findings per rule, the slowest
// rule per file, crashes, and full-lint time against a bare dockerfile-ast parse. `--samples N` prints N findings per
// rule; `--rule ID` restricts samples to one rule; `--json` prints machine-readable totals.
import { existsSync, readFileSync } from 'node:fs';
import { walkFiles } from './corpus';
import { join, relative } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { lint, RULES, type Rule } from '../server/src/api';
import { SourceFile } from '../server/src/core/source';
import { parseDockerfile } from '../server/src/dockerfile/model';
import { runScripts, settings } from '../server/src/dockerfile/query';
import type { DockerfileRule } from '../server/src/dockerfile/rule';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = flag('--dir') ?? join(__dirname, '../../shared/corpus/dockerfiles');
if (!existsSync(root)) {
  console.log(`SKIPPED: no corpus at ${root}`);
  process.exit(0);
}
const samples = Number(flag('--samples') ?? 0);
const onlyRule = flag('--rule');

const walk = (dir: string): string[] => walkFiles(dir);

const files = walk(root).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));
const rules = RULES.filter((r): r is DockerfileRule => r.meta.target === 'dockerfile');
const counts = new Map<string, number>();
const filesHit = new Map<string, number>();
const slowest = new Map<string, number>();
const crashes: string[] = [];
const sampleLines = new Map<string, string[]>();
let overBudget = 0;
const BUDGET_MS = 5;

for (const { path, text } of files) {
  // Per-rule timing: parse once, then time each rule's check on the shared model (as the engine runs them).
  const file = new SourceFile(path, text);
  const model = parseDockerfile(file);
  // Shell parsing is shared by every rule (cached on the model), so it is paid once here, not by the first rule.
  runScripts(model);
  settings(model);
  let worst = { id: '', ms: 0 };
  for (const rule of rules) {
    const options: Record<string, unknown> = {};
    for (const [k, spec] of Object.entries(rule.meta.options ?? {})) options[k] = spec.default;
    // Best of three runs: a single run on a loaded machine mostly measures GC pauses and scheduling.
    let ms = Infinity;
    for (let run = 0; run < 3; run++) {
      const t0 = process.hrtime.bigint();
      try {
        rule.check({ file, dockerfile: model, options, report: () => undefined });
      } catch (err) {
        if (run === 0) crashes.push(`${path}: ${rule.meta.id}: ${err instanceof Error ? err.stack : String(err)}`);
      }
      ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    if (ms > worst.ms) worst = { id: rule.meta.id, ms };
    slowest.set(rule.meta.id, Math.max(slowest.get(rule.meta.id) ?? 0, ms));
  }
  if (worst.ms > BUDGET_MS) {
    overBudget++;
    console.log(`slow: ${path}: ${worst.id} ${worst.ms.toFixed(2)} ms`);
  }
  const result = lint({ path: 'Dockerfile', text });
  const seen = new Set<string>();
  for (const f of result.findings) {
    if (f.ruleId.startsWith('shipshape/')) {
      if (f.ruleId === 'shipshape/internal-error') crashes.push(`${path}: ${f.message}`);
      continue;
    }
    counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    if (!seen.has(f.ruleId)) filesHit.set(f.ruleId, (filesHit.get(f.ruleId) ?? 0) + 1);
    seen.add(f.ruleId);
    const list = sampleLines.get(f.ruleId) ?? [];
    if (list.length < samples && (!onlyRule || onlyRule === f.ruleId)) {
      const line = file.lineText(f.range.start.line).trim().slice(0, 140);
      list.push(`  ${path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}\n      ${line}`);
      sampleLines.set(f.ruleId, list);
    }
  }
}

// Throughput: bare dockerfile-ast parse vs Shipshape's full lint, interleaved passes in this one process.
function pass(fn: (text: string) => void): number {
  const t0 = process.hrtime.bigint();
  for (const { text } of files) fn(text);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const bare: number[] = [];
const full: number[] = [];
for (let i = 0; i < 4; i++) {
  bare.push(pass((t) => DockerfileParser.parse(t).getInstructions()));
  full.push(pass((t) => lint({ path: 'Dockerfile', text: t })));
}
const best = (xs: number[]) => Math.min(...xs.slice(1));

const rows = rules.map((r: Rule) => ({ id: r.meta.id, findings: counts.get(r.meta.id) ?? 0, files: filesHit.get(r.meta.id) ?? 0, maxMs: slowest.get(r.meta.id) ?? 0 }));
if (args.includes('--json')) {
  console.log(JSON.stringify({ files: files.length, crashes, overBudget, bareMs: best(bare), fullMs: best(full), rules: rows }, null, 2));
} else {
  console.log(`\n${files.length} files from ${root}`);
  console.log('rule'.padEnd(40), 'findings'.padStart(8), 'files'.padStart(6), 'max ms'.padStart(8));
  for (const r of rows) console.log(r.id.padEnd(40), String(r.findings).padStart(8), String(r.files).padStart(6), r.maxMs.toFixed(2).padStart(8));
  console.log(`\ncrashes: ${crashes.length}; files with a rule over ${BUDGET_MS} ms: ${overBudget}`);
  for (const c of crashes.slice(0, 20)) console.log(`  ${c}`);
  console.log(`bare dockerfile-ast parse: ${best(bare).toFixed(0)} ms; full lint: ${best(full).toFixed(0)} ms; ratio ${(best(full) / best(bare)).toFixed(2)} (best of 3 passes)`);
  for (const [id, list] of sampleLines) console.log(`\n${id}:\n${list.join('\n')}`);
}
if (crashes.length) process.exitCode = 1;
