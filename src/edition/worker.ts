/**
 * A build worker: receives the library once, then builds one edition per
 * job, exactly as the serial loop of many.ts would, and reports what the
 * serial build's callbacks would have seen (parallel.ts replays them in order).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, Reporter } from '../model/messages.js';
import { FileCache } from '../cache/store.js';
import { buildEdition } from './build.js';
import type { BuildEvent, WorkerJob, WorkerOutcome, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
// Warnings of an unwritable cache are the main thread's to print (it opened the same folder first).
const cache = setup.cacheRoot === undefined ? undefined : new FileCache(setup.cacheRoot);

parentPort!.on('message', (job: WorkerJob) => {
  void build(job).then((outcome) => parentPort!.postMessage(outcome));
});

async function build({ index, request }: WorkerJob): Promise<WorkerOutcome> {
  const events: BuildEvent[] = [];
  const own = new Reporter();
  try {
    const result = await buildEdition(request, {
      ...setup.options, library: setup.library, reporter: own, ...(cache ? { cache } : {}),
      onStart: (edition, format, info) => events.push({ kind: 'start', edition, format, info }),
      onFile: (file) => events.push({ kind: 'file', file }),
    });
    return { index, events, result, warnings: own.warnings };
  } catch (e) {
    if (e instanceof InputError) return { index, events, messages: e.messages, warnings: own.warnings };
    const err = e instanceof Error ? e : new Error(String(e));
    return { index, events, error: { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) }, warnings: own.warnings };
  }
}
