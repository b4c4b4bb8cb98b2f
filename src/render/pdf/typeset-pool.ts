/**
 * Typesets the texts of an edition in worker threads (typeset-worker.ts),
 * a small pool that takes texts in book order as threads become free. The
 * main thread then builds the book flow once, adopting each typeset text
 * where it belongs (book.ts, typeset-transfer.ts), and paginates and draws
 * in order, so the bytes are the same whatever the pool size.
 *
 * Under tsx or vitest this file is TypeScript and the worker starts from
 * typeset-worker.mjs, which registers tsx in the thread first (`execArgv:
 * ['--import', 'tsx']` does not reach a worker's entry on Node 20); compiled
 * to lib/, from the typeset-worker.js next to this file.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Block, Edition, Text } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import type { TypesetText } from './typeset-transfer.js';
import type { TypesetJob, TypesetReply, WorkerSetup } from './typeset-worker.js';

/**
 * Below this many characters of text, a book is typeset in the main thread:
 * a worker's start (loading pdfkit, fontkit, the fonts and the patterns:
 * about 0.3 s compiled, more under tsx) costs more than sharing the work
 * saves. Measured on the samples: the 1× edition (…) gains nothing, the 10×
 * (0.87 MB) does.
 */
export const MIN_PARALLEL_CHARS = 300_000;

/** Texts typeset by workers so far in this process (a test tells a worker's result from the fallback with it). */
export const poolStats = { texts: 0 };

export interface PoolOptions extends WorkerSetup {
  /** Worker threads; 0 or 1 text: none. Default: min(texts, available parallelism). */
  threads?: number;
  labelsFor: (lang: string) => Labels;
}

/** How many threads to use for an edition (0: typeset in the main thread). */
export function poolSize(edition: Edition, threads: number | undefined): number {
  const texts = edition.parts.reduce((n, p) => n + p.texts.length, 0);
  if (threads !== undefined) return Math.min(threads, texts);
  if (texts < 2 || charsOf(edition) < MIN_PARALLEL_CHARS) return 0;
  return Math.min(texts, availableParallelism());
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
  const ts = import.meta.url.endsWith('.ts');
  return new Worker(new URL(ts ? './typeset-worker.mjs' : './typeset-worker.js', import.meta.url), { workerData: setup });
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

function charsOf(edition: Edition): number {
  // The serialised model is a fair, cheap proxy for the amount of text (a few ms for a large book).
  let n = 0;
  for (const part of edition.parts) for (const text of part.texts) n += JSON.stringify(text.blocks).length;
  return n;
}
