import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { toBlocks, type Seam } from '../../src/cleaning/blocks.js';
import { renderFrontMatter } from '../../src/cleaning/frontmatter.js';
import { isHeading, looksLikeHeading } from '../../src/cleaning/headings.js';
import { markNoteRefs, noteRefLabels, parseNotes, renderNote, splitBodyAndNotes } from '../../src/cleaning/notes.js';

describe('notes', () => {
  const bracketed = { heading: 'Anmerkungen:', mark: /^\[(\d+)\]\s*/ };
  it('hangs a reference on the word or punctuation before it', () => {
    expect(markNoteRefs('verewigt [15] –, die')).toBe('verewigt[^15] –, die');
    expect(markNoteRefs('vorfinden“ [9]. Am')).toBe('vorfinden“[^9]. Am');
    expect(markNoteRefs('Regimes“. [34]')).toBe('Regimes“.[^34]');
  });
  it('leaves other brackets and long numbers alone', () => {
    for (const s of ['der [weiße] General', 'Grenzen […] Die', 'im Jahr [1917]']) expect(markNoteRefs(s)).toBe(s);
  });
  it('lists reference labels but not definition labels', () => {
    expect(noteRefLabels('a[^1] b[^x]\n\n[^1]: Note.')).toEqual(['1', 'x']);
  });
  it('splits at the notes heading and drops it', () => {
    expect(splitBodyAndNotes(['Text [1]', '', 'Anmerkungen:', '', '[1] Note.'], bracketed)).toEqual({ body: ['Text [1]', ''], notes: ['', '[1] Note.'] });
    expect(() => splitBodyAndNotes(['Text'], bracketed)).toThrow(/exactly once/);
  });
  it('without a heading, the list starts at the first mark', () => {
    const ocr = { mark: /^(['²])\)\s*/, labels: { "'": '1', '²': '2' } };
    const { body, notes } = splitBodyAndNotes(['Text.', '', "') Erste.", '', 'Weiter.', '', '²) Zweite.'], ocr);
    expect(body).toEqual(['Text.', '']);
    expect(parseNotes(notes, ocr)).toEqual([
      { label: '1', paragraphs: ['Erste.', 'Weiter.'] },
      { label: '2', paragraphs: ['Zweite.'] },
    ]);
  });
  it('reads a line without a mark as the next paragraph of the same note', () => {
    expect(parseNotes(['[18] Zimmerwald.', 'Kienthal.', '[19] Ebd.'], bracketed)).toEqual([
      { label: '18', paragraphs: ['Zimmerwald.', 'Kienthal.'] },
      { label: '19', paragraphs: ['Ebd.'] },
    ]);
  });
  it('refuses duplicate labels and text before the first note', () => {
    expect(() => parseNotes(['[1] a', '[1] b'], bracketed)).toThrow(/twice/);
    expect(() => parseNotes(['stray', '[1] a'], bracketed)).toThrow(/before the first/);
  });
  it('indents later paragraphs four spaces', () => {
    expect(renderNote('18', ['Zimmerwald.', 'Kienthal.'])).toBe('[^18]: Zimmerwald.\n\n    Kienthal.');
  });
});

describe('blocks', () => {
  const split: Seam = { after: 'ausgeschaltet.', action: 'split', why: 'test' };
  const join: Seam = { after: 'Stalin sei', action: 'join', why: 'test' };
  it('makes each separated line a paragraph and records the separators', () => {
    expect(toBlocks(['', 'Titel', '', 'Absatz.'])).toEqual([
      { kind: 'paragraph', text: 'Titel', line: 2, blankBefore: true, blankAfter: true },
      { kind: 'paragraph', text: 'Absatz.', line: 4, blankBefore: true, blankAfter: true },
    ]);
  });
  it('refuses touching lines the recipe has not decided', () => {
    expect(() => toBlocks(['eins', 'zwei'])).toThrow(/without a separator/);
  });
  it('joins or splits touching lines as the recipe says', () => {
    expect(toBlocks(['erklärte, Stalin sei', '„zu grob.'], [join])).toMatchObject([{ text: 'erklärte, Stalin sei „zu grob.' }]);
    expect(toBlocks(['ausgeschaltet.', 'Die innere'], [split])).toMatchObject([
      { text: 'ausgeschaltet.', blankAfter: false },
      { text: 'Die innere', blankBefore: false },
    ]);
  });
  it('refuses a seam that is not there', () => {
    expect(() => toBlocks(['a'], [join])).toThrow(/seams not found/);
  });
  it('keeps verse lines together', () => {
    const verse = { first: '„Wir', last: 'Verkauft' };
    expect(toBlocks(['Text:', '', '„Wir stimmen', 'Formt ihn', 'Verkauft Lenin nicht!“', '', 'Danach.'], [], [verse])).toMatchObject([
      { kind: 'paragraph', text: 'Text:' },
      { kind: 'verse', lines: ['„Wir stimmen', 'Formt ihn', 'Verkauft Lenin nicht!“'] },
      { kind: 'paragraph', text: 'Danach.' },
    ]);
    expect(() => toBlocks(['„Wir', 'x'], [], [verse])).toThrow(/no last line/);
  });
});

describe('headings', () => {
  it('accepts short capitalised lines without final punctuation', () => {
    for (const s of ['Die bewaffnete Verteidigung der Revolution', 'Kasan und die Verteidigung von Petrograd', 'Rückgang des „Plebejerstolzes“']) expect(looksLikeHeading(s)).toBe(true);
  });
  it('rejects sentences, quotations, note references and long lines', () => {
    for (const s of ['Streng vertraulich.', 'Werter Gen. Stalin!', 'Er selbst wies darauf hin:', '„Zitat', 'kleingeschrieben', 'Ende[^3]', 'Wort '.repeat(13).trim()]) {
      expect(looksLikeHeading(s)).toBe(false);
    }
  });
  it('needs separators on both sides and no open quotation', () => {
    const c = { text: 'Persönlich', blankBefore: true, blankAfter: true, quoteDepth: 0 };
    expect(isHeading(c)).toBe(true);
    expect(isHeading({ ...c, quoteDepth: 1 })).toBe(false);
    expect(isHeading({ ...c, blankAfter: false })).toBe(false);
  });
});

describe('front matter', () => {
  const fm = renderFrontMatter(
    { id: 'x', title: 'Ein „Titel“: mit Doppelpunkt', date: '1917-11', tags: ['lenin', '1917'], 'unanchored-notes': ['1'] },
    { author: 'No author: none named.', date: 'Month only.' },
  );
  it('writes fields in a fixed order with comments, omitted fields keeping theirs', () => {
    expect(fm).toBe(
      '---\nid: "x"\ntitle: "Ein „Titel“: mit Doppelpunkt"\n# No author: none named.\n# Month only.\ndate: "1917-11"\ntags: ["lenin", "1917"]\nunanchored-notes: ["1"]\n---\n',
    );
  });
  it('reads back as strings, never as numbers or dates', () => {
    expect(parseYaml(fm.replace(/^---\n|---\n$/g, ''))).toEqual({ id: 'x', title: 'Ein „Titel“: mit Doppelpunkt', date: '1917-11', tags: ['lenin', '1917'], 'unanchored-notes': ['1'] });
  });
});
