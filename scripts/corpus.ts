// Shared by the benchmark and the corpus sweeps: every file under a folder, in a stable order.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function walkFiles(dir: string, keep: (name: string) => boolean = () => true, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walkFiles(p, keep, out);
    else if (keep(name)) out.push(p);
  }
  return out;
}
