import { describe, expect, it } from 'vitest';
import { RecipeMismatch } from '../../../src/import/junk.js';
import { ImportReport } from '../../../src/import/report.js';
import { isHardWrapped, layout, type LayoutOptions } from '../../../src/import/text/layout.js';

const lines = (...t: string[]) => t.map((text, i) => ({ text, line: i + 1 }));
const opts = (o: Partial<LayoutOptions> = {}): LayoutOptions => ({ file: 'a.txt', lang: 'de', seams: [], verses: [], enabled: () => true, report: new ImportReport(), ...o });

describe('one line per paragraph', () => {
  it('makes each separated line a paragraph and records the separators', () => {
    expect(layout(lines('', 'Titel', '', 'Absatz.'), opts())).toEqual([
      { kind: 'paragraph', text: 'Titel', line: 2, blankBefore: true, blankAfter: true },
      { kind: 'paragraph', text: 'Absatz.', line: 4, blankBefore: true, blankAfter: true },
    ]);
  });
  it('joins a line that breaks off mid-sentence, splits after a sentence end with a doubt', () => {
    const o = opts();
    expect(layout(lines('erklärte, Stalin sei', '„zu grob.', '', 'Erster Satz.', 'Zweiter Absatz.'), o)).toMatchObject([
      { text: 'erklärte, Stalin sei „zu grob.' },
      { text: 'Erster Satz.', blankAfter: false },
      { text: 'Zweiter Absatz.', blankBefore: false },
    ]);
    expect(o.report.doubts).toMatchObject([{ rule: 'join-lines', line: 5 }]);
  });
  it('reads three or more short touching lines as verse', () => {
    expect(layout(lines('Text:', '', '„Wir stimmen', 'Formt ihn', 'Verkauft Lenin nicht!“', '', 'Danach.'), opts())).toMatchObject([
      { kind: 'paragraph', text: 'Text:' },
      { kind: 'verse', lines: ['„Wir stimmen', 'Formt ihn', 'Verkauft Lenin nicht!“'], line: 3 },
      { kind: 'paragraph', text: 'Danach.' },
    ]);
  });
  it('follows the recipe where it decides, and refuses what it has not decided or cannot find', () => {
    const seams = [{ after: 'ausgeschaltet.', action: 'split' as const }];
    expect(layout(lines('ausgeschaltet.', 'Die innere'), opts({ seams }))).toHaveLength(2);
    expect(() => layout(lines('eins', 'zwei', '', 'ausgeschaltet.', 'x'), opts({ seams }))).toThrow(/name it in `joins` or `splits`/);
    expect(() => layout(lines('a'), opts({ seams }))).toThrow(RecipeMismatch);
    expect(() => layout(lines('„Wir', 'x'), opts({ verses: [{ first: '„Wir', last: 'Verkauft' }] }))).toThrow(/no last line/);
  });
});

describe('hard-wrapped text', () => {
  const wrapped = lines(
    'Die Berichte, die im Laufe des Winters aus den Gouvernements ein-',
    'trafen, zeichneten ein düsteres Bild. In den Textilfabriken von',
    'Iwanowo standen die Maschinen still.',
    '',
    'Es ist kalt in den Hallen,',
    'die Spindeln stehen still.',
  );
  it('is told by touching lines', () => {
    expect(isHardWrapped(wrapped)).toBe(true);
    expect(isHardWrapped(lines('Absatz eins.', '', 'Absatz zwei.', '', 'Absatz drei.', '', 'Vier.'))).toBe(false);
  });
  it('joins lines, rejoins broken words (reported as a change) and keeps short-line stanzas as verse', () => {
    const o = opts();
    expect(layout(wrapped, o)).toMatchObject([
      { kind: 'paragraph', text: 'Die Berichte, die im Laufe des Winters aus den Gouvernements eintrafen, zeichneten ein düsteres Bild. In den Textilfabriken von Iwanowo standen die Maschinen still.' },
      { kind: 'verse', lines: ['Es ist kalt in den Hallen,', 'die Spindeln stehen still.'] },
    ]);
    expect(o.report.changes).toEqual([{ rule: 'dehyphenate', file: 'a.txt', line: 2, from: 'ein- trafen', to: 'eintrafen' }]);
  });
});
