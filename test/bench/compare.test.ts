import { describe, expect, it } from 'vitest';
import { cacheLines, comparisonLines, linearity, speedUp } from './compare.js';
import type { CaseResult } from './table.js';

const s = (median: number) => ({ runs: 3, min: median * 0.9, median });
const results: CaseResult[] = [
  { tool: 'node', name: 'node -e 0', command: 'node -e 0', summary: s(0.05) },
  { tool: 'edition', name: 'edition --help', command: 'edition --help', summary: s(0.12) },
  { tool: 'edition', scale: 10, format: 'epub', mode: 'cold', name: 'e10', command: '', summary: s(0.5), sourceBytes: 1_000_000 },
  { tool: 'edition', scale: 10, format: 'epub', mode: 'warm', name: 'w10', command: '', summary: s(0.25) },
  { tool: 'edition', scale: 10, format: 'epub', mode: 'edited', name: 'd10', command: '', summary: s(0.3) },
  { tool: 'pandoc', scale: 10, format: 'epub', name: 'p10', command: '', summary: s(3), sourceBytes: 1_000_000 },
  { tool: 'edition', scale: 10, format: 'pdf', mode: 'cold', name: 'f10', command: '', summary: s(2), pages: 400, sourceBytes: 1_000_000 },
  { tool: 'pdflatex', scale: 10, format: 'pdf', name: 'l10', command: '', summary: s(20), pages: 500, sourceBytes: 1_000_000 },
  { tool: 'edition', scale: 50, format: 'epub', mode: 'cold', name: 'e50', command: '', summary: s(2), sourceBytes: 5_000_000 },
  { tool: 'pandoc', scale: 50, format: 'epub', name: 'p50', command: '', failure: 'skipped: pandoc is not installed' },
  { tool: 'api', scale: 10, format: 'pdf', mode: 'tagged', name: 't', command: '', summary: s(4), outBytes: 3_400_000 },
  { tool: 'api', scale: 10, format: 'pdf', mode: 'untagged', name: 'u', command: '', summary: s(3.5), outBytes: 2_800_000 },
];

describe('comparisonLines', () => {
  const lines = comparisonLines(results);
  it('sets --help against bare node', () => {
    expect(lines).toContain('start-up: edition --help 0.12 s = 2.4× node -e 0 (0.05 s; target ≤ 3×)');
  });
  it('gives the EPUB speed-up over pandoc and the PDF pages/s ratio over pdflatex, from medians', () => {
    expect(lines).toContain('×10 EPUB: edition 0.50 s, pandoc 3.00 s: edition 6.0× faster');
    expect(lines).toContain('×10 PDF: edition 200.0 pages/s (400 pages, 2.00 s), pandoc + pdflatex 25.0 pages/s (500 pages, 20.00 s): 8.0× per page, 10.0× in time');
  });
  it('leaves out a pair whose other side was skipped', () => {
    expect(lines.some((l) => l.startsWith('×50 EPUB'))).toBe(false);
  });
  it('says what tagging costs in time and size', () => {
    expect(lines).toContain("tagging (PDF/UA structure): 0.50 s = 13 % of the ×10 PDF's time (API, medians) and 18 % of its size");
  });
});

describe('speedUp', () => {
  it('reads a ratio below 1 as slower', () => {
    expect(speedUp(2.5)).toBe('edition 2.5× faster');
    expect(speedUp(0.5)).toBe('edition 2.0× slower');
  });
});

describe('linearity', () => {
  it('compares seconds per source MB at ×10 and ×50', () => {
    expect(linearity(results)).toEqual(['linearity, edition EPUB: 0.50 s/MB at ×10, 0.40 s/MB at ×50 (×50/×10 = 0.80)']);
  });
});

describe('cacheLines', () => {
  it('sets warm and one-source-edited rebuilds against the cold build', () => {
    expect(cacheLines(results)).toEqual(['cache, ×10 EPUB: cold 0.50 s; warm 0.25 s (0.50×); one source edited 0.30 s (0.60×)']);
  });
});
