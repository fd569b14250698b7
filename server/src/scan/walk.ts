// Finds the files Shipshape lints under a set of roots. I/O lives here, never in the engine.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { detectKind } from '../core/detect';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.cache']);

export interface WalkOptions {
  /** Stop descending past this many files (guards against scanning a home directory by mistake). */
  maxFiles?: number;
  signal?: AbortSignal;
}

/** Yields Dockerfiles and YAML files under `root` (a file or a directory), depth-first, sorted per directory. */
export async function* walkLintable(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const max = options.maxFiles ?? 100_000;
  let count = 0;
  const stat = await fs.stat(root);
  if (stat.isFile()) {
    yield root;
    return;
  }
  const stack = [root];
  while (stack.length) {
    if (options.signal?.aborted) return;
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable directories are skipped, as git and ripgrep do
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) stack.push(path);
      } else if (entry.isFile() && detectKind(path) !== 'other') {
        if (++count > max) return;
        yield path;
      }
    }
  }
}
