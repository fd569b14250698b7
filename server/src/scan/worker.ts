// Worker-thread entry (bundled as dist/scan-worker.js): lints the files the pool sends, in order, off the main loop.
// Configs arrive once each and jobs name them by id; each result goes back as one JSON string, which crosses the
// thread boundary as a flat copy and is cheaper to read on the main thread than a structured clone of the findings.
import { parentPort } from 'node:worker_threads';
import type { LintConfig } from '../core/config';
import { lintFile } from './lintFile';
import type { WorkerRequest } from './pool';

const configs = new Map<number, LintConfig>();

parentPort?.on('message', (request: WorkerRequest) => {
  for (const [id, config] of request.configs) configs.set(id, config);
  for (const [id, path, configId] of request.jobs) {
    const result = lintFile(path, configs.get(configId) ?? {});
    parentPort?.postMessage(`${id}\n${JSON.stringify(result)}`);
  }
});
