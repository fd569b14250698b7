// A fixed pool of worker threads running the bundled engine; falls back to in-process linting that yields
// between files when no worker script is available (tests, unbundled runs).
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { lintPath, skippedResult, type LintJob, type LintReply } from './lintFile';

export interface Linter {
  lint(job: Omit<LintJob, 'id'>): Promise<LintReply>;
  close(): Promise<void>;
  readonly threads: number;
}

export function createLinter(workers: number, script: string | undefined): Linter {
  if (workers > 0 && script && existsSync(script)) return new WorkerPool(workers, script);
  return inProcess();
}

function inProcess(): Linter {
  let id = 0;
  return {
    threads: 0,
    async lint(job) {
      // Yield to the event loop first, so editor requests are served between files.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return lintPath({ ...job, id: ++id });
    },
    async close() {},
  };
}

interface Pending {
  job: LintJob;
  resolve(reply: LintReply): void;
  reject(err: Error): void;
}

class WorkerPool implements Linter {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;
  private closed = false;

  constructor(
    readonly threads: number,
    private readonly script: string,
  ) {
    for (let i = 0; i < threads; i++) this.spawn();
  }

  lint(job: Omit<LintJob, 'id'>): Promise<LintReply> {
    if (this.closed) return Promise.reject(new Error('scan pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: ++this.nextId }, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('scan pool closed'));
    await Promise.all(this.all.map((w) => w.terminate()));
    // A terminated worker never answers: settle its file too, or a cancelled scan would wait forever.
    for (const p of this.running.values()) p.reject(new Error('scan pool closed'));
    this.running.clear();
  }

  private spawn(): void {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (reply: LintReply) => {
      const pending = this.running.get(worker);
      this.running.delete(worker);
      pending?.resolve(reply);
      this.idle.push(worker);
      this.pump();
    });
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(worker, new Error(`scan worker exited with code ${code}`));
    });
    this.all.push(worker);
    this.idle.push(worker);
  }

  /** A crashed worker fails only its current file; a fresh worker takes its place. */
  private fail(worker: Worker, err: Error): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    const i = this.all.indexOf(worker);
    if (i >= 0) this.all.splice(i, 1);
    const j = this.idle.indexOf(worker);
    if (j >= 0) this.idle.splice(j, 1);
    if (pending) pending.resolve(skippedResult(pending.job, `the scan worker failed on it (${err.message})`));
    if (!this.closed) {
      this.spawn();
      this.pump();
    }
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }
}
