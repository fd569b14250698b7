// Finds the files Shipshape lints under a set of roots, honouring nested .gitignore files (with negation),
// ignore patterns from .shipshape.yaml and the editor's files.exclude. I/O lives here, never in the engine.
import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { isLintableFile } from '../targets';
import { GlobSet, IgnoreRules } from './ignore';

/** Version-control and dependency directories are never linted, whatever the ignore files say. */
const ALWAYS_SKIP = new Set(['.git', '.hg', '.svn', 'node_modules']);

export interface WalkOptions {
  /** Stop after this many files (guards against scanning a home directory by mistake). */
  maxFiles?: number;
  signal?: AbortSignal;
  /** VS Code `files.exclude` globs, relative to each root. */
  exclude?: readonly string[];
  /** Ignore patterns of the config that applies to a path (from `.shipshape.yaml` `ignore`). */
  configIgnore?: (path: string) => IgnoreRules | undefined;
  /** Patterns of files to lint as Dockerfiles whatever their name (from `.shipshape.yaml` `dockerfiles`). */
  configDockerfiles?: (path: string) => IgnoreRules | undefined;
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
}

/**
 * Yields Dockerfiles and YAML files under `root` (a file or a directory) in the order of their full paths as strings,
 * so consumers can stream results in the same order a sort of every path would give.
 */
export async function* walkLintable(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const stat = await fs.stat(root);
  // A root that is not a directory was named on purpose (a file, a FIFO): the linter reports what it is.
  if (!stat.isDirectory()) {
    yield root;
    return;
  }
  const state = { count: 0, max: options.maxFiles ?? 100_000 };
  yield* walkDir(root, await parentGitignores(root, options), ignoredUnder(root, options), options, state);
}

async function* walkDir(dir: string, parentChain: readonly IgnoreRules[], ignored: Ignored, options: WalkOptions, state: { count: number; max: number }): AsyncGenerator<string> {
  if (options.signal?.aborted) return;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // unreadable directories are skipped, as git and ripgrep do
  }
  let chain = parentChain;
  if (options.gitignore !== false && entries.some((e) => e.name === '.gitignore' && e.isFile())) {
    const text = await fs.readFile(join(dir, '.gitignore'), 'utf8').catch(() => '');
    const rules = IgnoreRules.parse(dir, text);
    if (!rules.empty) chain = [...parentChain, rules];
  }
  // A directory sorts as `name/`: then entry order is the order of the full paths below (`a-b` < `a/x` < `a0`).
  const keyed = entries.map((entry) => ({ entry, key: entry.isDirectory() ? entry.name + sep : entry.name }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { entry } of keyed) {
    if (options.signal?.aborted || state.count >= state.max) return;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!ALWAYS_SKIP.has(entry.name) && !ignored(path, true, chain)) yield* walkDir(path, chain, ignored, options, state);
    } else if (entry.isFile() && lintable(path, options) && !ignored(path, false, chain)) {
      state.count++;
      yield path;
    }
  }
}

/** A Dockerfile or YAML file by name, or a file the config's `dockerfiles` patterns name. */
function lintable(path: string, options: WalkOptions): boolean {
  return isLintableFile(path) || options.configDockerfiles?.(path)?.test(path, false) === true;
}

type Ignored = (path: string, isDir: boolean, chain: readonly IgnoreRules[]) => boolean;

function ignoredUnder(root: string, options: WalkOptions): Ignored {
  const exclude = options.exclude?.length ? new GlobSet(root, options.exclude) : undefined;
  return (path, isDir, chain) => {
    if (exclude?.test(path)) return true;
    // The config that applies where the entry sits (for a directory: its parent's) decides about it.
    const fromConfig = options.configIgnore?.(path)?.test(path, isDir);
    if (fromConfig) return true;
    let verdict: boolean | undefined;
    // Deeper .gitignore files win over shallower ones, as in git.
    for (const rules of chain) verdict = rules.test(path, isDir) ?? verdict;
    return verdict === true;
  };
}

/** Whether `walkLintable(root, options)` would yield `path`, without walking the tree (for files created later). */
export async function wouldWalk(root: string, path: string, options: WalkOptions = {}): Promise<boolean> {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || !lintable(path, options)) return false;
  const parts = rel.split(sep);
  if (parts.some((p) => ALWAYS_SKIP.has(p))) return false;
  const ignored = ignoredUnder(root, options);
  let chain = await parentGitignores(root, options);
  let dir = root;
  for (const [i, part] of parts.entries()) {
    if (options.gitignore !== false) {
      const text = await fs.readFile(join(dir, '.gitignore'), 'utf8').catch(() => undefined);
      if (text !== undefined) chain = [...chain, IgnoreRules.parse(dir, text)];
    }
    const child = join(dir, part);
    if (ignored(child, i < parts.length - 1, chain)) return false;
    dir = child;
  }
  return true;
}

/** .gitignore files above a scanned folder still apply when the folder sits inside a repository. */
async function parentGitignores(root: string, options: WalkOptions): Promise<IgnoreRules[]> {
  if (options.gitignore === false) return [];
  const chain: IgnoreRules[] = [];
  let dir = root;
  for (;;) {
    const isRepoRoot = await fs.stat(join(dir, '.git')).then(() => true, () => false);
    if (dir !== root) {
      const text = await fs.readFile(join(dir, '.gitignore'), 'utf8').catch(() => undefined);
      if (text !== undefined) chain.unshift(IgnoreRules.parse(dir, text));
    }
    const parent = dirname(dir);
    if (isRepoRoot || parent === dir) return chain;
    dir = parent;
  }
}
