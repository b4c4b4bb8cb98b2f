import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatMessage } from '../../src/model/messages.js';
import { fm, parseString } from '../helpers/parse.js';

const parse = (body: string, opts: { projectRoot?: string; file?: string } = {}) => parseString(fm(body), { ...opts, steps: false });

describe('parseMarkdown: blocks', () => {
  it('maps paragraphs, headings, quotes, lists, breaks and thematic breaks', () => {
    const { text } = parse('## Teil\n\nEin *kursiver* und **fetter** Satz.\n\n> Zitat\n\n3. drei\n4. vier\n\n- a\n- b\n\n***\n');
    expect(text.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'blockquote', 'list', 'list', 'thematicBreak']);
    const [h, p, , ol] = text.blocks;
    expect(h).toMatchObject({ type: 'heading', depth: 1, id: 'h-teil' });
    expect(p).toMatchObject({ children: [{ type: 'text', value: 'Ein ' }, { type: 'emphasis' }, { type: 'text', value: ' und ' }, { type: 'strong' }, { type: 'text', value: ' Satz.' }] });
    expect(ol).toMatchObject({ ordered: true, start: 3 });
  });

  it('keeps positions that include the front matter', () => {
    const { text } = parse('\nErster Absatz.\n\nZweiter.\n');
    // 3 lines of front matter, then an empty line: the first paragraph is on line 5.
    expect(text.blocks[0]!.position).toEqual({ file: '/project/sources/probe.md', line: 5, column: 1 });
    expect(text.blocks[1]!.position!.line).toBe(7);
  });

  it('turns a paragraph with hard breaks into verse lines', () => {
    const { text } = parse('> Erste Zeile,\\\n> zweite Zeile,\\\n> dritte.\n');
    const quote = text.blocks[0]!;
    expect(quote.type).toBe('blockquote');
    const verse = quote.type === 'blockquote' ? quote.children[0]! : undefined;
    expect(verse).toMatchObject({ type: 'verse', lines: [[{ value: 'Erste Zeile,' }], [{ value: 'zweite Zeile,' }], [{ value: 'dritte.' }]] });
  });

  it('normalises heading depths so the shallowest is 1, with unique ids', () => {
    const { text } = parse('### A\n\n#### B\n\n### A\n');
    expect(text.blocks.map((b) => (b.type === 'heading' ? [b.depth, b.id] : null))).toEqual([[1, 'h-a'], [2, 'h-b'], [1, 'h-a-2']]);
  });
});

describe('parseMarkdown: notes', () => {
  it('keeps definitions with several paragraphs and emphasis', () => {
    const { text } = parse('Text[^1].\n\n[^1]: Erster *Absatz*.\n\n    Zweiter Absatz.\n');
    expect(text.notes).toHaveLength(1);
    expect(text.notes[0]!.blocks).toHaveLength(2);
    expect(text.notes[0]!.position!.line).toBe(6);
  });

  it('reports an undefined reference at its line and column', () => {
    const { reporter } = parse('Erste Zeile.\nZweite[^x] Zeile.\n');
    expect(reporter.errors.map(formatMessage)).toEqual(['/project/sources/probe.md:5:7: error: note reference [^x] has no definition [note-undefined]']);
  });

  it('reports a second definition of the same label', () => {
    const { reporter } = parse('A[^1].\n\n[^1]: eins\n\n[^1]: zwei\n');
    expect(reporter.errors.map(formatMessage)).toEqual(['/project/sources/probe.md:8:1: error: note [^1] is defined twice (first at line 6) [note-duplicate]']);
  });
});

describe('parseMarkdown: raw HTML', () => {
  it('maps harmless inline tags into the model and drops comments', () => {
    const { text, reporter } = parse('a<sup>2</sup> <i>b</i> <span lang="en">c</span><br>d <!-- note to self -->\n');
    expect(reporter.messages).toEqual([]);
    expect(text.blocks[0]).toMatchObject({
      type: 'verse',
      lines: [[{ type: 'text', value: 'a' }, { type: 'superscript' }, { type: 'text', value: ' ' }, { type: 'emphasis' }, { type: 'text', value: ' ' }, { type: 'lang', lang: 'en' }], [{ type: 'text', value: 'd ' }]],
    });
  });

  it('drops the tags of HTML elements without a meaning, keeps their words, and warns once', () => {
    const { text, reporter } = parse('a <font color="red">b</font> c\n');
    expect(reporter.warnings.map((m) => m.rule)).toEqual(['html-unsupported']);
    expect(text.blocks[0]).toMatchObject({ children: [{ type: 'text', value: 'a b c' }] });
  });

  it('keeps angle brackets that are not HTML visible, verbatim, with a warning', () => {
    const { text, reporter } = parse('Brief an <Lenin> vom Mai\n');
    expect(reporter.warnings.map((m) => m.rule)).toEqual(['html-unsupported']);
    expect(text.blocks[0]).toMatchObject({ children: [{ type: 'text', value: 'Brief an ' }, { type: 'text', value: '<Lenin>', verbatim: true }, { type: 'text', value: ' vom Mai' }] });
  });

  it('reads Markdown after a leading comment (CommonMark makes the line an HTML block)', () => {
    const { text, reporter } = parse('Vorher.\n\n<!-- Kommentar -->Text _x_ hier.\n');
    expect(reporter.messages).toEqual([]);
    expect(text.blocks[1]).toMatchObject({ type: 'paragraph', children: [{ value: 'Text ' }, { type: 'emphasis' }, { value: ' hier.' }], position: { line: 6 } });
  });

  it('refuses active content', () => {
    expect(parse('a <script>alert(1)</script> b\n').reporter.errors.map((m) => m.rule)).toEqual(['html-forbidden']);
    expect(parse('<iframe src="x"></iframe>\n').reporter.errors.map((m) => m.rule)).toContain('html-forbidden');
  });

  it('ignores event-handler attributes of allowed tags, with a warning', () => {
    const { text, reporter } = parse('<em onclick="evil()">x</em>\n');
    expect(reporter.warnings.map((m) => m.rule)).toEqual(['html-attribute']);
    expect(JSON.stringify(text.blocks)).not.toContain('onclick');
  });
});

describe('parseMarkdown: links and images', () => {
  it('keeps http(s) and mailto links, turns other schemes into text', () => {
    const { text, reporter } = parse('[a](https://x.org) [b](mailto:a@b.c) [c](javascript:alert(1)) [d](ftp://x)\n');
    const kinds = text.blocks[0]!.type === 'paragraph' ? text.blocks[0]!.children.map((c) => c.type) : [];
    expect(kinds.filter((k) => k === 'link')).toHaveLength(2);
    expect(JSON.stringify(text.blocks)).not.toContain('javascript');
    expect(reporter.warnings.map((m) => m.rule)).toEqual(['link-unsafe', 'link-unsafe']);
  });

  it('records links to other sources for the links step, and refuses paths out of the project', () => {
    const { text } = parse('[Text](other.md#h-teil)\n');
    expect(text.blocks[0]).toMatchObject({ children: [{ type: 'xref', targetFile: '/project/sources/other.md', fragment: 'h-teil' }] });
    const out = parse('[pw](../../etc/passwd)\n');
    expect(out.reporter.errors.map((m) => m.rule)).toEqual(['path-outside-project']);
  });

  it('makes a figure of a valid image and refuses missing or fake ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-img-'));
    fs.mkdirSync(path.join(dir, 'sources'));
    fs.writeFileSync(path.join(dir, 'sources', 'ok.png'), Buffer.from('89504e470d0a1a0a0000', 'hex'));
    fs.writeFileSync(path.join(dir, 'sources', 'fake.png'), 'not an image');
    const file = path.join(dir, 'sources', 'probe.md');
    const ok = parse('![Karte](ok.png)\n', { projectRoot: dir, file });
    expect(ok.text.blocks[0]).toMatchObject({ type: 'figure', alt: 'Karte', mediaType: 'image/png' });
    expect(parse('![x](missing.png)\n', { projectRoot: dir, file }).reporter.errors[0]!.reason).toMatch(/image not found/);
    expect(parse('![x](fake.png)\n', { projectRoot: dir, file }).reporter.errors[0]!.reason).toMatch(/not a PNG or JPEG/);
  });
});
