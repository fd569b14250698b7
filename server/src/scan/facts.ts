// Facts about a file's surroundings that the engine cannot look up (it does no I/O); the editor and the CLI set
// them in `config.context` before linting.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join } from 'node:path';
import type { LintConfig, LintContextFacts } from '../core/config';
import { detectDockerfile } from '../dockerfile/detect';

/** Today as YYYY-MM-DD (UTC), the date suppressions' `until=` is compared with. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Whether an ignore file applies to a Dockerfile's build: BuildKit prefers `<Dockerfile-name>.dockerignore` next to
 * the Dockerfile and otherwise reads `.dockerignore`; we assume the usual layout, where the Dockerfile's directory
 * is the build context.
 */
export function hasDockerignore(dockerfilePath: string, exists: (path: string) => boolean = existsSync): boolean {
  const dir = dirname(dockerfilePath);
  return exists(join(dir, `${basename(dockerfilePath)}.dockerignore`)) || exists(join(dir, '.dockerignore'));
}

export function fileFacts(path: string, today: string, languageId?: string, exists?: (path: string) => boolean): LintContextFacts {
  return detectDockerfile({ path, languageId }) === 'certain' ? { today, hasDockerignore: hasDockerignore(path, exists) } : { today };
}

/** `config` with the file's facts added as the top layer of `context`. */
export function withFileFacts(config: LintConfig, path: string, today: string, languageId?: string): LintConfig {
  return { ...config, context: { ...config.context, ...fileFacts(path, today, languageId) } };
}

/** Files the engine may read beside a linted one are small (a `.env`, a Dockerfile, a Compose file). */
const MAX_READ_BYTES = 1024 * 1024;

/**
 * The engine's file reader on disk (`LintInput.readFile`): a path or `file:` URI, undefined when missing, not a file,
 * too large or unreadable. Used by the scan, the CLI and (after open documents) the editor.
 */
export function readFromDisk(path: string): string | undefined {
  try {
    const file = path.startsWith('file:') ? fileURLToPath(path) : path;
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > MAX_READ_BYTES) return undefined;
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
