/**
 * A manifest's own cover image (`cover: covers/x.jpg`): read, and checked
 * against what the shops accept. A missing or unreadable file, or one that is
 * neither PNG nor JPEG, is an error at the `cover:` line; a size or shape a
 * shop would reject is a warning there (the EPUB itself stays valid).
 *
 * Sources (the shops' help pages as of 2026; no internet on this machine, so
 * check them before a release):
 *  - Amazon KDP, "eBook cover image guidelines" (kdp.amazon.com/help/topic/
 *    G6GTK3T3NUHKLEFX): ideal 1600 × 2560 px (width × height), ratio
 *    1.6 : 1, at least 625 × 1000 px, at most 10 000 px on a side.
 *  - Apple Books, "Apple Books Asset Guide" (cover art): at least 1400 px wide.
 *  - EPUB 3 core media types: JPEG and PNG are safe everywhere (GIF, SVG and
 *    WebP are not accepted by every shop's conversion).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fail, type Reporter } from '../model/messages.js';

export interface ImageInfo {
  mediaType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

/** KDP's and Apple's limits, named so the warnings and the README say the same. */
export const SHOP_LIMITS = { minWidth: 625, minHeight: 1000, appleMinWidth: 1400, maxSide: 10_000, ratio: 1.6, ratioMin: 1.5, ratioMax: 1.7 } as const;

/** Format and pixel size from the file's own bytes (PNG IHDR, JPEG SOFn); undefined for anything else. */
export function imageInfo(bytes: Buffer): ImageInfo | undefined {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { mediaType: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the segments to the first start-of-frame (SOF0–SOF15 but DHT C4, JPG C8, DAC CC): it holds height and width.
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      const length = bytes.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mediaType: 'image/jpeg', height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}

/** What a shop would object to in an image of this size (empty: nothing). */
export function shopProblems(info: ImageInfo): string[] {
  const { width, height } = info;
  const L = SHOP_LIMITS;
  const problems: string[] = [];
  if (width < L.minWidth || height < L.minHeight) problems.push(`${width} × ${height} px is below KDP's minimum of ${L.minWidth} × ${L.minHeight}`);
  else if (width < L.appleMinWidth) problems.push(`${width} px wide is below Apple Books' minimum of ${L.appleMinWidth}`);
  if (Math.max(width, height) > L.maxSide) problems.push(`${width} × ${height} px exceeds KDP's maximum of ${L.maxSide} px a side`);
  const ratio = height / width;
  if (ratio < L.ratioMin || ratio > L.ratioMax) problems.push(`height : width is ${ratio.toFixed(2)}, KDP asks for ${L.ratio} (e.g. 1600 × 2560)`);
  return problems;
}

/** Reads and checks the manifest's `cover:` (relative to the manifest file); `at` is the `cover:` key. */
export function ownCover(spec: string, at: { file: string; line?: number; column?: number }, reporter: Reporter): { file: string; mediaType: ImageInfo['mediaType'] } {
  const base = at.file.startsWith('<') ? process.cwd() : path.dirname(path.resolve(at.file));
  const file = path.resolve(base, spec);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return fail('cover-image', `cover image ${spec} cannot be read (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message})`, at);
  }
  const info = imageInfo(bytes);
  if (!info) return fail('cover-image', `cover image ${spec} is neither a PNG nor a JPEG (by its first bytes)`, at);
  const problems = shopProblems(info);
  if (problems.length) reporter.warn('cover-image-size', `cover image ${spec}: ${problems.join('; ')}; shops may reject it`, at);
  return { file, mediaType: info.mediaType };
}
