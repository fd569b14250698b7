// Classifies ADD sources: remote URL, git repository, local archive (auto-extracted) or plain local file.
export type AddSourceKind = 'url' | 'git' | 'archive' | 'local' | 'heredoc' | 'dynamic';

// ADD extracts a local tar archive, plain or compressed with gzip, bzip2, xz (or zstd with BuildKit), whatever its
// name; the extension is the only hint we have. The list is hadolint's (DL3020) plus zstd.
const ARCHIVE = /\.(tar|gz|bz2|xz|zst|lz|lzma|Z|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|tzst)$/i;

export function addSourceKind(value: string): AddSourceKind {
  if (value.startsWith('<<')) return 'heredoc';
  if (/^git@|^ssh:\/\/|^git:\/\/|\.git(#.*)?$|\.git\?/.test(value) || /^https?:\/\/[^#]+#[^#]*$/.test(value) && /github\.com|gitlab\.com|bitbucket\.org/.test(value)) return 'git';
  if (/^https?:\/\//i.test(value)) return 'url';
  if (value.includes('$')) return 'dynamic';
  if (ARCHIVE.test(value)) return 'archive';
  return 'local';
}

/** A git source pinned to a full commit (`#<40 hex>` or `?ref=<40 hex>`/`?checksum=`). */
export function gitPinned(value: string): boolean {
  return /[#?&](ref=)?[0-9a-f]{40}([:&]|$)/i.test(value) || /[?&]checksum=/.test(value);
}
