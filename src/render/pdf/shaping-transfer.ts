/**
 * Shaped words from a worker thread into the main thread's pdfkit fonts.
 *
 * pdfkit shapes each word once per font (its `layoutCache`) and both measures
 * and encodes from that result. A worker shapes every word it measures; the
 * main thread would otherwise shape them all again when it draws. So the
 * worker sends what it shaped as plain data — exactly the fields pdfkit's
 * `encode` and `layout` read of a fontkit GlyphRun, already scaled as pdfkit
 * scales them — and the main thread puts it into its own font's cache. The
 * numbers are the worker's, computed by the same code from the same file,
 * so the encoding is the one the main thread would have made.
 */
import type { Face } from './fonts.js';

/** The parts of a shaped word pdfkit reads. */
export interface ShapedRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

/** Shaped words by face key. */
export type ShapedRuns = [string, [string, ShapedRun][]][];

/** pdfkit's per-font cache of shaped words (absent when a document turns it off). */
const cacheOf = (face: Face): Record<string, ShapedRun> | undefined => (face.pdf as unknown as { layoutCache?: Record<string, ShapedRun> }).layoutCache;

/** In a worker: collects what was shaped since the last call. */
export class ShapedSince {
  private readonly sent = new Map<Face, Set<string>>();

  take(faces: Iterable<Face>): ShapedRuns {
    const out: ShapedRuns = [];
    for (const face of faces) {
      const cache = cacheOf(face);
      if (!cache) continue;
      let sent = this.sent.get(face);
      if (!sent) this.sent.set(face, (sent = new Set()));
      const fresh: [string, ShapedRun][] = [];
      for (const word in cache) {
        if (sent.has(word)) continue;
        sent.add(word);
        const run = cache[word]!;
        fresh.push([
          word,
          {
            glyphs: run.glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: g.codePoints })),
            positions: run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset, advanceWidth: p.advanceWidth })),
            advanceWidth: run.advanceWidth,
          },
        ]);
      }
      if (fresh.length > 0) out.push([face.key, fresh]);
    }
    return out;
  }
}

/** In the main thread: adds the words to the fonts' caches where they are not yet. */
export function adoptShaped(runs: ShapedRuns, faceOf: (key: string) => Face): void {
  for (const [key, words] of runs) {
    const cache = cacheOf(faceOf(key));
    if (!cache) continue;
    for (const [word, run] of words) if (!(word in cache)) cache[word] = run;
  }
}
