/** A template's margins against the services' minimums (src/print/profiles.ts). */
import { describe, expect, it } from 'vitest';
import { liveAreaViolation, marginViolations } from '../../src/print/margins.js';
import { PT_PER_MM } from '../../src/print/profiles.js';

const mm = (top: number, bottom: number, inner: number, outer: number) => ({ top: top * PT_PER_MM, bottom: bottom * PT_PER_MM, inner: inner * PT_PER_MM, outer: outer * PT_PER_MM });

describe('marginViolations', () => {
  it('the buch template (20/22/20/15 mm) passes every service', () => {
    for (const profile of ['kdp', 'lulu', 'ingram', 'bod', 'copyshop'] as const) expect(marginViolations(profile, 200, mm(20, 22, 20, 15))).toEqual([]);
  });
  it('KDP: the gutter grows with the page count (0.375 in to 150 pages, 0.625 in to 500)', () => {
    expect(marginViolations('kdp', 150, mm(20, 22, 12, 15))).toEqual([]);
    const [v] = marginViolations('kdp', 400, mm(20, 22, 12, 15));
    expect(v?.side).toBe('inner');
    expect(v?.reason).toBe('margins.inner is 12 mm; Amazon KDP asks for at least 15.9 mm (0.625 in) for 400 pages');
  });
  it('names each narrow side once; a margin exactly at the minimum passes', () => {
    expect(marginViolations('bod', 100, mm(9, 10, 10, 8)).map((v) => v.side)).toEqual(['top', 'outer']);
    expect(marginViolations('lulu', 100, mm(12.7, 12.7, 12.7, 12.7))).toEqual([]);
  });
});

describe('liveAreaViolation', () => {
  it('a running head or page number nearer the edge than the minimum is named with its distance', () => {
    expect(liveAreaViolation('kdp', 100, 'top', 'the running head', 4 * PT_PER_MM)).toBe('the running head is 4 mm from the top edge; Amazon KDP asks for at least 9.5 mm (0.375 in)');
    expect(liveAreaViolation('kdp', 100, 'bottom', 'the page number', 10 * PT_PER_MM)).toBeUndefined();
  });
});
