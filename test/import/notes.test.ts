import { describe, expect, it } from 'vitest';
import { convertMarks, leadingMark, MARK_STYLES, noteRefLabels, normaliseLabel, parseNotesList, renderNote, trailingListStart } from '../../src/import/notes.js';

const style = (name: string) => MARK_STYLES.filter((s) => s.name === name);
const lines = (...t: string[]) => t.map((text, i) => ({ text, line: i + 1 }));

describe('note marks', () => {
  it('reads every raw form at the start of a note', () => {
    expect(['[12] a', '(3) a', '4) a', '¹ a', "') a", '²) a'].map((t) => normaliseLabel(leadingMark(t)!.raw))).toEqual(['12', '3', '4', '1', '1', '2']);
    expect(leadingMark('1917 war')).toBeUndefined();
  });
  it('hangs a reference on the word or punctuation before it', () => {
    const r = convertMarks('verewigt [15] –, die Regimes“. [34]', style('bracket'), () => true);
    expect(r.text).toBe('verewigt[^15] –, die Regimes“.[^34]');
    expect(r.linked).toEqual(['15', '34']);
  });
  it('links superscripts and OCR’d ¹) glued to the word', () => {
    expect(convertMarks('finden.¹ Wer', style('superscript'), () => true).text).toBe('finden.[^1] Wer');
    expect(convertMarks("Macht') und Wort²)", style('close-paren'), () => true).text).toBe('Macht[^1] und Wort[^2]');
  });
  it('keeps a mark without a note as escaped text and says so', () => {
    const r = convertMarks('Ernte [3]. Und [4]', style('bracket'), (l) => l === '4');
    expect(r.text).toBe('Ernte \\[3\\]. Und[^4]');
    expect(r.unmatched).toEqual(['[3]']);
  });
  it('leaves other brackets and years alone', () => {
    for (const s of ['der [weiße] General', 'Grenzen […] Die', 'im Jahr [1917]', '(siehe 3) dort']) expect(convertMarks(s, MARK_STYLES, () => true).text).toBe(s);
  });
  it('lists reference labels but not definition labels', () => {
    expect(noteRefLabels('a[^1] b[^x]\n\n[^1]: Note.')).toEqual(['1', 'x']);
  });
});

describe('notes lists', () => {
  it('finds a trailing list starting at note 1, not interleaved notes', () => {
    expect(trailingListStart(['Text.', '', "') Erste.", '', 'Weiter.', '', '²) Zweite.'])).toBe(2);
    expect(trailingListStart(['Text [1].', '[1] Note.', 'Mehr Text [2].', '[2] Note.'])).toBe(-1);
  });
  it('reads an unmarked line as the next paragraph of the note above', () => {
    const { notes } = parseNotesList(lines('[18] Zimmerwald.', 'Kienthal.', '[19] Ebd.'));
    expect(notes.map((n) => [n.label, n.paragraphs])).toEqual([
      ['18', ['Zimmerwald.', 'Kienthal.']],
      ['19', ['Ebd.']],
    ]);
  });
  it('in hard-wrapped text, joins a touching line to the paragraph', () => {
    const { notes } = parseNotesList(lines('² Vgl. die Denkschrift vom', 'März 1920.', '', 'Zweiter Absatz.'), {}, (l, r) => `${l} ${r}`);
    expect(notes[0]!.paragraphs).toEqual(['Vgl. die Denkschrift vom März 1920.', 'Zweiter Absatz.']);
  });
  it('keeps text before the first mark apart, so nothing is lost', () => {
    expect(parseNotesList(lines('Vorbemerkung.', '[1] a')).before).toEqual([{ text: 'Vorbemerkung.', line: 1 }]);
  });
  it('indents later paragraphs four spaces', () => {
    expect(renderNote('18', ['Zimmerwald.', 'Kienthal.'])).toBe('[^18]: Zimmerwald.\n\n    Kienthal.');
  });
});
