import { describe, expect, it } from 'vitest';
import { ImportReport } from '../../src/import/report.js';

describe('the import report', () => {
  const r = new ImportReport();
  r.inputs.push({ file: 'raw.txt', format: 'text', encoding: 'UTF-8' });
  r.count('notes-linked', 3);
  r.count('notes-linked', 0);
  r.cut('web-furniture', 'raw.txt', 40, 'Kontakt');
  r.cut('web-furniture', 'raw.txt', 41, '   ');
  r.change('dehyphenate', 'raw.txt', 7, 'Arbei- ter', 'Arbeiter');
  r.doubt('note-missing', 'note mark [11] has no note; kept as text', 'raw.txt', 212);

  it('prints counts, cut lines with their rule and doubts as file:line warnings', () => {
    expect(r.toText('sources/x.md', false)).toBe(
      'would write sources/x.md from raw.txt (text, UTF-8)\n  dehyphenate    1\n  notes-linked   3\n  web-furniture  1\n' +
        'raw.txt:40: cut [web-furniture]: Kontakt\nraw.txt:212:1: warning: note mark [11] has no note; kept as text [note-missing]\n',
    );
  });
  it('gives the same as JSON, with the word changes', () => {
    expect(r.toJson('sources/x.md', true)).toMatchObject({
      written: true,
      counts: { dehyphenate: 1, 'notes-linked': 3, 'web-furniture': 1 },
      cuts: [{ rule: 'web-furniture', line: 40, text: 'Kontakt' }],
      changes: [{ from: 'Arbei- ter', to: 'Arbeiter' }],
      doubts: [{ rule: 'note-missing', line: 212 }],
    });
  });
});
