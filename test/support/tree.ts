// A temporary folder holding the given files (paths relative to it, parent folders created), for tests that walk,
// scan or watch a real tree.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempTree(prefix: string, files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) writeTreeFile(root, path, content);
  return root;
}

/** Writes one file under `root`, creating its folders. */
export function writeTreeFile(root: string, path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
