/** The services' formulas (sources in src/print/profiles.ts), worked by hand for round page counts. */
import { describe, expect, it } from 'vitest';
import { coverSize, minMargins, paddedPageCount, printProfile, spineWidth, PrintProfileError, PT_PER_IN, PT_PER_MM } from '../../src/print/profiles.js';

describe('spine width', () => {
  it('KDP: pages × 0.002252 in on white, × 0.0025 in on cream', () => {
    expect(spineWidth({ profile: 'kdp' }, 200)).toBeCloseTo(0.4504 * 72, 6);
    expect(spineWidth({ profile: 'kdp', paper: 'cream' }, 200)).toBeCloseTo(0.5 * 72, 6);
  });
  it('Lulu: pages / 17.48 + 1.524 mm', () => {
    expect(spineWidth({ profile: 'lulu' }, 174.8)).toBeCloseTo((10 + 1.524) * PT_PER_MM, 6);
  });
  it('IngramSpark: pages / 444 in (white) or / 400 in (cream), + 0.025 in', () => {
    expect(spineWidth({ profile: 'ingram' }, 444)).toBeCloseTo(1.025 * PT_PER_IN, 6);
    expect(spineWidth({ profile: 'ingram', paper: 'cream' }, 400)).toBeCloseTo(1.025 * PT_PER_IN, 6);
  });
  it('BoD needs the paper thickness; given, it is pages × thickness', () => {
    expect(() => spineWidth({ profile: 'bod' }, 100)).toThrow(PrintProfileError);
    expect(spineWidth({ profile: 'bod', paperThickness: 0.06 }, 100)).toBeCloseTo(6 * PT_PER_MM, 6);
  });
  it('copy shop: 0.05 mm a page unless told', () => {
    expect(spineWidth({ profile: 'copyshop' }, 100)).toBeCloseTo(5 * PT_PER_MM, 6);
  });
});

describe('profiles', () => {
  it('bleeds: 0.125 in for KDP, Lulu, IngramSpark; 5 mm BoD; 3 mm copy shop', () => {
    expect(printProfile('kdp').bleed).toBeCloseTo(9, 6);
    expect(printProfile('lulu').bleed).toBeCloseTo(9, 6);
    expect(printProfile('ingram').bleed).toBeCloseTo(9, 6);
    expect(printProfile('bod').bleed).toBeCloseTo(5 * PT_PER_MM, 6);
    expect(printProfile('copyshop').bleed).toBeCloseTo(3 * PT_PER_MM, 6);
  });
  it('KDP: no bookmarks, no annotations; crop marks only for the copy shop', () => {
    expect(printProfile('kdp').bookmarks).toBe(false);
    expect(printProfile('kdp').annotations).toBe(false);
    expect(printProfile('kdp').cropMarks).toBe(false);
    expect(printProfile('copyshop').cropMarks).toBe(true);
  });
  it('KDP gutter grows with the page count', () => {
    expect(minMargins('kdp', 100).inner).toBeCloseTo(0.375 * 72, 6);
    expect(minMargins('kdp', 151).inner).toBeCloseTo(0.5 * 72, 6);
    expect(minMargins('kdp', 400).inner).toBeCloseTo(0.625 * 72, 6);
    expect(minMargins('kdp', 828).inner).toBeCloseTo(0.875 * 72, 6);
  });
  it('pads to an even count and the minimum', () => {
    expect(paddedPageCount(printProfile('kdp'), 47)).toBe(48);
    expect(paddedPageCount(printProfile('kdp'), 10)).toBe(24);
    expect(paddedPageCount(printProfile('copyshop'), 3)).toBe(4);
  });
  it('cover: 2 × trim + spine + 2 × bleed wide, trim + 2 × bleed high', () => {
    const trim = { width: 148 * PT_PER_MM, height: 210 * PT_PER_MM };
    const c = coverSize({ profile: 'kdp', paper: 'white' }, trim, 48);
    expect(c.width).toBeCloseTo(2 * trim.width + 48 * 0.002252 * 72 + 18, 6);
    expect(c.height).toBeCloseTo(trim.height + 18, 6);
  });
});
