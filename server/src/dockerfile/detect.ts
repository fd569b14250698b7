// Which files are Dockerfiles: by editor language, else by name (`Dockerfile`, `Dockerfile.*`, `*.dockerfile`, `Containerfile`).
import { basename, YAML_LANGUAGES } from '../core/detect';
import type { Claim, DetectInput } from '../core/target';

export const DOCKERFILE_LANGUAGES: ReadonlySet<string> = new Set(['dockerfile', 'containerfile']);

export function isDockerfileName(path: string): boolean {
  const name = basename(path);
  const lower = name.toLowerCase();
  return (
    /^(dockerfile|containerfile)(\..+)?$/i.test(name) ||
    lower.endsWith('.dockerfile') ||
    lower.endsWith('.containerfile')
  );
}

/** The editor's language decides when it is one we know; a YAML document named `Dockerfile.yaml` is YAML. */
export function detectDockerfile({ path, languageId }: DetectInput): Claim | undefined {
  if (languageId !== undefined && DOCKERFILE_LANGUAGES.has(languageId)) return 'certain';
  if (languageId !== undefined && YAML_LANGUAGES.has(languageId)) return undefined;
  return isDockerfileName(path) ? 'certain' : undefined;
}
