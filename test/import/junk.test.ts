import { describe, expect, it } from 'vitest';
import { cutAfter, cutLines, cutPatterns, cutWebFurniture, RecipeMismatch } from '../../src/import/junk.js';
import { ImportReport } from '../../src/import/report.js';

const lines = (...t: string[]) => t.map((text, i) => ({ text, line: i + 1 }));

describe('website furniture', () => {
  it('cuts the trailing block that holds a furniture word, each line reported with its text', () => {
    const report = new ImportReport();
    const kept = cutWebFurniture(lines('Text.', '', '[38] Ebd.', '', 'Kontakt', '', 'Bücher', '', 'Wir nutzen Cookies auf unserer Website.'), 'a.txt', report);
    expect(kept.map((l) => l.text)).toEqual(['Text.', '', '[38] Ebd.', '']);
    expect(report.cuts.map((c) => [c.line, c.text])).toEqual([
      [5, 'Kontakt'],
      [7, 'Bücher'],
      [9, 'Wir nutzen Cookies auf unserer Website.'],
    ]);
    expect(report.counts.get('web-furniture')).toBe(3);
  });
  it('keeps short last lines without a furniture word (a poem, a signature)', () => {
    const report = new ImportReport();
    expect(cutWebFurniture(lines('Text.', '', 'Hochachtungsvoll', 'Lenin'), 'a.txt', report)).toHaveLength(4);
    expect(report.cuts).toEqual([]);
  });
});

describe('recipe cuts', () => {
  const report = new ImportReport();
  it('cut-after drops the marker line and everything after it; it must occur once', () => {
    expect(cutAfter(lines('Text', 'Kontakt', 'x'), 'Kontakt', 'a.txt', report).map((l) => l.text)).toEqual(['Text']);
    expect(() => cutAfter(lines('x'), 'Impressum', 'a.txt', report)).toThrow(RecipeMismatch);
    expect(() => cutAfter(lines('x'), 'Impressum', 'a.txt', report)).toThrow(/occurs 0 times/);
  });
  it('cut-lines removes exact lines, cut-patterns every matching line', () => {
    expect(cutLines(lines('a', 'Quelle', 'b'), ['Quelle'], 'a.txt', report).map((l) => l.text)).toEqual(['a', 'b']);
    expect(cutPatterns(lines('a', 'Seite 12', 'b', 'Seite 13'), [/^Seite \d+$/], 'a.txt', report).map((l) => l.text)).toEqual(['a', 'b']);
    expect(report.cuts.filter((c) => c.rule === 'cut-patterns').map((c) => c.line)).toEqual([2, 4]);
  });
});
