import { describe, expect, it } from 'vitest';
import { columnWidths, measureRuns } from '../../../src/render/pdf/table-widths.js';
import { fixture } from './fixture.js';

const f = fixture();
const lb = f.style.config.linebreak;
const size = f.style.config.body.size;
const width = (s: string) => f.fonts.face('serif', 'regular').width(s) * size;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('measureRuns', () => {
  it('gives the longest word as min and the whole line as max', () => {
    const e = measureRuns(f.runs('ein Wort Donaudampfschifffahrt da'), lb);
    expect(e.min).toBeCloseTo(width('Donaudampfschifffahrt'), 3);
    expect(e.max).toBeCloseTo(width('ein Wort Donaudampfschifffahrt da'), 3);
  });

  it('keeps a word whole over soft hyphens and takes the widest line of a cell with a forced break', () => {
    const e = measureRuns(f.runs([{ type: 'text', value: 'Ver\u00adfas\u00adsung' }, { type: 'break' }, { type: 'text', value: 'a b c d e f g h' }]), lb);
    expect(e.min).toBeCloseTo(width('Verfassung'), 3);
    expect(e.max).toBeCloseTo(Math.max(width('Verfassung'), width('a b c d e f g h')), 3);
  });

  it('gives the widest piece between hyphenation points, with its hyphen', () => {
    const e = measureRuns(f.runs('Klas\u00adsen\u00adkampf'), lb);
    expect(e.min).toBeCloseTo(width('Klassenkampf'), 3);
    expect(e.hyphenated).toBeCloseTo(Math.max(width('Klas-'), width('sen-'), width('kampf')), 3);
  });

  it('is zero for an empty cell', () => {
    expect(measureRuns([], lb)).toEqual({ min: 0, max: 0, hyphenated: 0 });
  });
});

describe('columnWidths', () => {
  it('keeps natural widths when everything fits, or shares the spare room in proportion to them to fill', () => {
    expect(columnWidths([{ min: 10, max: 20 }, { min: 10, max: 60 }], 160, false)).toEqual([20, 60]);
    expect(columnWidths([{ min: 10, max: 20 }, { min: 10, max: 60 }], 160)).toEqual([40, 120]);
  });

  it('gives each column its longest word and spreads the rest by how much it wants to grow', () => {
    // min 30 + 20 = 50, 50 pt to share, wishes 10 and 90.
    const w = columnWidths([{ min: 30, max: 40 }, { min: 20, max: 110 }], 100);
    expect(w[0]).toBeCloseTo(35, 6);
    expect(w[1]).toBeCloseTo(65, 6);
    expect(sum(w)).toBeCloseTo(100, 6);
    expect(w[0]).toBeGreaterThanOrEqual(30);
  });

  it('lets columns whose words hyphenate give way when the longest words alone are too wide', () => {
    // Column 1 cannot hyphenate (60 = 60); column 2 can, down to 20: it takes what is left.
    const w = columnWidths([{ min: 60, max: 80, hyphenated: 60 }, { min: 140, max: 300, hyphenated: 20 }], 100);
    expect(w[0]).toBeCloseTo(60, 6);
    expect(w[1]).toBeCloseTo(40, 6);
  });

  it('scales the minimums down only when not even the syllables fit', () => {
    const w = columnWidths([{ min: 60, max: 80 }, { min: 140, max: 300 }], 100);
    expect(w).toEqual([30, 70]);
  });

  it('splits evenly when no column has content', () => {
    expect(columnWidths([{ min: 0, max: 0 }, { min: 0, max: 0 }], 100)).toEqual([50, 50]);
  });
});
