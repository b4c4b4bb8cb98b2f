/**
 * Running heads and page numbers. Left (even) pages carry the book title,
 * right (odd) pages the current text's title; the number sits in the outer
 * corner (or centred), at the head or the foot as the template says.
 * Pages of style 'plain' (half-title, title, imprint, openings, blank pages)
 * get neither.
 */
import type { Face, FontSet } from './fonts.js';
import type { Page } from './paginate.js';
import { mm, type Style } from './style.js';
import type { TextWriter } from './textwriter.js';

/** Shortens a string with an ellipsis until it fits `max` points. */
export function fitWidth(s: string, width: (t: string) => number, max: number): string {
  if (width(s) <= max) return s;
  const words = s.split(' ');
  while (words.length > 1) {
    words.pop();
    const t = `${words.join(' ').replace(/[\s,.:;–—-]+$/, '')} …`;
    if (width(t) <= max) return t;
  }
  return '…';
}

/**
 * A head is drawn as one string, so its no-break spaces are glyphs here (in
 * the text they are glue): a face without them gets a thin or a word space.
 */
function withSpaces(s: string, face: Face): string {
  return s.replace(/[\u00A0\u202F]/g, (ch) => (face.has(ch.codePointAt(0)!) ? ch : ch === '\u202F' && face.has(0x2009) ? '\u2009' : ' '));
}

/** Draws the running head and the page number of a body page. */
export function drawRunningHead(writer: TextWriter, style: Style, fonts: FontSet, page: Page, head: string): void {
  const g = style.geometry;
  const c = style.config;
  const odd = page.number % 2 === 1;
  const left = odd ? g.inner : g.outer;
  const right = left + g.measure;
  const rh = c.runningHead;
  const headFace = fonts.face(rh.family, rh.style);
  const headY = g.top - mm(rh.offset);

  const folio = String(page.number);
  const f = c.folio;
  const folioFace = fonts.face(f.family, f.style);
  const folioW = folioFace.width(folio) * f.size;
  const folioY = f.position === 'head' ? headY : g.top + g.blockHeight + mm(f.offset);
  let folioX: number;
  if (f.align === 'center') folioX = left + (g.measure - folioW) / 2;
  else folioX = odd ? right - folioW : left;
  writer.text(folioFace, f.size, folioX, folioY, folio);

  // The head is centred; with the number in the head it keeps clear of it on both sides.
  const reserve = f.position === 'head' ? 2 * (folioW + rh.size * 2) : 0;
  const text = fitWidth(withSpaces(head, headFace), (t) => headFace.width(t) * rh.size, g.measure - reserve);
  const w = headFace.width(text) * rh.size;
  writer.text(headFace, rh.size, left + (g.measure - w) / 2, headY, text);
}
