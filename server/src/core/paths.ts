// Comparing and showing the paths hosts give files (POSIX or Windows paths, `file:` URIs of open documents),
// without I/O, so workspace findings name other files the same way in every host.

/** One spelling per file: a `file:` URI (an open document) and the path a scan walked name the same file. */
export function pathKey(path: string): string {
  let p = path;
  if (/^file:\/\//i.test(p)) {
    try {
      p = decodeURIComponent(new URL(p).pathname).replace(/^\/([A-Za-z]:)/, '$1');
    } catch {
      return path;
    }
  }
  return p.replace(/\\/g, '/').replace(/^([A-Za-z]):/, (_m, d: string) => `${d.toLowerCase()}:`);
}

/** Where a path starts: `/`, a drive (`c:`), or nothing (relative). */
function rootOf(key: string): string {
  return key.startsWith('/') ? '/' : (/^[a-z]:/.exec(key)?.[0] ?? '');
}

/**
 * `to` as seen from the directory of the file `from` (`compose.yaml`, `../deploy/web.yaml`), with `/`; `to` as
 * given when they share no root (another drive, a relative and an absolute path).
 */
export function relativePath(from: string | undefined, to: string): string {
  if (from === undefined) return to;
  const fromKey = pathKey(from);
  const toKey = pathKey(to);
  if (rootOf(fromKey) !== rootOf(toKey)) return to;
  const a = fromKey.split('/').slice(0, -1);
  const b = toKey.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
