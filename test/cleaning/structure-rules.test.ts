/** Generic cleaning rules the importer reuses: headings and front matter (notes and layout: test/import/). */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderFrontMatter } from '../../src/cleaning/frontmatter.js';
import { isHeading, looksLikeHeading } from '../../src/cleaning/headings.js';

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
