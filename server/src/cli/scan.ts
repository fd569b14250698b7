// `shipshape scan`: resolves the inputs and their config (nearest `.shipshape.yaml`, or `--config FILE`), lints
// them on the scan worker pool, and returns the report. A config with problems stops the run, as in ESLint.
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { lint } from '../core/engine';
import type { LintConfig } from '../core/config';
import type { RuleSet } from '../core/ruleSet';
import type { FileConfig } from '../config';
import { nodeConfigFs, workspaceConfig } from '../config/node';
import { scanFiles, type FileResult } from '../scan';
import { withFileFacts } from '../scan/facts';
import type { FileReport, ScanReport } from './report';

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
}

/** Inputs of at most this many plain files are linted in process: starting worker threads would cost more. */
const IN_PROCESS_FILES = 8;

export async function scan(inputs: ScanInputs): Promise<ScanReport> {
  const explicit = inputs.configFile ? resolve(inputs.cwd, inputs.configFile) : undefined;
  if (explicit && nodeConfigFs.readFile(explicit) === undefined) throw new ConfigError(`cannot read config file ${inputs.configFile}`);
  const config = workspaceConfig(inputs.rules.metas(), [], {}, inputs.overrides ?? {}, explicit);
  const broken = new Map<string, FileConfig>();
  const abort = new AbortController();
  const configFor = (path: string, languageId?: string): LintConfig => {
    const file = config.resolver.forFile(path);
    if (file?.diagnostics.length && !broken.has(file.path)) {
      broken.set(file.path, file);
      abort.abort();
    }
    return withFileFacts(config.configFor(path), path, inputs.today, languageId);
  };
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
  const results = new Map<string, FileResult>();
  if (roots.length && !abort.signal.aborted) {
    const summary = await scanFiles(roots, {
      configFor: (path) => configFor(path),
      configIgnore: config.configIgnore,
      configDockerfiles: config.configDockerfiles,
      signal: abort.signal,
      // A directory is a workspace: cross-file rules apply. Lists of files (pre-commit hooks pass the changed ones)
      // are not, since the NetworkPolicy covering a workload may sit in a file that was not passed.
      workspaceRules: !allFiles,
      ...(allFiles && roots.length <= IN_PROCESS_FILES ? { workers: 0 } : {}),
      ...(inputs.workerScript ? { workerScript: inputs.workerScript } : {}),
    });
    for (const result of summary.files) results.set(result.path, result);
  }
  let stdin: FileReport | undefined;
  if (inputs.paths.includes('-') && !abort.signal.aborted) stdin = await scanStdin(inputs, configFor);
  if (broken.size) throw new ConfigError(configProblems([...broken.values()], inputs.cwd));

  // Inputs keep their command-line order; files within each are sorted, so the output does not depend on the order
  // the walker or the worker pool delivered them in.
  const files: FileReport[] = [];
  const seen = new Set<string>();
  for (const path of inputs.paths) {
    if (path === '-') {
      if (stdin) files.push(stdin);
      continue;
    }
    const root = resolve(inputs.cwd, path);
    const under = [...results.keys()].filter((file) => !seen.has(file) && (file === root || file.startsWith(root.endsWith(sep) ? root : root + sep))).sort();
    for (const file of under) {
      seen.add(file);
      const result = results.get(file)!;
      files.push({ path: displayPath(inputs.cwd, file), findings: result.findings });
    }
  }
  return { files };
}

async function scanStdin(inputs: ScanInputs, configFor: (path: string, languageId?: string) => LintConfig): Promise<FileReport> {
  const text = await inputs.readStdin();
  const name = inputs.stdinFilename;
  // Without a name, sniff: `helm template . | shipshape scan -` is the common case, so YAML unless it reads like a Dockerfile.
  const languageId = name ? undefined : sniffLanguage(text);
  const path = name ? resolve(inputs.cwd, name) : 'stdin';
  // Unnamed stdin has no place on disk, so it gets the config of the working directory and no file facts.
  const config = name ? configFor(path) : configFor(join(inputs.cwd, 'stdin'), 'yaml');
  const result = lint({ path, text, ...(languageId ? { languageId } : {}) }, config, inputs.rules);
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
