import { describe, expect, it } from 'vitest';
import { takeBlockNotes } from '../../src/import/block-notes.js';
import type { ImportBlock, ImportContext } from '../../src/import/model.js';
import { ImportReport } from '../../src/import/report.js';

const ctx = (): ImportContext => ({ file: 'a.html', lang: 'de', enabled: () => true, recipe: {}, report: new ImportReport(), found: {} });
const p = (text: string, line = 1): ImportBlock => ({ kind: 'paragraph', text, line });

describe('notes typed as text in a converted page', () => {
  it('an ordered list under “Anmerkungen”: item n is note n, marks of any usual form linked', () => {
    const c = ctx();
    const r = takeBlockNotes([p('Eins [1] und zwei²'), { kind: 'heading', depth: 3, text: 'Anmerkungen', line: 2 }, { kind: 'list', ordered: true, items: ['Erste.', 'Zweite.'], line: 3 }], c, []);
    expect(r.blocks).toEqual([p('Eins[^1] und zwei[^2]')]);
    expect(r.notes.map((n) => [n.label, n.paragraphs])).toEqual([
      ['1', ['Erste.']],
      ['2', ['Zweite.']],
    ]);
    expect(c.report.cuts).toMatchObject([{ rule: 'notes-heading', text: 'Anmerkungen' }]);
  });
  it('interleaved notes after the paragraph that cites them; a mark without a note stays text', () => {
    const c = ctx();
    const r = takeBlockNotes([p('Text [1] und [2].', 1), p('[1] Note eins.', 2), p('Weiter.', 3)], c, []);
    expect(r.blocks).toEqual([p('Text[^1] und \\[2\\].', 1), p('Weiter.', 3)]);
    expect(r.notes).toEqual([{ label: '1', paragraphs: ['Note eins.'], line: 2 }]);
    expect(c.report.doubts).toMatchObject([{ rule: 'note-missing', line: 1, reason: 'note mark [2] has no note; kept as text' }]);
  });
});
