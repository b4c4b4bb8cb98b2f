/**
 * The structure tree the layout builds for the tagged PDF (structure.ts),
 * read back from rendered PDFs: every block type gets its element, in
 * reading order, and a paragraph cut by a page break stays one P.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Table } from '../../../src/model/types.js';
import { StructBuilder } from '../../../src/render/pdf/structure.js';
import type { FlowItem, FlowLine } from '../../../src/render/pdf/flow.js';
import { edition, heading, hr, lang, list, note, noteRef, para, quote, str, text, verse } from '../../helpers/model-builders.js';
import { elements, isElement, ofType, pagesOf, readStructure, type StructEl } from '../../helpers/pdf-struct.js';
import { render } from './helpers.js';
import { tinyPng } from '../../helpers/png.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const line = (group: number): FlowLine => ({ kind: 'line', height: 10, baseline: 8, x: 0, line: { frags: [], width: 0, hyphenated: false }, group: { id: group, index: 0, count: 1 } });
const long = (n: number, word: string): string => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
const types = (el: StructEl): string[] => el.kids.filter(isElement).map((k) => k.type);

describe('StructBuilder', () => {
  it('gives items to the innermost element that produced them, and keeps children in the order they were made', () => {
    const tags = new StructBuilder();
    const out: FlowItem[] = [];
    tags.within(out, 'Sect', () => {
      tags.leaves(out, (k) => (k === 0 ? 'H1' : 'P'), () => out.push(line(1), line(1), line(2)));
      tags.within(out, 'BlockQuote', () => tags.within(out, 'P', () => out.push(line(3))));
      out.push(line(4));
    });
    const sect = tags.root.children[0]!;
    expect(sect.children.map((c) => c.type)).toEqual(['H1', 'P', 'BlockQuote']);
    const [a, b, c, d, e] = out as FlowLine[];
    expect(a!.tag).toBe(sect.children[0]);
    expect(b!.tag).toBe(sect.children[0]); // same group: same element
    expect(c!.tag).toBe(sect.children[1]);
    expect(d!.tag).toBe(sect.children[2]!.children[0]);
    expect(e!.tag).toBe(sect); // nobody inside claimed it
  });
});

describe('tagged PDF structure', () => {
  const table: Table = { type: 'table', align: [null, 'right'], head: [{ children: [str('Jahr')] }, { children: [str('Zahl')] }], rows: [[{ children: [str('1917')] }, { children: [str('3')] }]] };
  const blocks: Block[] = [
    para(str('Erster Absatz.')),
    heading(1, 'a', str('Erster Abschnitt')),
    para(str('Zweiter Absatz mit Anmerkung'), noteRef('n')),
    quote(para(str('Ein Zitat.'))),
    verse('Erste Verszeile', 'Zweite Verszeile'),
    list(false, [para(str('Punkt eins'))], [para(str('Punkt zwei'))]),
    hr(),
    table,
    heading(2, 'b', str('Unterabschnitt')),
    para(str('Dies ist '), lang('en', str('English')), str(' im Satz.')),
  ];

  it('nests Document › Part › Sect per text with H1, H2–H4, P, BlockQuote, L, Table and Note in reading order', async () => {
    const e = edition({
      parts: [
        { title: 'Erster Teil', texts: [text({ id: 'eins', title: 'Eins', blocks, notes: [note('n', 1, [para(str('Die Anmerkung.'))])] })] },
        { title: 'Zweiter Teil', texts: [text({ id: 'two', title: 'Two', lang: 'en', blocks: [para(str('An English text.'))] })] },
      ],
    });
    const { bytes } = await render(e);
    const s = readStructure(bytes);
    expect(s.marked).toBe(true);
    expect(s.lang).toBe('de');
    expect(s.displayDocTitle).toBe(true);
    expect(s.xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);

    const doc = s.root.kids[0] as StructEl;
    expect(doc.type).toBe('Document');
    // Title pages, contents, two parts.
    expect(types(doc)).toEqual(['Sect', 'Sect', 'Part', 'Part']);
    const [part1, part2] = ofType(doc, 'Part');
    expect(types(part1!)).toEqual(['H1', 'Sect']);
    const sect = ofType(part1!, 'Sect')[0]!;
    expect(types(sect)).toEqual(['H1', 'P', 'H2', 'P', 'BlockQuote', 'Div', 'L', 'Table', 'H3', 'P', 'Sect']);
    // A `lang` span is a Span with /Lang inside its paragraph.
    const mixed = sect.kids.filter(isElement)[9]!;
    expect(types(mixed)).toEqual(['Span']);
    expect((mixed.kids.find(isElement) as StructEl).lang).toBe('en');
    // The English text says so on its Sect.
    expect(ofType(part2!, 'Sect')[0]!.lang).toBe('en');

    // A verse line is a P of the stanza's Div; list items are LI › Lbl + LBody.
    expect(types(ofType(sect, 'Div')[0]!)).toEqual(['P', 'P']);
    const l = ofType(sect, 'L')[0]!;
    expect(types(l)).toEqual(['LI', 'LI']);
    expect(types(ofType(l, 'LI')[0]!)).toEqual(['Lbl', 'LBody']);
    expect(types(ofType(l, 'LBody')[0]!)).toEqual(['P']);
    // Table › TR › TH (header) / TD.
    const t = ofType(sect, 'Table')[0]!;
    expect(types(t)).toEqual(['TR', 'TR']);
    expect(types(ofType(t, 'TR')[0]!)).toEqual(['TH', 'TH']);
    expect(types(ofType(t, 'TR')[1]!)).toEqual(['TD', 'TD']);
    // The notes: a Sect with its heading and one Note › Lbl (the number, linking back) + P.
    const notes = sect.kids.filter(isElement).at(-1)!;
    expect(types(notes)).toEqual(['H2', 'Note']);
    const n = ofType(notes, 'Note')[0]!;
    expect(types(n)).toEqual(['Lbl', 'P']);
    expect(ofType(n, 'Link')).toHaveLength(1);
    // The reference in the text: P › Reference › Link with the annotation.
    const refPara = sect.kids.filter(isElement)[3]!;
    expect(types(refPara)).toEqual(['Reference']);
    // Every element that should hold text holds marked content (a note's Lbl through its Link).
    const inked = (x: StructEl): number => pagesOf(x).length + x.kids.filter(isElement).reduce((k, c) => k + inked(c), 0);
    for (const el of elements(doc).filter((x) => ['H1', 'H2', 'H3', 'P', 'Lbl', 'TH', 'TD', 'Link'].includes(x.type))) expect(inked(el), el.type).toBeGreaterThan(0);
  }, 30_000);

  it('keeps a paragraph cut by a page break as one P with marked content on both pages', async () => {
    const e = edition({ texts: [text({ blocks: [para(str(long(400, 'Wort'))), para(str('Danach.'))] })] });
    const s = readStructure((await render(e)).bytes);
    const ps = ofType(s.root, 'P').filter((p) => pagesOf(p).length > 0);
    const first = ps.find((p) => pagesOf(p).length > 1);
    expect(first, 'a P spanning pages').toBeDefined();
    expect(pagesOf(first!).length).toBeGreaterThanOrEqual(2);
    // Reading order: the long paragraph comes before the short one, and only once.
    expect(ps.filter((p) => pagesOf(p).length > 1)).toHaveLength(1);
  }, 30_000);

  it('gives a figure its alternative text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'figure-'));
    try {
      const src = path.join(dir, 'karte.png');
      writeFileSync(src, tinyPng());
      const e = edition({ texts: [text({ blocks: [para(str('Vorher.')), { type: 'figure', src, mediaType: 'image/png', alt: 'Karte der Front 1919' }] })] });
      const s = readStructure((await render(e)).bytes);
      const figures = ofType(s.root, 'Figure');
      expect(figures).toHaveLength(1);
      expect(figures[0]!.alt).toBe('Karte der Front 1919');
      expect(pagesOf(figures[0]!)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('reads a table header once although pagination repeats it on every page (the repeats are artifacts)', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [{ children: [str(`Zeile ${i}`)] }, { children: [str(String(i))] }]);
    const long: Table = { type: 'table', align: [null, 'right'], head: [{ children: [str('Jahr')] }, { children: [str('Zahl')] }], rows };
    const s = readStructure((await render(edition({ texts: [text({ blocks: [long] })] }))).bytes);
    const t = ofType(s.root, 'Table')[0]!;
    const pages = new Set(ofType(t, 'TD').flatMap(pagesOf));
    expect(pages.size).toBeGreaterThan(1); // the table does continue on further pages
    expect(ofType(t, 'TH')).toHaveLength(2);
    expect(ofType(t, 'TH').flatMap(pagesOf)).toHaveLength(2); // one piece of content each, on the first page only
    expect(ofType(t, 'TR')).toHaveLength(91);
  }, 30_000);
});
