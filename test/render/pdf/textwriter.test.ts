import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { num } from '../../../src/render/pdf/textwriter.js';

/** The formula num() replaced: what every content stream was written with. */
const reference = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

describe('num', () => {
  it('formats like String(Math.round(v * 1000) / 1000), without -0', () => {
    for (const v of [0, -0, -0.0004, 0.0005, -0.0005, 1, -1, 0.1, 0.01, 0.001, 1.05, 12.345, -12.3456, 595.276, 841.89, 1e9 + 0.123, 0.0995, 2.5e-4, NaN, Infinity]) {
      expect(num(v)).toBe(reference(v));
    }
    fc.assert(fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (v) => num(v) === reference(v)), { numRuns: 200_000 });
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (k) => num(k / 1000) === reference(k / 1000)), { numRuns: 200_000 });
  });
});
