// Facts about a file's surroundings that the engine cannot look up (it does no I/O); the editor and the CLI set
// them in `config.context` before linting.
import { existsSync } from 'node:fs';
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
