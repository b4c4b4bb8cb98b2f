import { describe, expect, it } from 'vitest';
import { hyphenateEdition, hyphenateString, hyphenateWord, SOFT_HYPHEN } from '../../src/transforms/hyphenate.js';
import { edition, heading, lang, para, quote, text, verse, note } from '../helpers/model-builders.js';
import type { Paragraph, TextRun } from '../../src/model/types.js';

const show = (s: string) => s.replaceAll(SOFT_HYPHEN, '|');
const runText = (p: Paragraph) => p.children.map((c) => (c.type === 'text' ? c.value : c.type === 'lang' ? (c.children[0] as TextRun).value : '')).join('');

describe('hyphenate', () => {
  it('hyphenates German words by German patterns', () => {
    expect(show(hyphenateWord('Organisation', 'de'))).toBe('Or|ga|ni|sa|tion');
    expect(show(hyphenateWord('Machtergreifung', 'de'))).toContain('Macht|er');
  });

  it('hyphenates English words by English patterns (en, en-GB, en-US)', () => {
    expect(show(hyphenateWord('revolutionary', 'en'))).toBe('rev|o|lu|tion|ary');
    expect(hyphenateWord('government', 'en-GB')).toContain(SOFT_HYPHEN);
  });

  it('keeps at least 2 letters before and 3 after a break', () => {
    for (const w of ['Organisation', 'Konfrontation', 'unaufhaltsam', 'negotiations', 'aber', 'Idee']) {
      for (const lng of ['de', 'en']) {
        const parts = hyphenateWord(w, lng).split(SOFT_HYPHEN);
        if (parts.length === 1) continue;
        expect(parts[0]!.length, `${w} ${lng}`).toBeGreaterThanOrEqual(2);
        expect(parts[parts.length - 1]!.length, `${w} ${lng}`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(show(hyphenateWord('Konfrontation', 'de', { leftMin: 4, rightMin: 4 }))).toBe('Konfron|ta|tion');
  });

  it('leaves punctuation and numbers alone', () => {
    expect(show(hyphenateString('„Bolschewismus“, 30.000 Soldaten.', 'de'))).toBe('„Bol|sche|wis|mus“, 30.000 Sol|da|ten.');
  });

  it('leaves addresses and verbatim (code) text whole', () => {
    const out = hyphenateString('Siehe https://example.org/Verfassungsgebende-Versammlung und Verfassungsgebende', 'de');
    expect(out).toContain('https://example.org/Verfassungsgebende-Versammlung ');
    expect(out.split(' ').pop()).toContain(SOFT_HYPHEN);
    const e = edition({ texts: [text({ blocks: [para({ type: 'code', children: [{ type: 'text', value: 'Verfassungsgebende Versammlung', verbatim: true }] }, ' Verfassungsgebende Versammlung und mehr')] })] });
    const copy = hyphenateEdition(e);
    const p = copy.parts[0]!.texts[0]!.blocks[0] as Paragraph;
    expect(JSON.stringify(p.children[0])).not.toContain(SOFT_HYPHEN);
    expect((p.children[1] as TextRun).value).toContain(SOFT_HYPHEN);
  });

  it('leaves addresses written as text intact: URLs, www. hosts, e-mail', () => {
    const s = 'Siehe https://beispiel.org/Organisation/Revolution oder www.organisation-revolution.de, Briefe an redaktion@organisation.de; die Organisation antwortet.';
    expect(show(hyphenateString(s, 'de'))).toBe(
      'Siehe https://beispiel.org/Organisation/Revolution oder www.organisation-revolution.de, Briefe an redaktion@organisation.de; die Or|ga|ni|sa|tion ant|wor|tet.',
    );
  });

  it('never hyphenates the last word of a paragraph', () => {
    const ed = hyphenateEdition(edition({ texts: [text({ blocks: [para('Die Revolution und die Organisation')] })] }));
    const p = ed.parts[0]!.texts[0]!.blocks[0] as Paragraph;
    const value = runText(p);
    expect(value).toContain(`Re${SOFT_HYPHEN}vo`);
    expect(value.endsWith('Organisation')).toBe(true);
  });

  it('uses the language of lang runs and of the text', () => {
    const ed = hyphenateEdition(
      edition({ texts: [text({ blocks: [para(lang('en', 'revolutionary'), ' Ende.')] }), text({ id: 'en', lang: 'en', blocks: [para('negotiations end')] })] }),
    );
    const [de, en] = ed.parts[0]!.texts;
    expect(show(runText(de!.blocks[0] as Paragraph))).toContain('rev|o|lu|tion|ary');
    expect(show(runText(en!.blocks[0] as Paragraph))).toContain('ne|go|ti|a|tions');
  });

  it('hyphenates quotes, lists and notes but not headings or verse, on a copy', () => {
    const original = edition({
      texts: [text({ blocks: [heading(1, 'h', 'Organisation Organisation'), verse('Organisation Organisation'), quote(para('Organisation Organisation'))], notes: [note('1', 1, [para('Organisation Organisation')])] })],
    });
    const before = JSON.stringify(original);
    const ed = hyphenateEdition(original);
    expect(JSON.stringify(original)).toBe(before);
    const t = ed.parts[0]!.texts[0]!;
    expect(JSON.stringify(t.blocks[0])).not.toContain(SOFT_HYPHEN);
    expect(JSON.stringify(t.blocks[1])).not.toContain(SOFT_HYPHEN);
    expect(JSON.stringify(t.blocks[2])).toContain(SOFT_HYPHEN);
    expect(JSON.stringify(t.notes[0])).toContain(SOFT_HYPHEN);
    expect(ed.meta.modified).toEqual(original.meta.modified);
  });
});
