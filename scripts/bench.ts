// `npm run bench`: bare parse (dockerfile-ast, yaml) vs Shipshape's full lint on the same files, in one process.
// Uses ../shared/corpus when present (or SHIPSHAPE_CORPUS), else generated files. Prints figures, asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { walkFiles } from './corpus';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { lint } from '../server/src/api';
import { isYamlName } from '../server/src/core/detect';

interface Input {
  path: string;
  text: string;
  kind: 'dockerfile' | 'yaml';
}

const root = join(__dirname, '..');
const passes = Number(process.env.BENCH_PASSES ?? 3);

const walk = (dir: string): string[] => walkFiles(dir);

function loadCorpus(): { inputs: Input[]; source: string } {
  const dir = process.env.SHIPSHAPE_CORPUS ?? join(root, '../shared/corpus');
  if (existsSync(dir)) {
    const inputs: Input[] = [];
    for (const path of walk(dir)) {
      // Corpus files are stored under flattened names; the manifest's kind column is implied by the folder.
      const kind = path.includes(`${'/'}dockerfiles${'/'}`) ? 'dockerfile' : /\.ya?ml$/i.test(path) ? 'yaml' : undefined;
      if (!kind) continue;
      inputs.push({ path: kind === 'dockerfile' ? `${path}.Dockerfile`.replace(/[^/]+$/, 'Dockerfile') : path, text: readFileSync(path, 'utf8'), kind });
    }
    return { inputs, source: dir };
  }
  return { inputs: generated(), source: 'generated files' };
}

function generated(): Input[] {
  const inputs: Input[] = [];
  for (let i = 0; i < 400; i++) {
    inputs.push({
      path: `gen/${i}/Dockerfile`,
      kind: 'dockerfile',
      text: `FROM node:${i % 3 ? '22' : 'latest'} AS build\nWORKDIR /src\nCOPY package*.json ./\nRUN npm ci && \\\n    npm run build\nFROM gcr.io/distroless/nodejs22\nCOPY --from=build /src/dist /app\nUSER ${i % 2 ? '10001' : 'root'}\nCMD ["/app/server.js"]\n`,
    });
    const docs = Array.from({ length: 1 + (i % 5) }, (_, d) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}-${d}\n  namespace: team\nspec:\n  replicas: 2\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: ${d % 2 === 0}\n      containers:\n        - name: app\n          image: registry.example.com/app:${d}.0\n          ports: [{containerPort: 8080}]\n          securityContext:\n            privileged: ${d === 3}\n            allowPrivilegeEscalation: false\n`,
    );
    inputs.push({ path: `gen/${i}/deploy.yaml`, kind: 'yaml', text: docs.join('---\n') });
  }
  return inputs;
}

interface Stats {
  totalMs: number;
  perFile: number[];
}

function measure(inputs: Input[], fn: (input: Input) => void): Stats {
  const perFile: number[] = [];
  const start = performance.now();
  for (const input of inputs) {
    const t = performance.now();
    fn(input);
    perFile.push(performance.now() - t);
  }
  return { totalMs: performance.now() - start, perFile };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Median pass by total time, so one noisy pass (GC, the other core busy) does not decide the figure. */
function medianPass(runs: Stats[]): Stats {
  return [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(runs.length / 2)]!;
}

function report(label: string, inputs: Input[], s: Stats): void {
  const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);
  const sorted = [...s.perFile].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(28)} ${String(inputs.length).padStart(5)} files ${(inputs.length / (s.totalMs / 1000)).toFixed(0).padStart(6)} files/s ` +
      `${(bytes / 1e6 / (s.totalMs / 1000)).toFixed(2).padStart(6)} MB/s  p50 ${pct(sorted, 50).toFixed(2)} ms  p95 ${pct(sorted, 95).toFixed(2)} ms  max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms  total ${s.totalMs.toFixed(0)} ms`,
  );
}

const bareDockerfile = (i: Input) => void DockerfileParser.parse(i.text);
// Same parser options as the engine, so (a) and (b) parse identically and the ratio is the rules' cost.
const bareYaml = (i: Input) => void parseAllDocuments(i.text, { prettyErrors: false, uniqueKeys: false, strict: false });
const fullLint = (i: Input) => void lint({ path: i.path, text: i.text, languageId: i.kind });

const { inputs, source } = loadCorpus();
const dockerfiles = inputs.filter((i) => i.kind === 'dockerfile');
const yamls = inputs.filter((i) => i.kind === 'yaml' && isYamlName(i.path));
console.log(`Shipshape benchmark on ${source}: ${dockerfiles.length} Dockerfiles, ${yamls.length} YAML files; ${passes} passes, median shown; node ${process.version}`);

let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
sample.unref();

// Warm up the JIT on every path with one full unmeasured pass.
for (const [, set, fn] of [['', dockerfiles, bareDockerfile], ['', dockerfiles, fullLint], ['', yamls, bareYaml], ['', yamls, fullLint]] as const) measure(set, fn);

const rows: [string, Input[], (i: Input) => void][] = [
  ['(a) dockerfile-ast parse', dockerfiles, bareDockerfile],
  ['(b) lint Dockerfiles', dockerfiles, fullLint],
  ['(a) yaml parseAllDocuments', yamls, bareYaml],
  ['(b) lint YAML', yamls, fullLint],
];
const results = new Map<string, Stats>();
const runs = new Map<string, Stats[]>(rows.map(([l]) => [l, []]));
// Interleave passes so drift on a shared machine hits both sides alike.
for (let p = 0; p < passes; p++) {
  for (const [label, set, fn] of rows) runs.get(label)!.push(measure(set, fn));
}
for (const [label, set] of rows) {
  const s = medianPass(runs.get(label)!);
  results.set(label, s);
  report(label, set, s);
}
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const ratio = (b: string, a: string) => (results.get(b)!.totalMs / results.get(a)!.totalMs).toFixed(2);
console.log(`ratio (b)/(a): Dockerfiles ${ratio('(b) lint Dockerfiles', '(a) dockerfile-ast parse')}x, YAML ${ratio('(b) lint YAML', '(a) yaml parseAllDocuments')}x (budget 1.5x)`);
console.log(`peak RSS ${(peakRss / 1e6).toFixed(0)} MB`);
