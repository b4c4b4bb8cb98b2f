/**
 * `edition import` end to end, one case per importer, as an editor uses it:
 * import the raw file(s) without a recipe, `edition check` the source, build
 * an EPUB (Java epubcheck: no error, no warning), and measure: the notes
 * found and linked both ways, the share of raw words in the EPUB (≥ 99 %),
 * and that no raw word is lost (each is in the source or in the report as
 * cut, with the rule that cut it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEpub, checkClean, epubWordShare, FIXTURES, htmlWords, importInto, lostWords, notesLinkedBothWays, SEED_FIXTURES, textWords, type Imported } from './helpers.js';

interface Case {
  name: string;
  files: string[];
  args?: string[];
  words: () => string[];
  /** The raw words without the note marks, for the EPUB share. */
  textWords?: () => string[];
  notes: number;
  /** Notes without a mark (front matter `unanchored-notes`). */
  unanchored: string[];
  /** Per-rule counts the report must show. */
  counts: Record<string, number>;
  /** Doubts the report must list (rule and line). */
  doubts?: [string, number][];
  /** Rules whose cuts are expected (all cut words must come from these). */
  cutRules: string[];
}

const seed = (f: string) => path.join(SEED_FIXTURES, f);
const fixture = (f: string) => path.join(FIXTURES, f);
const raw = (f: string) => fs.readFileSync(f, 'utf8');
// Note marks are structure, not words: "[12]" becomes a link (fidelity.py removes them too).
const withoutMarks = (s: string) => s.replace(/\[\d{1,3}\]/g, ' ');

const CASES: Case[] = [
  {
    name: 'the Lenin fragment (OCR’d ¹) ²) notes, no marks left)',
    files: [seed('000_2f9e59acdd16dd5e.txt')],
    args: ['--title', 'An alle Parteimitglieder'],
    words: () => textWords(raw(seed('000_2f9e59acdd16dd5e.txt'))),
    textWords: () => textWords(raw(seed('000_2f9e59acdd16dd5e.txt')).replace(/^['²]\)/gm, ' ')),
    notes: 2,
    unanchored: ['1', '2'],
    counts: { 'notes-found': 2, 'source-line': 1 },
    doubts: [['note-unanchored', 7], ['note-unanchored', 11], ['source-line', 5]],
    cutRules: [],
  },
  {
    name: 'the web article ([n] marks, “Anmerkungen:”, NBSP lines, website junk)',
    files: [seed('002_10cefb8d0ef24683.txt')],
    args: ['--title', 'Rote Armee und Komintern'],
    words: () => textWords(raw(seed('002_10cefb8d0ef24683.txt'))),
    textWords: () => textWords(withoutMarks(raw(seed('002_10cefb8d0ef24683.txt')))),
    notes: 38,
    unanchored: [],
    counts: { 'notes-found': 38, 'notes-linked': 38, headings: 8, verse: 1, 'web-furniture': 6, 'nbsp-spaces': 235, 'double-comma': 12, 'join-lines': 1 },
    doubts: [['join-lines', 258], ['verse', 328]],
    cutRules: ['web-furniture', 'notes-heading'],
  },
  {
    name: 'Markdown with [n] marks and their notes interleaved, one note missing',
    files: [fixture('interleaved.md')],
    words: () => textWords(raw(fixture('interleaved.md')), true),
    textWords: () => textWords(withoutMarks(raw(fixture('interleaved.md'))), true),
    notes: 5,
    unanchored: [],
    counts: { 'notes-interleaved': 5, 'notes-linked': 5, 'double-comma': 1, 'double-apostrophe': 1, 'straight-quotes': 4, dashes: 1, ellipsis: 1, 'title-line': 1 },
    doubts: [['note-missing', 13]],
    cutRules: [],
  },
  {
    name: 'a Standard Ebooks chapter with its endnotes file',
    files: [fixture('se/chapter-1.xhtml'), fixture('se/endnotes.xhtml')],
    args: ['--title', 'The Winter'],
    words: () => [...htmlWords(raw(fixture('se/chapter-1.xhtml'))), ...htmlWords(raw(fixture('se/endnotes.xhtml')))],
    notes: 3,
    unanchored: [],
    counts: { 'notes-linked-by-target': 3, verse: 1, 'notes-other-chapter': 1 },
    // The endnotes file is the book's: its note for chapter II is not part of this text.
    cutRules: ['notes-heading', 'notes-other-chapter'],
  },
  {
    name: 'a web page (navigation, sidebar, cookie banner, footer around the article)',
    files: [fixture('web-article.html')],
    words: () => htmlWords(raw(fixture('web-article.html'))),
    textWords: () => htmlWords(withoutMarks(raw(fixture('web-article.html')))),
    notes: 4,
    unanchored: [],
    counts: { 'notes-linked': 4, 'html-navigation': 1, 'html-cookie-banner': 1, 'html-footer': 1, 'html-aside': 1, 'title-line': 1, 'block-quote': 1 },
    cutRules: ['html-header', 'html-navigation', 'html-aside', 'html-cookie-banner', 'html-footer', 'notes-heading'],
  },
  {
    name: 'hard-wrapped Windows-1252 text with hyphenated line ends, verse and superscript marks',
    files: [fixture('provinz-cp1252.txt')],
    words: () => textWords(new TextDecoder('windows-1252').decode(fs.readFileSync(fixture('provinz-cp1252.txt')))),
    textWords: () => textWords(new TextDecoder('windows-1252').decode(fs.readFileSync(fixture('provinz-cp1252.txt'))).replace(/[¹²³]/g, ' ')),
    notes: 3,
    unanchored: [],
    counts: { dehyphenate: 4, 'notes-linked': 3, verse: 1, 'title-line': 1 },
    doubts: [['import-encoding', 1]],
    cutRules: ['notes-heading'],
  },
];

describe.each(CASES)('$name', (c) => {
  let imp: Imported;
  afterAll(() => imp?.project.remove());

  it('imports without a recipe, reporting what each rule did and every doubt with its line', async () => {
    imp = await importInto(c.files, c.args);
    expect(imp.report.written).toBe(true);
    expect(imp.report.counts).toMatchObject(c.counts);
    for (const [rule, line] of c.doubts ?? []) expect(imp.report.doubts).toContainEqual(expect.objectContaining({ rule, line }));
    for (const cut of imp.report.cuts) expect(c.cutRules).toContain(cut.rule);
    const fm = /^unanchored-notes: (.*)$/m.exec(imp.source)?.[1];
    expect(fm ? (JSON.parse(fm) as string[]) : []).toEqual(c.unanchored);
  });

  it('loses no word: each raw word is in the source or cut in the report, with its rule', () => {
    expect(lostWords(c.words(), imp.source, imp.report)).toEqual({});
  });

  it('passes `edition check` without an error', async () => {
    await checkClean(imp);
  });

  it('builds an EPUB that epubcheck passes, every note linked both ways, ≥ 99 % of the raw words in it', async () => {
    const book = await buildEpub(imp);
    const { refs, notes } = notesLinkedBothWays(book);
    expect(notes).toBe(c.notes);
    expect(refs).toBe(c.notes - c.unanchored.length);
    const share = epubWordShare((c.textWords ?? c.words)(), imp.report, book);
    console.log(`[import] ${c.name}: ${notes} notes, ${refs} references, ${(share * 100).toFixed(2)} % of the raw words in the EPUB`);
    expect(share).toBeGreaterThanOrEqual(0.99);
  });
});
