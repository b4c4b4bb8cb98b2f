/**
 * A worker thread that typesets texts: hyphenation, shaping, line breaking,
 * the text's structure subtree — everything that depends on the text alone.
 * The main thread paginates and draws, in order (typeset-pool.ts).
 *
 * It measures with its own pdfkit font objects, loaded from the same files,
 * so every width is the number the main thread would compute.
 */
import { parentPort, workerData } from 'node:worker_threads';
import PDFDocument from 'pdfkit';
import type { Text } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import { hyphenateText, type HyphenateOptions } from '../../transforms/hyphenate.js';
import { textFlow, type TextPlace } from './book.js';
import type { LayoutContext } from './blocks.js';
import type { FlowItem } from './flow.js';
import { loadFonts } from './fonts.js';
import type { GlyphProblem } from './runs.js';
import { StructBuilder } from './structure.js';
import { resolveStyle } from './style.js';
import { faceKeys, type TypesetText } from './typeset-transfer.js';
import { ShapedSince } from './shaping-transfer.js';

/** Set once per worker. */
export interface WorkerSetup {
  templateDir: string;
  pdfConfig: unknown;
  tagged: boolean;
  hyphenation: HyphenateOptions;
}

/** One text to typeset. */
export interface TypesetJob {
  id: number;
  text: Text;
  place: TextPlace;
  labels: Labels;
}

export type TypesetReply = { id: number; result: TypesetText } | { id: number; error: string };

const setup = workerData as WorkerSetup;
// The main thread resolved this config already and reported its errors; here it cannot fail.
const style = resolveStyle(setup.pdfConfig, setup.templateDir);
const fonts = loadFonts(new PDFDocument({ autoFirstPage: false }) as never, style, setup.templateDir);
const shaped = new ShapedSince();

parentPort!.on('message', (job: TypesetJob) => {
  let reply: TypesetReply;
  try {
    hyphenateText(job.text, job.place.lang, setup.hyphenation);
    const tags = setup.tagged ? new StructBuilder() : undefined;
    const problems: GlyphProblem[] = [];
    const ctx: LayoutContext = {
      style,
      fonts,
      problems,
      // Texts with figures stay in the main thread (pdfkit registers an image where it is opened).
      imageSize: () => {
        throw new Error('figure in a worker thread');
      },
      outlineLevel: 0,
      ...(tags ? { tags } : {}),
    };
    const items: FlowItem[] = [];
    fonts.fallback.startLog();
    textFlow(job.text, job.place, job.labels, ctx, items);
    faceKeys(items);
    const result: TypesetText = { items, notes: job.text.notes, fallbacks: fonts.fallback.takeLog(), problems, shaped: shaped.take([...fonts.all, ...fonts.fallback.loaded]) };
    if (tags) result.sect = tags.root.children[0]!;
    reply = { id: job.id, result };
  } catch (e) {
    // The main thread typesets the text itself and reports the error with its own message.
    fonts.fallback.takeLog();
    reply = { id: job.id, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
