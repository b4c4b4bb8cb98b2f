/**
 * The import API on the seeds without a recipe: the structure an editor
 * would otherwise have had to write a recipe for (importFiles, src/import/import.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import.js';
import { ARTICLE_HEADINGS, nodesOfType, parseMarkdown, splitSource, textOf } from '../cleaning/helpers.js';
import { SEED_FIXTURES } from './helpers.js';

const seed = (f: string) => path.join(SEED_FIXTURES, f);

describe('the web article without a recipe', () => {
  const { markdown, report, id } = importFiles({ files: [seed('002_10cefb8d0ef24683.txt')], flags: { title: 'Rote Armee' } });
  const tree = parseMarkdown(splitSource(markdown).body);
  const defs = nodesOfType(tree, 'footnoteDefinition');

  it('has all 38 notes, note 18 with two paragraphs, every one referenced once', () => {
    expect(id).toBe('rote-armee');
    expect(defs.map((d) => d.identifier)).toEqual(Array.from({ length: 38 }, (_, i) => String(i + 1)));
    expect(defs.find((d) => d.identifier === '18')!.children).toHaveLength(2);
    expect(textOf(defs.find((d) => d.identifier === '18')!.children[1]!)).toMatch(/^Konferenz von Kienthal/);
    expect(nodesOfType(tree, 'footnoteReference').map((r) => r.identifier)).toEqual(defs.map((d) => d.identifier));
  });

  it('finds the eight section headings and the poem, and cuts the website furniture', () => {
    expect(nodesOfType(tree, 'heading').map(textOf)).toEqual(ARTICLE_HEADINGS);
    expect(nodesOfType(tree, 'break')).toHaveLength(13);
    expect(report.cuts.filter((c) => c.rule === 'web-furniture').map((c) => c.text)[0]).toBe('Kontakt');
    expect(markdown).not.toMatch(/Cookies|\u00a0|,,/);
  });
});

describe('the Lenin fragment without a recipe', () => {
  const { markdown } = importFiles({ files: [seed('000_2f9e59acdd16dd5e.txt')], flags: { title: 'Aufruf' } });
  const { data, body } = splitSource(markdown);
  const defs = nodesOfType(parseMarkdown(body), 'footnoteDefinition');

  it('keeps both notes as unanchored notes, note 1 with its second paragraph', () => {
    expect(data['unanchored-notes']).toEqual(['1', '2']);
    expect(defs.map((d) => [d.identifier, d.children.length])).toEqual([
      ['1', 2],
      ['2', 1],
    ]);
  });

  it('moves the source line into the front matter and keeps the emphasis', () => {
    expect(data.source).toBe('W.I. Lenin, Werke, Dietz Verlag Berlin 1961, Bd.26, S. 298-302');
    expect(body).not.toMatch(/Dietz/);
    expect(body).toMatch(/\*gebilligt\*/);
  });
});
