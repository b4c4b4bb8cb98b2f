/**
 * Fitting a text into a box: measured with the font (fontkit), broken into
 * lines, shrunk step by step down to a minimum size. Only at the minimum size
 * are words hyphenated (by the language's patterns) or, failing that, cut
 * between letters; whatever still does not fit is cut with "…" — the text never
 * runs out of its box.
 */
import { hyphenateWord, SOFT_HYPHEN } from '../transforms/hyphenate.js';
import type { FontkitFace } from './fonts.js';

export interface FitRequest {
  text: string;
  face: FontkitFace;
  /** Largest and smallest type size, in the box's units. */
  size: number;
  minSize: number;
  /** Line distance as a multiple of the size. */
  leading: number;
  /** Extra space between letters, in em. */
  letterSpacing: number;
  width: number;
  height: number;
  maxLines: number;
  lang: string;
}

export interface Fitted {
  lines: string[];
  size: number;
  /** Text had to be cut ("…"): the caller warns. */
  truncated: boolean;
}

/** Steps between the largest and smallest size: fine enough that a title never jumps visibly. */
const STEPS = 40;

/** Advance widths of words in font units, per face: fitting measures the same words hundreds of times. */
const widths = new WeakMap<FontkitFace, Map<string, number>>();

function unitsOf(face: FontkitFace, word: string): number {
  let cache = widths.get(face);
  if (!cache) widths.set(face, (cache = new Map()));
  let w = cache.get(word);
  if (w === undefined) cache.set(word, (w = face.layout(word).advanceWidth));
  return w;
}

/**
 * Width of `text` at `size`, letter spacing included: words measured with
 * their kerning and ligatures, plus the spaces between them (no pair kerns
 * across a space in text faces, so the sum is the shaped width).
 */
export function measure(face: FontkitFace, text: string, size: number, letterSpacing = 0): number {
  const words = text.split(' ');
  const units = words.reduce((n, w) => n + (w ? unitsOf(face, w) : 0), 0) + (words.length - 1) * unitsOf(face, ' ');
  const chars = Array.from(text).length;
  return (units / face.unitsPerEm) * size + Math.max(0, chars - 1) * letterSpacing * size;
}

/** Height of `lines` lines: ascent of the first, descent of the last, leading between. */
export function blockHeight(face: FontkitFace, lines: number, size: number, leading: number): number {
  if (lines === 0) return 0;
  return ((face.ascent - face.descent) / face.unitsPerEm) * size + (lines - 1) * leading * size;
}

/** Greedy line breaking of whole words; undefined when a word alone is wider than `width`. */
function breakWords(words: string[], fits: (s: string) => boolean): string[] | undefined {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) line = candidate;
    else {
      if (!fits(word)) return undefined;
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Balanced lines: the narrowest measure that still gives as few lines as the
 * full width does, so a title breaks into even lines rather than a full one
 * and a stub.
 */
function balanced(words: string[], width: number, widthOf: (s: string) => number): string[] | undefined {
  const full = breakWords(words, (s) => widthOf(s) <= width);
  if (!full || full.length < 2) return full;
  let lo = width / full.length;
  let hi = width;
  let best = full;
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2;
    const lines = breakWords(words, (s) => widthOf(s) <= mid);
    if (lines && lines.length === full.length) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/** A word too wide for a line, split at hyphenation points (with "-") or, where none fits, between letters. */
function splitWord(word: string, lang: string, fits: (s: string) => boolean): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (!fits(rest)) {
    const marked = hyphenateWord(rest, lang);
    const points: number[] = [];
    let pos = 0;
    for (const ch of marked) {
      if (ch === SOFT_HYPHEN) points.push(pos);
      else pos += ch.length;
    }
    let cut = points.reverse().find((p) => fits(`${rest.slice(0, p)}-`));
    let piece: string;
    if (cut !== undefined) piece = `${rest.slice(0, cut)}-`;
    else {
      // No hyphenation point is narrow enough: cut between letters, as many as fit.
      const chars = Array.from(rest);
      let n = chars.length - 1;
      while (n > 1 && !fits(chars.slice(0, n).join(''))) n--;
      cut = chars.slice(0, n).join('').length;
      piece = rest.slice(0, cut);
    }
    pieces.push(piece);
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** Fits `text` into the box: the largest size at which it fits, its lines, and whether it had to be cut. */
export function fitText(req: FitRequest): Fitted {
  const words = req.text.split(/\s+/).filter(Boolean);
  if (!words.length) return { lines: [], size: req.size, truncated: false };
  const minSize = Math.min(req.minSize, req.size);
  const fitsHeight = (lines: number, size: number) => lines <= req.maxLines && blockHeight(req.face, lines, size, req.leading) <= req.height;
  for (let i = 0; i <= STEPS; i++) {
    const size = req.size - ((req.size - minSize) * i) / STEPS;
    const lines = balanced(words, req.width, (s) => measure(req.face, s, size, req.letterSpacing));
    if (lines && fitsHeight(lines.length, size)) return { lines, size, truncated: false };
  }
  // At the smallest size: split the words that are too wide, then cut what does not fit.
  const size = minSize;
  const fits = (s: string) => measure(req.face, s, size, req.letterSpacing) <= req.width;
  const pieces = words.flatMap((w) => (fits(w) ? [w] : splitWord(w, req.lang, fits)));
  // The pieces of a split word never share a line (each is the longest that fits),
  // so joining with spaces never rejoins a word across its hyphen.
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const candidate = line ? `${line} ${piece}` : piece;
    if (line && !fits(candidate)) {
      lines.push(line);
      line = piece;
    } else line = candidate;
  }
  if (line) lines.push(line);
  let n = lines.length;
  while (n > 1 && !fitsHeight(n, size)) n--;
  if (n === lines.length) return { lines, size, truncated: false };
  const kept = lines.slice(0, n);
  let last = `${kept[n - 1]!.replace(/-$/, '')}…`;
  while (last.length > 1 && !fits(last)) last = `${Array.from(last).slice(0, -2).join('')}…`;
  kept[n - 1] = last;
  return { lines: kept, size, truncated: true };
}
