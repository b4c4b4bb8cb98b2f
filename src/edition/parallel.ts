/**
 * Editions built in worker threads (`edition build --jobs N`). The library is
 * parsed once, here in the main thread, and handed to each worker as a
 * structured clone (measured against workers reading the warm parse cache:
 * the clone is cheaper and needs no cache). Workers take the next edition as
 * soon as they are free; outcomes are delivered in request order, so what is
 * printed is what a serial build prints.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../util/package-root.js';
import type { BuildEvent, WorkerJob, WorkerOutcome, WorkerSetup } from './worker-protocol.js';
import type { EditionRequest } from './build.js';

/** The worker script: lib/edition/worker.js when compiled, through tsx when running the sources. */
function workerEntry(): URL {
  return workerScript('edition/worker');
}

/** Whether a request can cross to a worker (a `locate` function cannot). */
export function transferable(request: EditionRequest): boolean {
  return typeof request.locate !== 'function';
}

/**
 * Builds `requests` in `jobs` workers; calls `deliver` once per request, in
 * request order, as soon as it and every earlier one are done.
 */
export async function buildInWorkers(requests: EditionRequest[], setup: WorkerSetup, jobs: number, deliver: (outcome: WorkerOutcome) => void): Promise<void> {
  const done = new Map<number, WorkerOutcome>();
  let next = 0;
  let delivered = 0;
  const flush = () => {
    while (done.has(delivered)) {
      const outcome = done.get(delivered)!;
      done.delete(delivered);
      delivered++;
      deliver(outcome);
    }
  };
  const run = (worker: Worker) =>
    new Promise<void>((resolve) => {
      let current: WorkerJob | undefined;
      const give = () => {
        if (next >= requests.length) {
          current = undefined;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = { index: next, request: requests[next++]! };
        worker.postMessage(current);
      };
      worker.on('message', (outcome: WorkerOutcome) => {
        done.set(outcome.index, outcome);
        flush();
        give();
      });
      // A worker that dies (out of memory, a crash in native code) fails its edition, not the run.
      const died = (error: Error) => {
        if (current) {
          done.set(current.index, { index: current.index, events: [], warnings: [], error: { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) } });
          current = undefined;
          flush();
        }
        resolve();
      };
      worker.on('error', died);
      worker.on('exit', (code) => {
        if (current) died(new Error(`build worker exited with code ${code}`));
        else resolve();
      });
      give();
    });
  const workers = Array.from({ length: Math.min(jobs, requests.length) }, () => new Worker(workerEntry(), { workerData: setup }));
  await Promise.all(workers.map(run));
  // Requests a dead worker never took are built by the survivors; if none survived, they fail here.
  for (; next < requests.length; next++) done.set(next, { index: next, events: [], warnings: [], error: { name: 'Error', message: 'no build worker left' } });
  flush();
}

export type { BuildEvent, WorkerOutcome };
