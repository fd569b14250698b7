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

export function isDockerfileName(path: string): boolean {
  const name = basename(path);
  const lower = name.toLowerCase();
  return (
    /^(dockerfile|containerfile)(\..+)?$/i.test(name) ||
    lower.endsWith('.dockerfile') ||
    lower.endsWith('.containerfile')
  );
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
