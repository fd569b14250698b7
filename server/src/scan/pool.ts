// A fixed pool of worker threads running the bundled engine; falls back to in-process linting that yields
// between files when no worker script is available (tests, unbundled runs).
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { LintConfig } from '../core/config';
import { failed, lintFile, type FileResult } from './lintFile';

export interface Linter {
  lint(path: string, config: LintConfig): Promise<FileResult>;
  close(): Promise<void>;
  readonly threads: number;
}

/** One message to a worker: configs it has not seen yet, then jobs as [job id, path, config id]. */
export interface WorkerRequest {
  configs: [number, LintConfig][];
  jobs: [number, string, number][];
}

/**
 * Jobs queued at each worker beyond the one it is linting: it starts the next file the moment it finishes one,
 * instead of waiting a round trip to the main thread for it. Small, so one worker's queue of large files cannot
 * leave the others idle at the end of a scan.
 */
const DEPTH = 3;

/**
 * Heap limits for scan workers. V8 grows a busy worker's heap far beyond what it keeps alive (a scan of the shared
 * corpus peaked at ~280 MB in one worker whose live data never needed 96 MB); limits make it collect sooner.
 */
export interface WorkerHeap {
  youngMb: number;
  oldMb: number;
}

/** What the language server's scan uses: its workers share the machine's memory with the editor. */
export const EDITOR_WORKER_HEAP: WorkerHeap = { youngMb: 4, oldMb: 128 };

export function createLinter(workers: number, script: string | undefined, heap?: WorkerHeap): Linter {
  if (workers > 0 && script && existsSync(script)) return new WorkerPool(workers, script, heap);
  return inProcess();
}

function inProcess(): Linter {
  return {
    threads: 0,
    async lint(path, config) {
      // Yield to the event loop first, so editor requests are served between files.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return lintFile(path, config);
    },
    async close() {},
  };
}

interface Pending {
  id: number;
  path: string;
  configId: number;
  resolve(result: FileResult): void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker and not answered yet, oldest (the one it is linting) first. */
  sent: Pending[];
  /** Config ids this worker already holds. */
  configs: Set<number>;
}

class WorkerPool implements Linter {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  /** Configs by content: hosts build a fresh object per file, but a workspace has only a handful of distinct ones. */
  private readonly configIds = new Map<string, number>();
  private readonly configs: LintConfig[] = [];
  private nextId = 0;
  private closed = false;
  /** Stops the one-off workers of files linted alone (lintAlone). */
  private readonly alone = new Set<() => void>();

  constructor(
    readonly threads: number,
    private readonly script: string,
    private readonly heap?: WorkerHeap,
  ) {
    for (let i = 0; i < threads; i++) this.spawn();
  }

  lint(path: string, config: LintConfig): Promise<FileResult> {
    if (this.closed) return Promise.reject(new Error('scan pool closed'));
    const key = JSON.stringify(config);
    let configId = this.configIds.get(key);
    if (configId === undefined) {
      configId = this.configs.length;
      this.configIds.set(key, configId);
      this.configs.push(config);
    }
    return new Promise((resolve) => {
      this.queue.push({ id: ++this.nextId, path, configId, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    // Queued files are dropped with an error result; a scan that closes early has been cancelled.
    for (const p of this.queue.splice(0)) p.resolve(failed(p.path, 'scan pool closed'));
    for (const stop of [...this.alone]) stop();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    // A terminated worker never answers: settle its files too, or a cancelled scan would wait forever.
    for (const slot of this.slots) for (const p of slot.sent.splice(0)) p.resolve(failed(p.path, 'scan pool closed'));
  }

  private spawn(): void {
    const worker = new Worker(this.script, this.heap ? { resourceLimits: { maxYoungGenerationSizeMb: this.heap.youngMb, maxOldGenerationSizeMb: this.heap.oldMb } } : {});
    worker.unref();
    const slot: Slot = { worker, sent: [], configs: new Set() };
    worker.on('message', (reply: string) => {
      const { id, result } = parseReply(reply);
      const at = slot.sent.findIndex((p) => p.id === id);
      if (at < 0) return;
      const [pending] = slot.sent.splice(at, 1);
      this.pump();
      if (!slot.sent.length) worker.unref();
      pending!.resolve(result());
    });
    worker.on('error', (err: Error & { code?: string }) => this.fail(slot, err, err.code === 'ERR_WORKER_OUT_OF_MEMORY'));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`scan worker exited with code ${code}`));
    });
    this.slots.push(slot);
  }

  /**
   * A crashed worker fails only the file it was linting; the files queued behind it go to a fresh worker. A file
   * that ran out of a heap budget is linted again in a worker of its own without one.
   */
  private fail(slot: Slot, err: Error, outOfBudget = false): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    const [current, ...rest] = slot.sent.splice(0);
    if (current && outOfBudget && this.heap && !this.closed) this.lintAlone(current);
    else if (current) current.resolve(failed(current.path, err.message));
    this.queue.unshift(...rest);
    if (!this.closed) {
      this.spawn();
      this.pump();
    }
  }

  /** One file in a one-off worker with V8's default limits, for a file too large for the pool's heap budget. */
  private lintAlone(job: Pending): void {
    // Not unref'd: the pool's other workers may all be idle while this one works, and it ends when its file does.
    const worker = new Worker(this.script);
    let settled = false;
    const settle = (result: FileResult) => {
      if (settled) return;
      settled = true;
      this.alone.delete(stop);
      job.resolve(result);
      void worker.terminate();
    };
    const stop = () => settle(failed(job.path, 'scan pool closed'));
    this.alone.add(stop);
    worker.on('message', (reply: string) => settle(parseReply(reply).result()));
    worker.on('error', (err) => settle(failed(job.path, err.message)));
    worker.on('exit', (code) => settle(failed(job.path, `scan worker exited with code ${code}`)));
    const request: WorkerRequest = { configs: [[job.configId, this.configs[job.configId]!]], jobs: [[job.id, job.path, job.configId]] };
    worker.postMessage(request);
  }

  /** Tops up every worker to DEPTH + 1 outstanding jobs, least loaded first, one message per worker. */
  private pump(): void {
    while (this.queue.length) {
      let slot: Slot | undefined;
      for (const s of this.slots) if (s.sent.length <= DEPTH && (!slot || s.sent.length < slot.sent.length)) slot = s;
      if (!slot) return;
      const request: WorkerRequest = { configs: [], jobs: [] };
      while (this.queue.length && slot.sent.length <= DEPTH) {
        const job = this.queue.shift()!;
        if (!slot.configs.has(job.configId)) {
          slot.configs.add(job.configId);
          request.configs.push([job.configId, this.configs[job.configId]!]);
        }
        request.jobs.push([job.id, job.path, job.configId]);
        slot.sent.push(job);
      }
      // Referenced while it has work: a worker dying (out of its heap budget) must be heard before the process may exit.
      slot.worker.ref();
      slot.worker.postMessage(request);
    }
  }
}

/** A worker's reply, `<job id>\n<FileResult JSON>` (worker.ts); the result is parsed only when it is wanted. */
function parseReply(reply: string): { id: number; result: () => FileResult } {
  const newline = reply.indexOf('\n');
  return { id: Number(reply.slice(0, newline)), result: () => JSON.parse(reply.slice(newline + 1)) as FileResult };
}
