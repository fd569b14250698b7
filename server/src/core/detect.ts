// File-name helpers shared by targets and hosts; which target a file belongs to is each target's `detect`.
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

export function isYamlName(path: string): boolean {
  return /\.ya?ml$/i.test(basename(path));
}

/** Editor languages whose documents are YAML (the Helm and Kubernetes extensions contribute their own ids). */
export const YAML_LANGUAGES: ReadonlySet<string> = new Set(['yaml', 'helm', 'kubernetes']);
