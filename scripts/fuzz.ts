// `npm run fuzz`: a mutation fuzzer for the engine (not part of npm test). Seeds are the shared corpus's Dockerfiles
// and Kubernetes YAML (../shared/corpus, or --corpus DIR) or, without it, every rule's documented examples. Each
// input is a seed mutated the way files get broken in editors and repositories (cut, spliced, half-typed, odd
// bytes), linted with every rule on. Reported: throws, shipshape/internal-error findings, ranges outside the text,
// and inputs slower than one second. Failures are written to --out (default fuzz-failures/) to become regression
// tests in test/core/robustness.test.ts.
// usage: npm run fuzz -- [--count 100000] [--seed 1] [--corpus DIR] [--out DIR]
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint, RULES, type Finding } from '../server/src/api';
import { walkFiles } from './corpus';

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const COUNT = Number(flag('--count') ?? 100_000);
const SEED = Number(flag('--seed') ?? 1);
const CORPUS = flag('--corpus') ?? join(__dirname, '../../shared/corpus');
const OUT = flag('--out') ?? join(process.cwd(), 'fuzz-failures');
const SLOW_MS = 1000;
/** Seeds larger than this are cut: the fuzzer looks for crashes, and big files only slow it down. */
const MAX_SEED_CHARS = 32 * 1024;

/** Every rule on, at its default severity or `warning` for rules that are off by default. */
const ALL_ON = { rules: Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.enabledByDefault === false ? 'warning' : r.meta.severity])) };

interface Seed {
  path: string;
  text: string;
}

function loadSeeds(): { seeds: Seed[]; source: string } {
  const seeds: Seed[] = [];
  const add = (dir: string, keep: (name: string) => boolean, path: (name: string) => string): void => {
    if (!existsSync(dir)) return;
    for (const file of walkFiles(dir, keep)) {
      if (statSync(file).size === 0) continue;
      seeds.push({ path: path(file), text: readFileSync(file, 'utf8').slice(0, MAX_SEED_CHARS) });
    }
  };
  add(join(CORPUS, 'dockerfiles'), () => true, () => 'Dockerfile');
  add(join(CORPUS, 'k8s'), (n) => /\.ya?ml$/i.test(n), () => 'manifest.yaml');
  if (seeds.length) return { seeds, source: `corpus ${CORPUS}` };
  // No corpus: every rule's bad and good examples, which between them touch every rule's code paths.
  for (const { meta } of RULES) {
    for (const text of [...meta.examples.bad, ...meta.examples.good]) seeds.push({ path: meta.target === 'dockerfile' ? 'Dockerfile' : 'manifest.yaml', text });
  }
  return { seeds, source: 'rule examples (no corpus found)' };
}

/** mulberry32: a small seeded PRNG, so a failure can be replayed from --seed and its index. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fragments people type or tools leave behind: shell operators, quotes, YAML syntax, templates, odd characters. */
const TOKENS = [
  '|', '||', '&&', ';', '&', '\\', '\\\n', '\n', '\r\n', '\r', '\t', ' ', '"', "'", '`', '$(', ')', '${', '}', '{', '(',
  '<<EOF\n', '\nEOF\n', '<<-', '>', '2>&1', '#', '# shipshape-ignore ', '# hadolint ignore=DL3008', '--', '-', '=', '@sha256:',
  ':', ': ', '- ', '---\n', '...\n', '[', ']', '{}', '[]', '&anchor ', '*anchor', '!!str ', '? ', '{{ .Values.x }}', '{{', '}}',
  'FROM ', 'RUN ', 'USER ', 'COPY --from=', 'ARG ', 'ENV ', 'ONBUILD ', 'SHELL ["', 'HEALTHCHECK ', 'curl https://x | sh', 'apt-get install -y',
  'apiVersion: v1\n', 'kind: Pod\n', 'containers:\n', 'securityContext:\n', 'privileged: true', 'image: ', 'null', '~', '0x', '1e9999',
  '\u0000', '\uFEFF', '\u00e9', '\u{1F600}', '\uD800', '\u2028', 'é',
];

function mutate(text: string, seeds: readonly Seed[], rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const at = (): number => Math.floor(rand() * (text.length + 1));
  const rounds = 1 + Math.floor(rand() * 4);
  for (let r = 0; r < rounds; r++) {
    const lines = text.split('\n');
    switch (Math.floor(rand() * 10)) {
      case 0: { // cut a span
        const a = at();
        text = text.slice(0, a) + text.slice(a + Math.floor(rand() * 64));
        break;
      }
      case 1: { // insert a token
        const a = at();
        text = text.slice(0, a) + pick(TOKENS) + text.slice(a);
        break;
      }
      case 2: // truncate, as while typing
        text = text.slice(0, at());
        break;
      case 3: { // duplicate a line
        const i = Math.floor(rand() * lines.length);
        lines.splice(i, 0, lines[i] ?? '');
        text = lines.join('\n');
        break;
      }
      case 4: { // swap two lines
        const i = Math.floor(rand() * lines.length);
        const j = Math.floor(rand() * lines.length);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        text = lines.join('\n');
        break;
      }
      case 5: { // splice in a piece of another seed
        const other = pick(seeds).text;
        const a = Math.floor(rand() * other.length);
        const b = at();
        text = text.slice(0, b) + other.slice(a, a + Math.floor(rand() * 200)) + text.slice(b);
        break;
      }
      case 6: { // change a line's indentation
        const i = Math.floor(rand() * lines.length);
        lines[i] = (rand() < 0.5 ? (lines[i] ?? '').trimStart() : ' '.repeat(1 + Math.floor(rand() * 6)) + (lines[i] ?? ''));
        text = lines.join('\n');
        break;
      }
      case 7: { // replace one character with a random code unit
        const a = at();
        text = text.slice(0, a) + String.fromCharCode(Math.floor(rand() * 0x10000)) + text.slice(a + 1);
        break;
      }
      case 8: // line endings
        text = rand() < 0.5 ? text.replace(/\n/g, '\r\n') : text.replace(/\r?\n/g, '\r');
        break;
      default: { // delete a line
        lines.splice(Math.floor(rand() * lines.length), 1);
        text = lines.join('\n');
      }
    }
  }
  return text;
}

/** Problems with one result: internal errors and ranges that do not lie inside the text. */
function problems(text: string, findings: readonly Finding[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  const inside = (p: { line: number; character: number }): boolean => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
  for (const f of findings) {
    if (f.ruleId === 'shipshape/internal-error') out.push(`internal-error: ${f.message}`);
    const { start, end } = f.range;
    if (!inside(start) || !inside(end) || start.line > end.line || (start.line === end.line && start.character > end.character)) {
      out.push(`range outside the text: ${f.ruleId} ${JSON.stringify(f.range)}`);
    }
    for (const fix of [...(f.fix ? [f.fix] : []), ...f.suggestions]) {
      for (const e of fix.edits) if (!inside(e.range.start) || !inside(e.range.end)) out.push(`fix edit outside the text: ${f.ruleId} ${JSON.stringify(e.range)}`);
    }
  }
  return out;
}

function main(): void {
  const { seeds, source } = loadSeeds();
  const rand = prng(SEED);
  const counts = { inputs: 0, throws: 0, internalErrors: 0, badRanges: 0, slow: 0, dockerfile: 0, yaml: 0 };
  const failures: { index: number; path: string; problems: string[]; text: string }[] = [];
  const seen = new Set<string>();
  let slowest = 0;
  const started = performance.now();
  console.log(`fuzz: ${COUNT} inputs from ${seeds.length} seeds (${source}), seed ${SEED}`);
  for (let i = 0; i < COUNT; i++) {
    const seed = seeds[Math.floor(rand() * seeds.length)]!;
    const text = mutate(seed.text, seeds, rand);
    counts.inputs++;
    counts[seed.path === 'Dockerfile' ? 'dockerfile' : 'yaml']++;
    let found: string[];
    const t0 = performance.now();
    try {
      found = problems(text, lint({ path: seed.path, text }, ALL_ON).findings);
    } catch (err) {
      found = [`throw: ${err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 3).join(' | ') : String(err)}`];
      counts.throws++;
    }
    const ms = performance.now() - t0;
    slowest = Math.max(slowest, ms);
    if (ms > SLOW_MS) {
      found.push(`slow: ${ms.toFixed(0)} ms`);
      counts.slow++;
    }
    counts.internalErrors += found.filter((p) => p.startsWith('internal-error')).length;
    counts.badRanges += found.filter((p) => p.includes('outside the text')).length;
    if (found.length) {
      // One example per distinct problem (messages without their varying details) is enough to debug.
      const key = found.map((p) => p.replace(/\{.*\}|\d+ ms/g, '')).join('\n');
      if (!seen.has(key)) {
        seen.add(key);
        failures.push({ index: i, path: seed.path, problems: found, text });
      }
    }
    if ((i + 1) % 10_000 === 0) console.log(`fuzz: ${i + 1} inputs, ${failures.length} distinct failures, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const secs = (performance.now() - started) / 1000;
  if (failures.length) {
    mkdirSync(OUT, { recursive: true });
    failures.forEach((f, n) => writeFileSync(join(OUT, `failure-${n}.json`), `${JSON.stringify(f, null, 2)}\n`));
    for (const f of failures.slice(0, 20)) console.log(`FAIL #${f.index} ${f.path}: ${f.problems.join('; ')}\n  ${JSON.stringify(f.text.slice(0, 300))}`);
  }
  console.log(JSON.stringify({ ...counts, distinctFailures: failures.length, seconds: Number(secs.toFixed(1)), inputsPerSecond: Math.round(counts.inputs / secs), slowestMs: Number(slowest.toFixed(1)) }));
  console.log(failures.length ? `fuzz: ${failures.length} distinct failures written to ${OUT}` : 'fuzz: no failures');
  process.exit(failures.length ? 1 : 0);
}

main();
