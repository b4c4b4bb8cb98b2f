/**
 * Typesets the texts of an edition in worker threads (typeset-worker.ts),
 * a small pool that takes texts in book order as threads become free. The
 * main thread then builds the book flow once, adopting each typeset text
 * where it belongs (book.ts, typeset-transfer.ts), and paginates and draws
 * in order, so the bytes are the same whatever the pool size.
 *
 * Under tsx or vitest this file is TypeScript and the worker starts from
 * typeset-worker-tsx.mjs, which registers tsx in the thread first (`execArgv:
 * ['--import', 'tsx']` does not reach a worker's entry on Node 20); compiled,
 * from lib/render/pdf/typeset-worker.js, an entry of the bundle (workerScript()).
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../../util/package-root.js';
import type { Block, Edition, Text } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import type { TypesetText } from './typeset-transfer.js';
import type { TypesetJob, TypesetReply, WorkerSetup } from './typeset-worker.js';

/**
 * Threads are opt-in (`threads`, EDITION_PDF_THREADS). Measured 2026-12-02 on
 * this project's machine kind (2 cores shared by several processes), whole
 * commands, x10 corpus (429 pages): in the main thread 6.9 s CPU compiled,
 * 8.3–8.9 s under tsx; with 2 workers 11.9 s and 14.4–14.9 s, and no shorter
 * wall time, at every size tried (the 47-page sample: 4.8 s → 8.8–10.1 s).
 * Each worker pays its own start (modules, fonts, patterns, and tsx under
 * TypeScript), its own JIT warm-up and the structured clone of its lines;
 * with two cores that are already busy there is no idle core to win it back.
 */
/** Texts typeset by workers so far in this process (a test tells a worker's result from the fallback with it). */
export const poolStats = { texts: 0 };

export interface PoolOptions extends WorkerSetup {
  /** Worker threads (at most one per text); 0: none. */
  threads?: number;
  labelsFor: (lang: string) => Labels;
}

/** How many threads to use for an edition (0: typeset in the main thread); `threads` undefined: none (see above). */
export function poolSize(edition: Edition, threads: number | undefined): number {
  const texts = edition.parts.reduce((n, p) => n + p.texts.length, 0);
  return Math.max(0, Math.min(threads ?? 0, texts));
}

/** Typesets the texts without figures in `threads` workers; keyed by part and text index. */
export async function typesetInWorkers(edition: Edition, threads: number, o: PoolOptions): Promise<Map<string, TypesetText>> {
  const jobs: (TypesetJob & { key: string })[] = [];
  edition.parts.forEach((part, p) =>
    part.texts.forEach((text, t) => {
      if (hasFigure(text)) return;
      const place = { lang: edition.meta.lang, notes: edition.meta.notes, textLevel: part.title ? 1 : 0 };
      jobs.push({ id: jobs.length, key: `${p}/${t}`, text, place, labels: o.labelsFor(text.meta.lang) });
    }),
  );
  const results = new Map<string, TypesetText>();
  if (jobs.length === 0 || threads < 1) return results;
  const setup: WorkerSetup = { templateDir: o.templateDir, pdfConfig: o.pdfConfig, tagged: o.tagged, hyphenation: o.hyphenation };
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => startWorker(setup));
  try {
    let next = 0;
    await Promise.all(
      workers.map(async (w) => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          const { key, ...message } = job;
          let reply: TypesetReply;
          try {
            reply = await ask(w, message);
          } catch {
            // A worker that cannot start or dies (no tsx under a TypeScript run, out of memory) leaves
            // its texts to the others and, at worst, to the main thread: slower, never different.
            return;
          }
          // A text that failed in the worker is typeset in the main thread, which reports the error.
          if ('result' in reply) {
            results.set(key, reply.result);
            poolStats.texts++;
          }
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

function startWorker(setup: WorkerSetup): Worker {
  return new Worker(workerScript('render/pdf/typeset-worker'), { workerData: setup });
}

/** Sends one job and waits for its reply (a worker works on one text at a time). */
function ask(w: Worker, job: TypesetJob): Promise<TypesetReply> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => {
      w.off('message', onMessage);
      reject(e);
    };
    const onMessage = (reply: TypesetReply): void => {
      w.off('error', onError);
      resolve(reply);
    };
    w.once('message', onMessage);
    w.once('error', onError);
    w.postMessage(job);
  });
}

function hasFigure(text: Text): boolean {
  const inBlocks = (blocks: Block[]): boolean =>
    blocks.some((b) => b.type === 'figure' || (b.type === 'blockquote' && inBlocks(b.children)) || (b.type === 'list' && b.items.some(inBlocks)));
  return inBlocks(text.blocks) || text.notes.some((n) => inBlocks(n.blocks));
}
