// Worker-thread entry (bundled as dist/scan-worker.js): reads and lints files off the main loop.
import { parentPort } from 'node:worker_threads';
import { lintPath, type LintJob } from './lintFile';

parentPort?.on('message', (job: LintJob) => {
  void lintPath(job).then((result) => parentPort?.postMessage(result));
});
