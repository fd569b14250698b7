// `shipshape scan`: resolves the inputs and their config (nearest `.shipshape.yaml`, or `--config FILE`), lints
// them on the scan worker pool, and returns the report. A config with problems stops the run, as in ESLint.
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { lint } from '../core/engine';
import { detectDockerfile } from '../dockerfile/detect';
import { builtByNote, mergeOutcome, withBuilders, type WorkspaceOutcome } from '../core/workspace';
import type { Finding } from '../core/types';
import type { LintConfig } from '../core/config';
import type { RuleSet } from '../core/ruleSet';
import type { FileConfig } from '../config';
import { nodeConfigFs, workspaceConfig } from '../config/node';
import { scanFiles, type FileResult } from '../scan';
import { readFromDisk, withFileFacts } from '../scan/facts';
import { mapFindingPaths, type FileReport, type ScanReport } from './report';

export class InputError extends Error {}
export class ConfigError extends Error {}

export interface ScanInputs {
  /** Files, directories or `-` (stdin). */
  paths: string[];
  cwd: string;
  rules: RuleSet;
  readStdin(): Promise<string>;
  /** Name used to detect the file type of stdin and to report it. */
  stdinFilename?: string;
  /** `--config FILE`: used for every file instead of the nearest `.shipshape.yaml`. */
  configFile?: string;
  /** Settings from flags, above every config file. */
  overrides?: LintConfig;
  /** YYYY-MM-DD, for suppression expiry. */
  today: string;
  /** Default: scan-worker.js next to the running bundle (dist/). */
  workerScript?: string;
  /**
   * Stream instead of collecting: each file's report with its own findings, in output order, as soon as it and every
   * file before it are linted (and the walk has confirmed every config is valid). The returned report then holds no
   * files, only `crossFile`: the workspace rules' findings, known once every file was read.
   */
  onFile?(file: FileReport): void;
}

export interface StreamedScan {
  crossFile: FileReport[];
}

/** Inputs of at most this many plain files are linted in process: starting worker threads would cost more. */
const IN_PROCESS_FILES = 8;

export async function scan(inputs: ScanInputs & { onFile?: undefined }): Promise<ScanReport>;
export async function scan(inputs: ScanInputs & { onFile(file: FileReport): void }): Promise<StreamedScan>;
export async function scan(inputs: ScanInputs): Promise<ScanReport | StreamedScan> {
  const explicit = inputs.configFile ? resolve(inputs.cwd, inputs.configFile) : undefined;
  if (explicit && nodeConfigFs.readFile(explicit) === undefined) throw new ConfigError(`cannot read config file ${inputs.configFile}`);
  const config = workspaceConfig(inputs.rules.metas(), [], {}, inputs.overrides ?? {}, explicit);
  const broken = new Map<string, FileConfig>();
  const abort = new AbortController();
  const configFor = cachedConfigFor(inputs, (path) => {
    const file = config.resolver.forFile(path);
    if (file?.diagnostics.length && !broken.has(file.path)) {
      broken.set(file.path, file);
      abort.abort();
    }
    return config.configFor(path);
  });
  if (explicit) configFor(explicit);

  const roots: string[] = [];
  let allFiles = true;
  for (const path of inputs.paths) {
    if (path === '-') continue;
    const root = resolve(inputs.cwd, path);
    const stat = await fs.stat(root).catch(() => undefined);
    if (!stat) throw new InputError(`no such file or directory: ${path}`);
    if (!stat.isFile()) allFiles = false;
    roots.push(root);
  }
  // stdin is read first: it is one file, and streamed output then reaches its place in the order without waiting.
  let stdin: FileReport | undefined;
  if (inputs.paths.includes('-') && !abort.signal.aborted) stdin = await scanStdin(inputs, configFor);
  if (broken.size) throw new ConfigError(configProblems([...broken.values()], inputs.cwd));

  // Output order: inputs in command-line order, files under each in path order (the walk's), each file once,
  // under the first input that holds it; so the output does not depend on the order workers finish in.
  const out = new OrderedOutput(inputs.paths.map((p) => (p === '-' ? '-' : resolve(inputs.cwd, p))), stdin);
  const collected: FileReport[] = [];
  const emit = inputs.onFile ?? ((file: FileReport) => void collected.push(file));
  // Streamed results wait until the walk is over: only then is every config known to be valid.
  let walked = false;
  const held: FileReport[] = [];
  const shown = (findings: Finding[]): Finding[] => findings.map((f) => mapFindingPaths(f, (p) => displayPath(inputs.cwd, p)));
  /** The scan result behind each report, to merge its workspace outcome into it at the end. */
  const scanned = new WeakMap<FileReport, FileResult>();
  const take = (result: FileResult): void => {
    const report: FileReport = { path: displayPath(inputs.cwd, result.path), findings: shown(result.findings) };
    scanned.set(report, result);
    for (const file of out.next(result.path, report)) {
      if (walked) emit(file);
      else held.push(file);
    }
  };
  let workspace = new Map<string, WorkspaceOutcome>();
  if (roots.length && !abort.signal.aborted) {
    const summary = await scanFiles(roots, {
      configFor,
      configIgnore: config.configIgnore,
      configDockerfiles: config.configDockerfiles,
      signal: abort.signal,
      ordered: true,
      collect: false,
      onResult: take,
      onWalked: () => {
        if (broken.size) return;
        walked = true;
        for (const file of held.splice(0)) emit(file);
      },
      // A directory is a workspace: cross-file rules apply. Lists of files (pre-commit hooks pass the changed ones)
      // are not, since the NetworkPolicy covering a workload may sit in a file that was not passed.
      workspaceRules: !allFiles,
      ...(allFiles && roots.length <= IN_PROCESS_FILES ? { workers: 0 } : {}),
      ...(inputs.workerScript ? { workerScript: inputs.workerScript } : {}),
    });
    workspace = summary.workspace;
  }
  if (broken.size) throw new ConfigError(configProblems([...broken.values()], inputs.cwd));
  for (const file of out.rest()) emit(file);

  if (inputs.onFile) {
    // Streamed files are written already: the cross-file part says which objects run a Dockerfile built here.
    const crossFile = [...workspace]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, outcome]) => ({
        path: displayPath(inputs.cwd, path),
        findings: shown(withBuilders(outcome.findings, outcome.builtBy, path)),
        ...(outcome.builtBy?.length ? { note: builtByNote(outcome.builtBy, path) } : {}),
      }));
    return { crossFile };
  }
  return {
    files: collected.map((file) => {
      const result = scanned.get(file);
      const outcome = result && workspace.get(result.path);
      return result && outcome ? { ...file, findings: shown(mergeOutcome(result, outcome).findings) } : file;
    }),
  };
}

/** Puts stdin's report at its place among the inputs; files arrive in walk order already. */
class OrderedOutput {
  constructor(
    /** Resolved input paths, `-` for stdin. */
    private readonly inputs: readonly string[],
    private stdin: FileReport | undefined,
  ) {}

  /** The reports to write now that `path` is done: stdin first when it comes before the input holding `path`. */
  next(path: string, report: FileReport): FileReport[] {
    const holder = this.inputs.findIndex((root) => root !== '-' && (path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)));
    const out: FileReport[] = [];
    if (this.stdin && this.inputs.indexOf('-') < holder) out.push(this.takeStdin()!);
    out.push(report);
    return out;
  }

  rest(): FileReport[] {
    return this.stdin ? [this.takeStdin()!] : [];
  }

  private takeStdin(): FileReport | undefined {
    const stdin = this.stdin;
    this.stdin = undefined;
    return stdin;
  }
}

/**
 * `configFor` per directory: the config file layers are the same for every file of a directory, and so is whether a
 * `.dockerignore` sits there; only Dockerfiles named `<name>.Dockerfile` can have their own ignore file.
 */
function cachedConfigFor(inputs: ScanInputs, layered: (path: string) => LintConfig): (path: string, languageId?: string) => LintConfig {
  const cache = new Map<string, LintConfig>();
  return (path, languageId) => {
    const key = `${dirname(path)}\0${detectDockerfile({ path, languageId }) === 'certain' ? basename(path) : ''}`;
    let config = cache.get(key);
    if (!config) {
      config = withFileFacts(layered(path), path, inputs.today, languageId);
      cache.set(key, config);
    }
    return config;
  };
}

async function scanStdin(inputs: ScanInputs, configFor: (path: string, languageId?: string) => LintConfig): Promise<FileReport> {
  const text = await inputs.readStdin();
  const name = inputs.stdinFilename;
  // Without a name, sniff: `helm template . | shipshape scan -` is the common case, so YAML unless it reads like a Dockerfile.
  const languageId = name ? undefined : sniffLanguage(text);
  const path = name ? resolve(inputs.cwd, name) : 'stdin';
  // Unnamed stdin has no place on disk, so it gets the config of the working directory and no file facts.
  const config = name ? configFor(path) : configFor(join(inputs.cwd, 'stdin'), 'yaml');
  const result = lint({ path, text, ...(languageId ? { languageId } : {}), ...(name ? { readFile: readFromDisk } : {}) }, config, inputs.rules);
  return { path: name ? displayPath(inputs.cwd, path) : path, findings: result.findings, text };
}

export function sniffLanguage(text: string): 'dockerfile' | 'yaml' {
  if (/^\s*(apiVersion|kind)\s*:/m.test(text)) return 'yaml';
  return /^\s*FROM\s+\S/im.test(text) ? 'dockerfile' : 'yaml';
}

/** `file:line:col: severity: message` per problem, as compilers print them, so terminals and CI link to the spot. */
function configProblems(configs: readonly FileConfig[], cwd: string): string {
  const shown = (path: string): string => (relative(cwd, path).startsWith('..') ? path : displayPath(cwd, path));
  const lines = configs.flatMap((c) => c.diagnostics.map((d) => `${shown(c.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message}`));
  const names = configs.map((c) => shown(c.path)).join(', ');
  return `invalid configuration in ${names}; nothing was linted\n${lines.join('\n')}`;
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || isAbsolute(rel) ? file : rel;
  return shown.split(sep).join('/');
}
