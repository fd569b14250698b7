// Finds the config that applies to a file, upward from its directory as ESLint and hadolint do, stopping at a
// repository root (a directory holding `.git`), the workspace folder or the filesystem root. All I/O is injected.
import { dirname, join, resolve } from 'node:path';
import type { RuleMeta } from '../core/types';
import { CONFIG_FILE_NAMES, parseConfig, type FileConfig } from './load';

export interface ConfigFs {
  /** File text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
}

export class ConfigResolver {
  /** Per directory: the config file that applies there (null: none). */
  private readonly byDir = new Map<string, FileConfig | null>();

  constructor(
    private readonly fs: ConfigFs,
    private readonly metas: readonly RuleMeta[],
    /** Directories the search never goes above (workspace folders). */
    private readonly stopAt: readonly string[] = [],
    /** `--config FILE`: used for every file instead of searching. */
    private readonly explicit?: string,
  ) {}

  /** The config for a file, or undefined when none applies. */
  forFile(path: string): FileConfig | undefined {
    if (this.explicit) return this.load(resolve(this.explicit)) ?? undefined;
    return this.forDir(dirname(resolve(path))) ?? undefined;
  }

  /** Drops cached results, e.g. after a config file changed on disk. */
  clear(): void {
    this.byDir.clear();
    this.files.clear();
  }

  private forDir(dir: string): FileConfig | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: FileConfig | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (this.fs.exists(candidate)) {
        found = this.load(candidate);
        if (found) break;
      }
    }
    if (!found) {
      const parent = dirname(dir);
      const stop = parent === dir || this.fs.exists(join(dir, '.git')) || this.stopAt.some((s) => resolve(s) === dir);
      found = stop ? null : this.forDir(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }

  private readonly files = new Map<string, FileConfig | null>();

  private load(path: string): FileConfig | null {
    let config = this.files.get(path);
    if (config === undefined) {
      const text = this.fs.readFile(path);
      config = text === undefined ? null : parseConfig(path, text, this.metas);
      this.files.set(path, config);
    }
    return config;
  }
}

export { CONFIG_FILE_NAMES };
