// Which files are Dockerfiles: by editor language, else by name (`Dockerfile`, `Dockerfile.*`, `Dockerfile-*`,
// `Dockerfile_*`, `*.dockerfile`, `Containerfile`, `*.containerfile`, any case).
import { basename, YAML_LANGUAGES } from '../core/detect';
import type { Claim, DetectInput } from '../core/target';

export const DOCKERFILE_LANGUAGES: ReadonlySet<string> = new Set(['dockerfile', 'containerfile']);

/**
 * Names that start like a Dockerfile but are something else: BuildKit's per-Dockerfile ignore file
 * (`Dockerfile.dockerignore`) and docs, scripts or data about a Dockerfile (`Dockerfile.md`, `dockerfile_test.go`).
 */
const NOT_A_DOCKERFILE = /\.(dockerignore|md|markdown|rst|txt|json|ya?ml|toml|xml|html?|sh|bash|ps1|bat|cmd|py|go|js|mjs|cjs|ts|rs|java|rb|php|lock|sum|mod|patch|diff|sig|asc|sha256)$/i;

/**
 * `Dockerfile`, `Dockerfile.dev`, `Dockerfile-windows`, `Dockerfile_arm`, `app.Dockerfile`, `Containerfile` and
 * `*.Containerfile`, in any case: the names official images and real repositories use.
 */
export function isDockerfileName(path: string): boolean {
  const name = basename(path);
  if (NOT_A_DOCKERFILE.test(name)) return false;
  return /^(dockerfile|containerfile)([-_.].*)?$/i.test(name) || /.\.(dockerfile|containerfile)$/i.test(name);
}

const INSTRUCTION = /^(from|arg|run|cmd|label|maintainer|expose|env|add|copy|entrypoint|volume|user|workdir|onbuild|stopsignal|healthcheck|shell)(\s|$)/i;

/** Whether the first instruction (after comments, parser directives and blank lines) is a Dockerfile instruction. */
export function looksLikeDockerfile(text: string): boolean {
  for (const raw of text.slice(0, 64 * 1024).split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    return INSTRUCTION.test(line);
  }
  return false;
}

/** The editor's language decides when it is one we know; a YAML document named `Dockerfile.yaml` is YAML. */
export function detectDockerfile({ path, languageId }: DetectInput): Claim | undefined {
  if (languageId !== undefined && DOCKERFILE_LANGUAGES.has(languageId)) return 'certain';
  if (languageId !== undefined && YAML_LANGUAGES.has(languageId)) return undefined;
  return isDockerfileName(path) ? 'certain' : undefined;
}
