/** Checks that an image a source names exists and really is a PNG or JPEG. */
import fs from 'node:fs';
import type { Figure } from '../model/types.js';
import { recordProbe } from '../cache/probes.js';

export type ImageCheck = { ok: true; mediaType: Figure['mediaType'] } | { ok: false; reason: string };

/** Checks `file`, recording the answer for the parse cache (src/cache/probes.ts). */
export function checkImage(file: string): ImageCheck {
  const check = sniffImage(file);
  recordProbe({ kind: 'image', file, answer: JSON.stringify(check) });
  return check;
}

function sniffImage(file: string): ImageCheck {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    head = Buffer.alloc(8);
    fs.readSync(fd, head, 0, 8, 0);
    fs.closeSync(fd);
  } catch {
    return { ok: false, reason: `image not found: ${file}` };
  }
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { ok: true, mediaType: 'image/png' };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { ok: true, mediaType: 'image/jpeg' };
  return { ok: false, reason: `not a PNG or JPEG image: ${file}` };
}
