// `shipshape scan`: resolves the inputs, reads and lints each file, and returns the report.
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { lint } from '../core/engine';
import type { LintConfig } from '../core/config';
import type { RuleRegistry } from '../core/registry';
import { walkLintable } from '../scan/walk';
import type { FileReport, ScanReport } from './report';

export class InputError extends Error {}

export interface ScanInputs {
  /** Files, directories or `-` (stdin). */
  paths: string[];
  cwd: string;
  config: LintConfig;
  registry: RuleRegistry;
  readStdin(): Promise<string>;
  /** Name used to detect the file type of stdin and to report it. */
  stdinFilename?: string;
}

export async function scan(inputs: ScanInputs): Promise<ScanReport> {
  const files: FileReport[] = [];
  const seen = new Set<string>();
  for (const path of inputs.paths) {
    if (path === '-') {
      files.push(await scanStdin(inputs));
      continue;
    }
    const root = resolve(inputs.cwd, path);
    try {
      await fs.stat(root);
    } catch {
      throw new InputError(`no such file or directory: ${path}`);
    }
    // Sorted, so output does not depend on the order the walker (or a worker pool) delivers files in.
    const found: string[] = [];
    for await (const file of lintableFiles(root)) if (!seen.has(file)) found.push(file);
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const file of found) {
      seen.add(file);
      files.push(await scanFile(file, inputs));
    }
  }
  return { files };
}

/** The one call into the walker, so its ignore-file support and worker pool slot in here. */
function lintableFiles(root: string): AsyncGenerator<string> {
  return walkLintable(root);
}

async function scanFile(file: string, inputs: ScanInputs): Promise<FileReport> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = lint({ path: file, text }, inputs.config, inputs.registry);
  return { path: displayPath(inputs.cwd, file), findings: result.findings };
}

async function scanStdin(inputs: ScanInputs): Promise<FileReport> {
  const text = await inputs.readStdin();
  const name = inputs.stdinFilename;
  // Without a name, sniff: `helm template . | shipshape scan -` is the common case, so YAML unless it reads like a Dockerfile.
  const languageId = name ? undefined : sniffLanguage(text);
  const path = name ? resolve(inputs.cwd, name) : 'stdin';
  const result = lint({ path, text, ...(languageId ? { languageId } : {}) }, inputs.config, inputs.registry);
  return { path: name ? displayPath(inputs.cwd, path) : path, findings: result.findings };
}

export function sniffLanguage(text: string): 'dockerfile' | 'yaml' {
  if (/^\s*(apiVersion|kind)\s*:/m.test(text)) return 'yaml';
  return /^\s*FROM\s+\S/im.test(text) ? 'dockerfile' : 'yaml';
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || isAbsolute(rel) ? file : rel;
  return shown.split(sep).join('/');
}
