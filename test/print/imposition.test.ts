/** Saddle-stitch order, worked by hand for small books (pages are 1-based in the comments, 0-based in the data). */
import { describe, expect, it } from 'vitest';
import { impose, paddedToFour } from '../../src/print/imposition.js';

const numbered = (pages: number, signature?: number) =>
  impose(pages, signature).map((s) => s.sides.map((side) => `${side.left === null ? '–' : side.left + 1}|${side.right === null ? '–' : side.right + 1}`));

describe('impose', () => {
  it('8 pages: 8|1, 2|7, 6|3, 4|5', () => {
    expect(numbered(8)).toEqual([['8|1', '2|7', '6|3', '4|5']]);
  });
  it('pads 5 pages to 8 with blank halves at the end of the book', () => {
    expect(paddedToFour(5)).toBe(8);
    expect(numbered(5)).toEqual([['–|1', '2|–', '–|3', '4|5']]);
  });
  it('1 page: one sheet, page 1 on the front right, the rest blank', () => {
    expect(numbered(1)).toEqual([['–|1', '–|–']]);
  });
  it('every page appears exactly once, whatever the count', () => {
    for (let pages = 1; pages <= 40; pages++) {
      const seen = impose(pages).flatMap((s) => s.sides.flatMap((x) => [x.left, x.right])).filter((x) => x !== null);
      expect(seen.sort((a, b) => a! - b!)).toEqual([...Array(pages).keys()]);
    }
  });
  it('signatures of 8: each imposed on its own, stacked in order, the last one holding the rest', () => {
    expect(numbered(20, 8)).toEqual([
      ['8|1', '2|7', '6|3', '4|5'],
      ['16|9', '10|15', '14|11', '12|13'],
      ['20|17', '18|19'],
    ]);
    expect(numbered(18, 8)[2]).toEqual(['–|17', '18|–']);
  });
  it('rejects a signature that is not a positive multiple of 4', () => {
    expect(() => impose(8, 6)).toThrow(/multiple of 4/);
    expect(() => impose(8, 0)).toThrow(/multiple of 4/);
  });
});
