// Decides what a file is from its name or editor language; content decides whether YAML is Kubernetes.
export type FileKind = 'dockerfile' | 'yaml' | 'other';

export function basename(path: string): string {
  const clean = path.replace(/[?#].*$/, '');
  const i = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
  let name = i >= 0 ? clean.slice(i + 1) : clean;
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the raw name: a path with a stray % is still a path
  }
  return name;
}

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

/**
 * For a file whose name says nothing (passed explicitly to the CLI): a Dockerfile when its first instruction (after
 * comments, parser directives and blank lines) is a Dockerfile instruction; Kubernetes YAML when a top-level
 * `apiVersion:` and `kind:` appear; otherwise unknown.
 */
export function detectByContent(text: string): FileKind {
  for (const raw of text.slice(0, 64 * 1024).split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    if (INSTRUCTION.test(line)) return 'dockerfile';
    break;
  }
  return /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text) ? 'yaml' : 'other';
}

export function isYamlName(path: string): boolean {
  return /\.ya?ml$/i.test(basename(path));
}

export function detectKind(path: string, languageId?: string): FileKind {
  if (languageId === 'dockerfile' || languageId === 'containerfile') return 'dockerfile';
  if (languageId === 'yaml' || languageId === 'helm' || languageId === 'kubernetes') return 'yaml';
  if (isDockerfileName(path)) return 'dockerfile';
  if (isYamlName(path)) return 'yaml';
  return 'other';
}
