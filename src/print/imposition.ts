/**
 * Saddle-stitch imposition order: which two pages of the book go on each side
 * of each sheet. A signature of n pages (n a multiple of 4) is n / 4 sheets
 * folded once and nested; the outermost sheet carries the signature's first
 * two and last two pages:
 *
 *   sheet 1 front: n | 1        back: 2 | n − 1
 *   sheet 2 front: n − 2 | 3    back: 4 | n − 3    …
 *
 * The back is laid out for duplex printing flipped on the short edge: turning
 * a landscape sheet over its short edge puts the back's left half behind the
 * front's right half, so page 2 lands behind page 1.
 */

/** One side of a sheet: 0-based page indexes of the book, null for a blank half. */
export interface SheetSide {
  left: number | null;
  right: number | null;
}

/** One signature: the sides of its sheets in print order (front, back, front, back, …). */
export interface Signature {
  /** 0-based index of the signature's first page. */
  first: number;
  pages: number;
  sides: SheetSide[];
}

/** Book pages padded to a multiple of 4 (the padding is blank halves at the end). */
export const paddedToFour = (pages: number): number => Math.ceil(pages / 4) * 4;

/**
 * The imposition of a book of `pages` pages, as one signature or, with
 * `signature` (a multiple of 4), as signatures of that many pages stacked in
 * order; the last one holds the rest (blank padding included).
 */
export function impose(pages: number, signature?: number): Signature[] {
  if (signature !== undefined && (!Number.isInteger(signature) || signature <= 0 || signature % 4 !== 0)) {
    throw new RangeError(`signature must be a positive multiple of 4, not ${signature}`);
  }
  const total = paddedToFour(pages);
  const size = signature ?? total;
  const page = (i: number): number | null => (i < pages ? i : null);
  const out: Signature[] = [];
  for (let first = 0; first < total; first += size) {
    const n = Math.min(size, total - first);
    const sides: SheetSide[] = [];
    for (let k = 0; k < n / 4; k++) {
      sides.push({ left: page(first + n - 1 - 2 * k), right: page(first + 2 * k) });
      sides.push({ left: page(first + 2 * k + 1), right: page(first + n - 2 - 2 * k) });
    }
    out.push({ first, pages: n, sides });
  }
  return out;
}
