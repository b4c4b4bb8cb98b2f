/**
 * Figure sizes. pdfkit parses PNG/JPEG itself; opening an image here caches
 * it in the document, so drawing it later costs nothing extra.
 */
import { fail } from '../../model/messages.js';

interface ImageHost {
  openImage(src: string): { width: number; height: number };
}

/** Pixels are taken at 96 per inch (CSS), then scaled down to the measure if needed. */
const PT_PER_PX = 0.75;

/** Returns a function giving an image's natural size in points. */
export function imageSizer(doc: unknown): (src: string, at: { file: string; line?: number; column?: number }) => { width: number; height: number } {
  const host = doc as ImageHost;
  const cache = new Map<string, { width: number; height: number }>();
  return (src, at) => {
    let size = cache.get(src);
    if (!size) {
      try {
        const img = host.openImage(src);
        size = { width: img.width * PT_PER_PX, height: img.height * PT_PER_PX };
      } catch (e) {
        fail('pdf-image', `cannot read image ${src}: ${(e as Error).message ?? e}`, at);
      }
      cache.set(src, size);
    }
    return size;
  };
}
