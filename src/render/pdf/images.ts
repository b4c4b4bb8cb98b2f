/**
 * Figure sizes. pdfkit parses PNG/JPEG itself; opening an image here caches
 * it in the document, so drawing it later costs nothing extra.
 */
import { fail } from '../../model/messages.js';

interface ImageHost {
  openImage(src: string): { width: number; height: number };
}

/** A check of an opened image (pdfkit's object) that returns why it cannot be used, or undefined. */
export type ImageCheck = (img: unknown) => string | undefined;

/** Pixels are taken at 96 per inch (CSS), then scaled down to the measure if needed. */
const PT_PER_PX = 0.75;

/** Returns a function giving an image's natural size in points. */
export function imageSizer(doc: unknown, check?: ImageCheck): (src: string, at: { file: string; line?: number; column?: number }) => { width: number; height: number } {
  const host = doc as ImageHost;
  const cache = new Map<string, { width: number; height: number }>();
  return (src, at) => {
    let size = cache.get(src);
    if (!size) {
      let img: { width: number; height: number };
      try {
        img = host.openImage(src);
      } catch (e) {
        fail('pdf-image', `cannot read image ${src}: ${(e as Error).message ?? e}`, at);
      }
      const problem = check?.(img);
      if (problem) fail('pdf-image', `image ${src} ${problem}`, at);
      size = { width: img.width * PT_PER_PX, height: img.height * PT_PER_PX };
      cache.set(src, size);
    }
    return size;
  };
}
