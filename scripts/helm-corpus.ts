// Renders every chart of the Helm corpus with its default values and reports per chart: templates, objects,
// unknown regions, errors (each one Helm itself raises on the same input), findings and time; plus which template functions the corpus calls and whether the engine has them.
// Usage: node dist/helm-corpus.js [corpus-dir] [--json]
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderChart } from '../server/src/helm/chart';
import { lintChart } from '../server/src/helm/lint';
import { SHIPPED } from '../server/src/api';
import { readChartFiles } from '../server/src/helm/fs';
import { functionUse } from '../server/src/helm/analyze';
import { FUNCS } from '../server/src/helm/funcs';

const args = process.argv.slice(2);
const corpus = args.find((a) => !a.startsWith('--')) ?? join(__dirname, '..', '..', 'shared', 'corpus', 'helm');
if (!existsSync(corpus)) {
  console.log(`no corpus at ${corpus}`);
  process.exit(0);
}

function chartRoots(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (!statSync(p).isDirectory()) continue;
    if (existsSync(join(p, 'Chart.yaml'))) {
      // Vendored subcharts render as part of their parent.
      if (!/\/charts$/.test(dir) || !existsSync(join(dir, '..', 'Chart.yaml'))) out.push(p);
    }
    chartRoots(p, out);
  }
  return out;
}

const rows: Record<string, unknown>[] = [];
const calls = new Map<string, number>();
let errors = 0;
for (const root of chartRoots(corpus)) {
  const files = readChartFiles(root);
  for (const [rel, text] of files.files) {
    if (!/(^|\/)templates\/.+\.(ya?ml|tpl)$/.test(rel)) continue;
    for (const [fn, n] of functionUse(text)) calls.set(fn, (calls.get(fn) ?? 0) + n);
  }
  const t0 = performance.now();
  const r = renderChart(files);
  const ms = performance.now() - t0;
  const t1 = performance.now();
  const linted = lintChart(files, {}, SHIPPED);
  const lintMs = performance.now() - t1;
  const findings = [...linted.files.values()].reduce((n, f) => n + f.findings.filter((x) => x.ruleId !== 'shipshape/helm-template').length, 0);
  const objects = r.templates.reduce((n, t) => n + t.text.split(/^---\s*$/m).filter((d) => /^kind:/m.test(d)).length, 0);
  const unknown = r.templates.flatMap((t) => t.segs.filter((s) => s.unknown).map((s) => `${t.name}: ${s.unknown}`));
  const errs = [...r.problems.map((p) => `${relative(root, p.path)}: ${p.message}`), ...r.templates.filter((t) => t.error).map((t) => `${t.name}: ${t.error!.message}`)];
  errors += errs.length;
  rows.push({ chart: relative(corpus, root), templates: r.templates.length, objects, unknown: [...r.unknowns, ...unknown], errors: errs, findings, renderMs: Math.round(ms), lintMs: Math.round(lintMs) });
}
if (args.includes('--json')) console.log(JSON.stringify({ charts: rows, functions: Object.fromEntries(calls) }, null, 2));
else {
  for (const r of rows) {
    console.log(
      `${String(r.chart).padEnd(90)} templates ${String(r.templates).padStart(3)} objects ${String(r.objects).padStart(3)} unknown ${String((r.unknown as string[]).length).padStart(2)} errors ${String((r.errors as string[]).length).padStart(2)} findings ${String(r.findings).padStart(4)} render ${String(r.renderMs).padStart(5)} ms, render+lint ${String(r.lintMs).padStart(5)} ms`,
    );
    for (const e of r.errors as string[]) console.log(`    error: ${e}`);
    for (const u of r.unknown as string[]) console.log(`    unknown: ${u}`);
  }
  const missing = [...calls].filter(([fn]) => !Object.hasOwn(FUNCS, fn) && !['include', 'tpl', 'default', 'ternary', 'coalesce', 'and', 'or'].includes(fn));
  console.log(`\n${rows.length} charts, ${errors} errors; functions called: ${calls.size}; not evaluated: ${missing.map(([f, n]) => `${f}(${n})`).join(', ') || 'none'}`);
}
