// `npm run bench`: every performance goal of Shipshape side by side in one run, on ../shared/corpus when present
// (or SHIPSHAPE_CORPUS), else on generated files. Prints figures and the goals they are held to; asserts nothing.
//   1. per file, one core, in process: bare parse (dockerfile-ast, yaml) vs Shipshape's full lint;
//   2. workspace scan: the CLI's wall time against the single-core bare parse of the same files, worker count, peak
//      RSS; the language server's scan with its peak RSS and the hover and typing latency meanwhile;
//   3. keystroke → publishDiagnostics through a real LSP client over stdio, open time of the largest manifest;
//   4. the server's peak RSS with 20 large files open.
// BENCH_PASSES (default 3) sets the in-process passes; BENCH_CPU_PROF=DIR writes CPU profiles of the CLI and servers;
// BENCH_SECTIONS=3,5 runs only those sections (section 2 needs section 1's parse time and runs it too).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { lint, SHIPPED } from '../server/src/api';
import { ChartLintCache, lintChart } from '../server/src/helm/lint';
import { renderChart } from '../server/src/helm/chart';
import { isYamlName } from '../server/src/core/detect';
import { isDockerfileName } from '../server/src/dockerfile/detect';
import { splitDocuments } from '../server/src/k8s/documents';
import { defaultWorkers, editorWorkers, walkLintable } from '../server/src/scan';
import { PEAK_RSS_MARK, keystrokes, manyOpen, peakRssMb, scanWhileEditing, type LspOptions, type OpenFile } from './bench-lsp';

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: false } as const;

// `node dist/bench.js --parse-once FILE`: one bare yaml parse in a fresh process (the cold figure for open time).
if (process.argv[2] === '--parse-once') {
  const text = readFileSync(process.argv[3]!, 'utf8');
  const started = performance.now();
  parseAllDocuments(text, YAML_OPTIONS);
  console.log((performance.now() - started).toFixed(1));
  process.exit(0);
}

interface Input extends OpenFile {
  bytes: number;
}

const root = join(__dirname, '..');
const passes = Number(process.env.BENCH_PASSES ?? 3);
const profileDir = process.env.BENCH_CPU_PROF;
const sections = new Set((process.env.BENCH_SECTIONS ?? '1,2,3,4,5').split(',').map((s) => s.trim()));
const runs = (n: number): boolean => sections.has(String(n)) || (n === 1 && sections.has('2'));
const work = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
const PROBE = join(work, 'peak-rss.cjs');
// Preloaded into every measured process: its peak RSS (getrusage, all threads) as it exits.
writeFileSync(PROBE, `process.on('exit', () => process.stderr.write('\\n${PEAK_RSS_MARK}' + process.resourceUsage().maxRSS + '\\n'));\n`);
// Profiles keep node's default names (pid and thread id), so every worker thread writes its own.
const nodeArgs = (): string[] => ['-r', PROBE, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];

async function main(): Promise<void> {
  // ../shared/corpus beside the project (/work/main), or beside the folder of worktrees (/work/wt/<name>).
  const corpus = process.env.SHIPSHAPE_CORPUS ?? [join(root, '../shared/corpus'), join(root, '../../shared/corpus')].find((d) => existsSync(d));
  const source = corpus ?? generate(join(work, 'generated'));
  const inputs = await load(source);
  const dockerfiles = inputs.filter((i) => i.languageId === 'dockerfile');
  const yamls = inputs.filter((i) => i.languageId === 'yaml');
  const mb = inputs.reduce((n, i) => n + i.bytes, 0) / 1e6;
  const [l1, l5] = loadavg();
  console.log(`Shipshape benchmark on ${corpus ? source : 'generated files'}: ${inputs.length} files the scan lints (${dockerfiles.length} Dockerfiles, ${yamls.length} YAML), ${mb.toFixed(1)} MB`);
  console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${l1!.toFixed(2)} / ${l5!.toFixed(2)} (1 / 5 min): figures on a busy machine are slower than its cores allow`);

  const lsp: LspOptions = { serverPath: join(root, 'dist/server.js'), execArgv: nodeArgs() };
  const small = pick(inputs, 'dockerfile', 9 * 1024, (i) => i.bytes);
  if (runs(1)) {
    heading('1. Per file, one core, in process (median of passes)');
    const perFile = perFileSection(dockerfiles, yamls);
    if (runs(2)) await scanSection(source, perFile, lsp, small);
  }
  if (runs(3)) await keystrokeSection(source, inputs, yamls, lsp, small);
  if (runs(4)) {
    heading('4. Memory: 20 large files open in one server');
    const large = [...yamls].sort((a, b) => b.bytes - a.bytes).slice(0, 20);
    const many = await manyOpen(lsp, large);
    row('server peak RSS', `${fmt(many.peakRssMb)} MB`, `${large.length} files, ${(large.reduce((n, i) => n + i.bytes, 0) / 1e6).toFixed(1)} MB of text, opened in ${fmt(many.openMs)} ms`);
  }
  if (runs(5)) {
    heading('5. Helm chart');
    await helmSection();
  }
  if (profileDir) console.log(`\nCPU profiles in ${profileDir}`);
}

async function scanSection(source: string, perFile: { bareDockerfileMs: number; bareYamlMs: number }, lsp: LspOptions, small: Input): Promise<void> {
  heading('2. Workspace scan');
  const bareMs = perFile.bareDockerfileMs + perFile.bareYamlMs;
  const cli = await runCli(source);
  const workers = defaultWorkers();
  row('bare parse, one core (a)', `${fmt(bareMs)} ms`, 'dockerfile-ast + yaml, texts in memory');
  row(`CLI scan, ${workers} workers`, `${fmt(cli.wallMs)} ms`, `${(cli.wallMs / bareMs).toFixed(2)}× (a), goal ≤ 1.00×; process start, walk, reads and output included`);
  row('CLI peak RSS', `${fmt(cli.peakRssMb)} MB`, 'text output, streamed');
  const server = await scanWhileEditing(lsp, source, small);
  row(`server scan, ${editorWorkers()} workers`, `${fmt(server.wallMs)} ms`, `${(server.wallMs / bareMs).toFixed(2)}× (a); ${server.files} files, ${server.findings} findings, diagnostics published per file`);
  row('server peak RSS', `${fmt(server.peakRssMb)} MB`, 'goal < 300 MB (one open Dockerfile, the scan)');
  row('  hover during scan', stats(server.hover), `${server.hover.length} requests`);
  row('  completion during scan', server.completion ? stats(server.completion) : 'n/a', server.completion ? '' : 'the server offers no completion');
  row('  keystroke during scan', stats(server.keystrokes), `${server.keystrokes.length} keystrokes in ${relative(source, small.path)}`);
}

async function keystrokeSection(source: string, inputs: Input[], yamls: Input[], lsp: LspOptions, small: Input): Promise<void> {
  heading('3. Keystroke → publishDiagnostics (stdio, one didChange per character, each waiting for its version)');
  const manifest1k = pick(
    // A plain manifest: Helm templates (`{{`) take another path.
    yamls.filter((i) => i.bytes <= 100 * 1024 && /^kind:/m.test(i.text) && !i.text.includes('{{')),
    'yaml',
    1000,
    (i) => i.text.split('\n').length,
  );
  const largest = inputs.find((i) => i.path.endsWith(join('argoproj+argo-cd', 'manifests', 'install.yaml'))) ?? [...yamls].sort((a, b) => b.bytes - a.bytes)[0]!;
  // In the largest manifest: in a Deployment, and in the middle of the file (in argo-cd's install.yaml that is the
  // 1.4 MB ApplicationSet CRD, one YAML document: every keystroke there re-parses the whole document).
  const largestLines = largest.text.split('\n');
  const deploymentLine = Math.max(0, largestLines.findIndex((l) => l === 'kind: Deployment'));
  const typed = await keystrokes(lsp, [
    { label: 'small Dockerfile', file: small },
    { label: '1k-line manifest', file: manifest1k },
    { label: 'largest manifest, Deployment', file: largest, line: deploymentLine },
    { label: 'largest manifest, middle', file: largest },
  ]);
  for (const t of typed) {
    const goal = t.bytes <= 100 * 1024 ? 30 : 60;
    const p95 = percentile(t.keystrokes, 95);
    row(t.label, stats(t.keystrokes), `${relative(source, t.path)}:${t.line + 1} (${kb(t.bytes)}, ${t.lines} lines): goal p95 ≤ ${goal} ms ${p95 <= goal ? 'met' : `missed by ${fmt(p95 - goal)} ms`}`);
  }
  // The floor of a keystroke: one bare parse of the YAML document it lands in (a keystroke must re-parse at least that).
  for (const t of typed.slice(2)) {
    const docText = documentAround(largest.text, t.line);
    const floor = medianOf(5, () => time(() => parseAllDocuments(docText, YAML_OPTIONS)));
    row(`  floor, ${t.label.replace('largest manifest, ', '')}`, `${fmt(floor)} ms`, `bare yaml parse of the ${kb(docText.length)} document holding line ${t.line + 1}; keystroke p50 = ${(percentile(t.keystrokes, 50) / floor).toFixed(1)}× that`);
  }
  const open = Math.min(typed[2]!.openMs, typed[3]!.openMs);
  const cold = Number(spawnSync(process.execPath, [__filename, '--parse-once', largest.path], { encoding: 'utf8' }).stdout.trim());
  const warm = medianOf(5, () => time(() => parseAllDocuments(largest.text, YAML_OPTIONS)));
  row('open largest manifest', `${fmt(open)} ms`, `didOpen → first diagnostics in a fresh server, best of 2 (${kb(largest.bytes)})`);
  row('  bare yaml parse', `${fmt(cold)} ms cold`, `fresh process; ${fmt(warm)} ms warm. open = ${(open / cold).toFixed(2)}× cold, ${(open / warm).toFixed(2)}× warm; goal ≤ 1.30×`);
}

/** The generated 50-template chart of the Helm section: deployments, services and config maps through shared helpers. */
function benchChart(): Map<string, string> {
  const files = new Map<string, string>([
    ['Chart.yaml', 'apiVersion: v2\nname: bench\nversion: 1.0.0\nappVersion: "1.0"\n'],
    ['templates/_helpers.tpl', '{{- define "bench.labels" -}}\napp.kubernetes.io/name: {{ .Chart.Name }}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end }}\n{{- define "bench.name" -}}\n{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}\n{{- end }}\n'],
  ]);
  let values = 'image: {repository: nginx, tag: "1.27"}\nsecurityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}\nresources: {limits: {cpu: 500m, memory: 256Mi}}\n';
  for (let i = 0; i < 50; i++) {
    values += `svc${i}: {enabled: true, port: ${8000 + i}, replicas: 2, env: {MODE: prod, INDEX: "${i}"}}\n`;
    const kind = i % 3;
    files.set(
      `templates/t${i}.yaml`,
      kind === 0
        ? `{{- if .Values.svc${i}.enabled }}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "bench.name" . }}-${i}\n  labels:\n    {{- include "bench.labels" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.svc${i}.replicas }}\n  selector:\n    matchLabels:\n      {{- include "bench.labels" . | nindent 6 }}\n  template:\n    metadata:\n      labels:\n        {{- include "bench.labels" . | nindent 8 }}\n    spec:\n      containers:\n        - name: app\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n          env:\n            {{- range $k, $v := .Values.svc${i}.env }}\n            - name: {{ $k }}\n              value: {{ $v | quote }}\n            {{- end }}\n          ports:\n            - containerPort: {{ .Values.svc${i}.port }}\n{{- end }}\n`
        : kind === 1
          ? `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "bench.name" . }}-${i}\n  labels:\n    {{- include "bench.labels" . | nindent 4 }}\nspec:\n  ports:\n    - port: {{ .Values.svc${i}.port }}\n  selector:\n    {{- include "bench.labels" . | nindent 4 }}\n`
          : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "bench.name" . }}-${i}\ndata:\n  {{- range $k, $v := .Values.svc${i}.env }}\n  {{ $k }}: {{ $v | quote }}\n  {{- end }}\n`,
    );
  }
  files.set('values.yaml', values);
  return files;
}

/**
 * Helm: the generated 50-template chart rendered and linted as a whole in a fresh process (cold), warm, rendered
 * alone, and after a one-character edit of one template with the editor's per-chart cache (the keystroke path:
 * every template re-renders, only templates whose rendered text changed are linted again).
 * `node dist/bench.js --helm` runs this section alone.
 */
async function helmSection(): Promise<void> {
  const files = benchChart();
  const chart = { root: '/bench', files };
  const registry = SHIPPED;
  const warm: number[] = [];
  const render: number[] = [];
  const keystroke: number[] = [];
  // CPU time beside wall time: on a shared machine the process's own CPU time is what the code costs.
  const cpu = { warm: [] as number[], render: [] as number[], keystroke: [] as number[] };
  const cpuTime = (fn: () => unknown): [number, number] => {
    const before = process.cpuUsage();
    const wall = time(fn);
    const used = process.cpuUsage(before);
    return [wall, (used.user + used.system) / 1000];
  };
  const [first, firstCpu] = cpuTime(() => void lintChart(chart, {}, registry));
  const cache = new ChartLintCache();
  lintChart(chart, {}, registry, { cache });
  let text = files.get('templates/t0.yaml')!;
  // 5 unmeasured passes warm the JIT as a running server is, then 15 measured ones.
  for (let pass = 0; pass < 20; pass++) {
    const measured = pass >= 5;
    const [w, wc] = cpuTime(() => void lintChart(chart, {}, registry));
    const [r, rc] = cpuTime(() => void renderChart(chart));
    text = text.replace('replicas:', 'replicas: ');
    const edited = new Map(files).set('templates/t0.yaml', text);
    const [k, kc] = cpuTime(() => void lintChart({ root: '/bench', files: edited }, {}, registry, { cache }));
    if (!measured) continue;
    warm.push(w);
    render.push(r);
    keystroke.push(k);
    cpu.warm.push(wc);
    cpu.render.push(rc);
    cpu.keystroke.push(kc);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  row('50-template Helm chart', `${fmt(first, 1)} ms cold (CPU ${fmt(firstCpu, 1)} ms)`, `render + lint every template, first run in this process (JIT cold); goal < 200 ms`);
  row('  warm', `${fmt(median(warm), 1)} ms (CPU ${fmt(median(cpu.warm), 1)} ms)`, `median of 15 after 5 unmeasured; render alone ${fmt(median(render), 1)} ms (CPU ${fmt(median(cpu.render), 1)} ms), lint is the rest`);
  row('  after a keystroke', `${fmt(median(keystroke), 1)} ms (CPU ${fmt(median(cpu.keystroke), 1)} ms)`, 'one template edited, the editor\'s cache: all render, only changed output is linted');
  // The same chart on disk, one template open in a fresh server: keystroke → publishDiagnostics as in section 3.
  const dir = join(work, 'helm-bench');
  for (const [rel, content] of files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  const t0 = join(dir, 'templates', 't0.yaml');
  const lsp: LspOptions = { serverPath: join(root, 'dist/server.js'), execArgv: nodeArgs() };
  const [typed] = await keystrokes(lsp, [{ label: 'chart template', file: { path: t0, text: files.get('templates/t0.yaml')!, languageId: 'yaml' } }]);
  const p95 = percentile(typed!.keystrokes, 95);
  row('  keystroke in a template', stats(typed!.keystrokes), `server over stdio, templates/t0.yaml of the chart: goal p95 ≤ 30 ms ${p95 <= 30 ? 'met' : `missed by ${fmt(p95 - 30)} ms`}; open ${fmt(typed!.openMs)} ms`);
}

/** The YAML document holding 0-based `line`, as the engine splits the file (one document per run). */
function documentAround(text: string, line: number): string {
  const documents = splitDocuments(text, 0) ?? [{ line: 0, text }];
  return [...documents].reverse().find((d) => d.line <= line)!.text;
}

function perFileSection(dockerfiles: Input[], yamls: Input[]): { bareDockerfileMs: number; bareYamlMs: number } {
  const bareDockerfile = (i: Input) => void DockerfileParser.parse(i.text);
  // Same parser options as the engine, so (a) and (b) parse identically and the ratio is the rules' cost.
  const bareYaml = (i: Input) => void parseAllDocuments(i.text, YAML_OPTIONS);
  const fullLint = (i: Input) => void lint({ path: i.path, text: i.text, languageId: i.languageId });
  // Warm up the JIT on every path with one full unmeasured pass.
  for (const [set, fn] of [[dockerfiles, bareDockerfile], [dockerfiles, fullLint], [yamls, bareYaml], [yamls, fullLint]] as const) measure(set, fn);
  const rows: [string, Input[], (i: Input) => void][] = [
    ['(a) dockerfile-ast parse', dockerfiles, bareDockerfile],
    ['(b) lint Dockerfiles', dockerfiles, fullLint],
    ['(a) yaml parseAllDocuments', yamls, bareYaml],
    ['(b) lint YAML', yamls, fullLint],
  ];
  const runs = new Map<string, Stats[]>(rows.map(([l]) => [l, []]));
  // Interleave passes so drift on a shared machine hits both sides alike.
  for (let p = 0; p < passes; p++) for (const [label, set, fn] of rows) runs.get(label)!.push(measure(set, fn));
  const median = (label: string) => [...runs.get(label)!].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(passes / 2)]!;
  for (const [label, set] of rows) {
    const s = median(label);
    const bytes = set.reduce((n, i) => n + i.bytes, 0);
    row(label, `${fmt(s.totalMs)} ms`, `${set.length} files, ${(bytes / 1e6 / (s.totalMs / 1000)).toFixed(2)} MB/s, per file ${stats(s.perFile)}`);
  }
  const ratio = (b: string, a: string) => (median(b).totalMs / median(a).totalMs).toFixed(2);
  row('lint / parse', `${ratio('(b) lint Dockerfiles', '(a) dockerfile-ast parse')}× Dockerfiles`, `${ratio('(b) lint YAML', '(a) yaml parseAllDocuments')}× YAML (budget 1.5×)`);
  return { bareDockerfileMs: median('(a) dockerfile-ast parse').totalMs, bareYamlMs: median('(a) yaml parseAllDocuments').totalMs };
}

/** The CLI as a user runs it, text output to a pipe that is drained; wall time from spawn to exit. */
function runCli(dir: string): Promise<{ wallMs: number; peakRssMb: number | undefined }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs(), join(root, 'dist/cli.js'), 'scan', '--fail-on', 'none', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`shipshape scan exited with ${code}: ${stderr}`));
      else resolve({ wallMs: performance.now() - started, peakRssMb: peakRssMb(stderr) });
    });
  });
}

/** Exactly the files a workspace scan lints, read once. */
async function load(dir: string): Promise<Input[]> {
  const inputs: Input[] = [];
  for await (const path of walkLintable(dir)) {
    const kind = isDockerfileName(path) ? 'dockerfile' : isYamlName(path) ? 'yaml' : undefined;
    if (!kind) continue;
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    inputs.push({ path, text, languageId: kind, bytes: Buffer.byteLength(text) });
  }
  return inputs;
}

/** The file whose `measure` is closest to `target` among those of a kind. */
function pick(inputs: Input[], kind: Input['languageId'], target: number, measureOf: (i: Input) => number): Input {
  const candidates = inputs.filter((i) => i.languageId === kind);
  return candidates.reduce((best, i) => (Math.abs(measureOf(i) - target) < Math.abs(measureOf(best) - target) ? i : best), candidates[0]!);
}

/** A stand-in corpus: 400 Dockerfiles, 400 small manifests, a 1k-line manifest and 20 large multi-document ones. */
function generate(dir: string): string {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const deployment = (i: number, d: number) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}-${d}\n  namespace: team\n  labels:\n    app: app-${i}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: app-${i}}\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      securityContext:\n        runAsNonRoot: ${d % 2 === 0}\n      containers:\n        - name: app\n          image: registry.example.com/app:${d}.0\n          ports: [{containerPort: 8080}]\n          env:\n            - {name: MODE, value: production}\n            - {name: LEVEL, value: info}\n          securityContext:\n            privileged: ${d === 3}\n            allowPrivilegeEscalation: false\n          resources:\n            limits: {cpu: 500m, memory: 256Mi}\n`;
  const dockerfile = (i: number, steps: number) =>
    `FROM node:${i % 3 ? '22' : 'latest'} AS build\nWORKDIR /src\nCOPY package*.json ./\n${Array.from({ length: steps }, (_, s) => `RUN apt-get update && apt-get install -y curl-${s} \\\n    && rm -rf /var/lib/apt/lists/*\n`).join('')}RUN npm ci && \\\n    npm run build\nFROM gcr.io/distroless/nodejs22\nCOPY --from=build /src/dist /app\nUSER ${i % 2 ? '10001' : 'root'}\nCMD ["/app/server.js"]\n`;
  for (let i = 0; i < 400; i++) {
    write(`svc-${i}/Dockerfile`, dockerfile(i, 2));
    write(`svc-${i}/deploy.yaml`, Array.from({ length: 1 + (i % 5) }, (_, d) => deployment(i, d)).join('---\n'));
  }
  write('big/Dockerfile', dockerfile(1, 110));
  write('big/manifest-1k.yaml', Array.from({ length: 32 }, (_, d) => deployment(1000, d)).join('---\n'));
  for (let f = 0; f < 20; f++) write(`big/install-${f}.yaml`, Array.from({ length: f === 0 ? 2000 : 400 }, (_, d) => deployment(2000 + f, d)).join('---\n'));
  return dir;
}

interface Stats {
  totalMs: number;
  perFile: number[];
}

function measure(inputs: Input[], fn: (input: Input) => void): Stats {
  const perFile: number[] = [];
  const start = performance.now();
  for (const input of inputs) perFile.push(time(() => fn(input)));
  return { totalMs: performance.now() - start, perFile };
}

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

function medianOf(n: number, fn: () => number): number {
  const xs = Array.from({ length: n }, fn).sort((a, b) => a - b);
  return xs[Math.floor(n / 2)]!;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function stats(samples: number[]): string {
  if (!samples.length) return 'no samples';
  return `p50 ${fmt(percentile(samples, 50), 1)} / p95 ${fmt(percentile(samples, 95), 1)} / max ${fmt(Math.max(...samples), 1)} ms`;
}

function fmt(n: number | undefined, digits = 0): string {
  return n === undefined || Number.isNaN(n) ? '?' : n.toFixed(digits);
}

function kb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

function heading(text: string): void {
  console.log(`\n${text}`);
}

function row(label: string, value: string, note = ''): void {
  console.log(`  ${label.padEnd(30)} ${value.padEnd(40)} ${note}`);
}

(process.argv[2] === '--helm' ? (heading('5. Helm chart'), helmSection()) : main())
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
