// Tag → digest answers survive editor restarts so hovers and drift checks don't spend registry pulls
// (Docker Hub rate limits) on every keystroke. Entries expire after a TTL because tags move.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CachedDigest {
  readonly digest: string;
  readonly mediaType?: string;
  /** Epoch ms of the registry answer. */
  readonly checkedAt: number;
}

interface CacheFile {
  readonly version: 1;
  readonly entries: Record<string, CachedDigest>;
}

const FILE_NAME = 'registry-digests.json';

export interface DigestCacheOptions {
  /** Directory for the JSON file; memory only when absent. */
  readonly dir?: string;
  readonly ttlMs: number;
  readonly now: () => number;
}

export class DigestCache {
  private readonly entries = new Map<string, CachedDigest>();
  private loaded: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly opts: DigestCacheOptions) {}

  async get(key: string): Promise<CachedDigest | undefined> {
    await this.load();
    const e = this.entries.get(key);
    if (!e) return undefined;
    const age = this.opts.now() - e.checkedAt;
    // A negative age means the clock moved backwards; don't trust the entry.
    if (age < 0 || age >= this.opts.ttlMs) return undefined;
    return e;
  }

  async set(key: string, value: CachedDigest): Promise<void> {
    await this.load();
    this.entries.set(key, value);
    await this.persist();
  }

  async delete(key: string): Promise<void> {
    await this.load();
    if (this.entries.delete(key)) await this.persist();
  }

  private load(): Promise<void> {
    const dir = this.opts.dir;
    if (!dir) return Promise.resolve();
    return (this.loaded ??= readFile(join(dir, FILE_NAME), 'utf8').then(
      (text) => {
        for (const [k, v] of Object.entries(parseCacheFile(text))) if (!this.entries.has(k)) this.entries.set(k, v);
      },
      () => undefined, // missing or unreadable: start empty, the cache is only an optimisation
    ));
  }

  private persist(): Promise<void> {
    const dir = this.opts.dir;
    if (!dir) return Promise.resolve();
    // Serialize writes and replace the file atomically so two quick lookups never leave half a JSON file.
    this.writing = this.writing
      .then(async () => {
        const now = this.opts.now();
        const entries: Record<string, CachedDigest> = {};
        for (const [k, v] of this.entries) if (now - v.checkedAt < this.opts.ttlMs) entries[k] = v;
        const body: CacheFile = { version: 1, entries };
        await mkdir(dir, { recursive: true });
        const tmp = join(dir, `${FILE_NAME}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
        await writeFile(tmp, JSON.stringify(body), 'utf8');
        await rename(tmp, join(dir, FILE_NAME));
      })
      .catch(() => undefined);
    return this.writing;
  }
}

function parseCacheFile(text: string): Record<string, CachedDigest> {
  const out: Record<string, CachedDigest> = {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return out;
  }
  if (v === null || typeof v !== 'object' || (v as { version?: unknown }).version !== 1) return out;
  const entries = (v as { entries?: unknown }).entries;
  if (entries === null || typeof entries !== 'object') return out;
  for (const [k, e] of Object.entries(entries as Record<string, unknown>)) {
    if (e === null || typeof e !== 'object') continue;
    const { digest, mediaType, checkedAt } = e as Record<string, unknown>;
    if (typeof digest !== 'string' || typeof checkedAt !== 'number') continue;
    out[k] = typeof mediaType === 'string' ? { digest, mediaType, checkedAt } : { digest, checkedAt };
  }
  return out;
}
