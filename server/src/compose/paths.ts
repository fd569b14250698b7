// Path arithmetic on whatever names the host gives a file (POSIX or Windows path, or a `file:` URI), without I/O,
// so `extends.file`, `include`, `build.context` and the `.env` resolve beside the Compose file in every host.

const URI = /^[A-Za-z][A-Za-z0-9+.-]+:\/\//;

export function dirOf(path: string): string {
  const clean = path.replace(/[?#].*$/, '');
  const i = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
  return i < 0 ? '.' : i === 0 ? clean.slice(0, 1) : clean.slice(0, i);
}

/** `rel` against directory `dir`; an absolute `rel` stands alone (in the URI case, as a path on the same host). */
export function joinPath(dir: string, rel: string): string {
  if (URI.test(dir)) {
    try {
      const base = new URL(dir.endsWith('/') ? dir : `${dir}/`);
      return new URL(rel.split('\\').join('/').split('/').map(encodeURIComponent).join('/').replace(/^%7E/, '~'), base).toString();
    } catch {
      return `${dir}/${rel}`;
    }
  }
  if (rel.startsWith('/') || /^[A-Za-z]:[\\/]/.test(rel)) return normalize(rel);
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return normalize(`${dir}${sep}${rel}`);
}

function normalize(path: string): string {
  const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const parts = path.split(/[\\/]/);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join(sep) || '.';
}

/** A remote build context (Git URL or tarball) has no Dockerfile in the workspace. */
export function isRemoteContext(context: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(context) || context.endsWith('.git');
}
