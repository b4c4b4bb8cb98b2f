/** The committed sources parse as intended: front matter, headings, footnotes, verse, literal brackets. */
import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '../../src/parse/frontmatter.js';
import { ARTICLE_HEADINGS, leninAufruf, nodesOfType, parseMarkdown, readSource, roteArmeeKomintern, splitSource, textOf } from './helpers.js';

describe.each([leninAufruf, roteArmeeKomintern])('every source ($id)', (recipe) => {
  const src = readSource(recipe);
  const { data } = splitSource(src);

  it('has front matter the parser accepts, with the id of its file name', () => {
    expect(frontMatterSchema.safeParse(data).success).toBe(true);
    expect(data.id).toBe(recipe.id);
    expect(data.lang).toBe('de');
    for (const tag of data.tags as string[]) expect(tag).toMatch(/^[a-z0-9-]+$/);
    if (data.date !== undefined) expect(typeof data.date).toBe('string');
  });

  it('keeps no NBSP, no trailing blanks, no whitespace-only line', () => {
    expect(src).not.toMatch(/\u00a0/);
    expect(src).not.toMatch(/[ \t]$/m);
  });

  it('has no list, link, HTML or code block the text did not mean', () => {
    const tree = parseMarkdown(splitSource(src).body);
    for (const type of ['list', 'link', 'linkReference', 'html', 'code', 'thematicBreak'] as const) expect(nodesOfType(tree, type)).toEqual([]);
  });
});

describe('the Lenin fragment', () => {
  const src = readSource(leninAufruf);
  const { data, body } = splitSource(src);
  const tree = parseMarkdown(body);

  it('has its metadata in the front matter and not in the body', () => {
    expect(data).toMatchObject({
      title: 'An alle Parteimitglieder und an alle werktätigen Klassen Rußlands',
      subtitle: 'Vom Zentralkomitee der SDAPR(B) – Schluss des Aufrufs',
      author: 'W. I. Lenin',
      date: '1917-11',
      source: 'W. I. Lenin, Werke, Dietz Verlag Berlin 1961, Bd. 26, S. 298–302',
      'unanchored-notes': ['1', '2'],
    });
    expect(body).not.toMatch(/Dietz/);
  });

  it('keeps the emphasis', () => {
    expect(nodesOfType(tree, 'emphasis').map(textOf)).toEqual(['gebilligt', 'in Wirklichkeit']);
  });

  it('has notes 1 (two paragraphs) and 2 without references', () => {
    const defs = nodesOfType(tree, 'footnoteDefinition');
    expect(defs.map((d) => [d.identifier, d.children.length])).toEqual([
      ['1', 2],
      ['2', 1],
    ]);
    expect(nodesOfType(tree, 'footnoteReference')).toEqual([]);
    expect(textOf(defs[0]!)).toMatch(/^Die linken Sozialrevolutionäre,.*Nach langen Schwankungen/s);
    expect(textOf(defs[1]!)).toBe('Es ist die Beratung gemeint, auf welcher Verhandlungen über die Schaffung einer sogenannten „homogenen sozialistischen Regierung“ stattfanden.');
  });
});

describe('the article', () => {
  const src = readSource(roteArmeeKomintern);
  const { data, body } = splitSource(src);
  const tree = parseMarkdown(body);

  it('has a chosen title and no author or date', () => {
    expect(data.title).toBe('Rote Armee, Kommunistische Internationale und Lenins letzter Kampf');
    expect(data).not.toHaveProperty('author');
    expect(data).not.toHaveProperty('date');
    expect(data).not.toHaveProperty('unanchored-notes');
    expect(src).toMatch(/^# No author: /m);
  });

  it('has the section headings, and no heading inside the letter to Stalin', () => {
    expect(nodesOfType(tree, 'heading').map((h) => [h.depth, textOf(h)])).toEqual(ARTICLE_HEADINGS.map((t) => [2, t]));
  });

  it('has 38 references and 38 notes, each used once', () => {
    const labels = Array.from({ length: 38 }, (_, i) => String(i + 1));
    expect(nodesOfType(tree, 'footnoteReference').map((r) => r.identifier)).toEqual(labels);
    expect(nodesOfType(tree, 'footnoteDefinition').map((d) => d.identifier)).toEqual(labels);
  });

  it('keeps both paragraphs of note 18 in the note', () => {
    const n18 = nodesOfType(tree, 'footnoteDefinition').find((d) => d.identifier === '18')!;
    expect(n18.children.map((c) => [c.type, textOf(c).slice(0, 22)])).toEqual([
      ['paragraph', 'Konferenz von Zimmerwa'],
      ['paragraph', 'Konferenz von Kienthal'],
    ]);
  });

  it('drops the notes heading and the website junk', () => {
    for (const junk of [/Anmerkungen/, /^Kontakt$/m, /Organisier Dich/, /Sidebar/, /Cookies/]) expect(src).not.toMatch(junk);
    expect(src.trimEnd().endsWith('[^38]: Frei übersetzt nach: Jean-Jacques Marie, Lenin, POSI-Ausgaben, Madrid, 2008, S. 345.')).toBe(true);
  });

  it('has only German double quotes (the front matter quotes YAML, so only the body counts)', () => {
    expect(src).not.toContain(',,');
    expect(body).not.toMatch(/["\u201d]/);
    expect(body).toContain('Zinov’ev');
  });

  it('keeps the poem as verse: one block quote, a hard break after each line but the last', () => {
    const quotes = nodesOfType(tree, 'blockquote');
    expect(quotes).toHaveLength(1);
    const verse = textOf(quotes[0]!).split('\n');
    expect(verse).toHaveLength(14);
    expect(verse[0]).toBe('„Wir stimmen mit den Eisenbahnern von Rjasan überein,');
    expect(verse[13]).toBe('Verkauft Lenin nicht!“');
    const lines = body.split('\n').filter((l) => l.startsWith('> '));
    expect(lines.slice(0, -1).every((l) => l.endsWith('\\'))).toBe(true);
    expect(lines.at(-1)).toBe('> Verkauft Lenin nicht!“[^38]');
  });

  it('keeps editorial brackets as literal text', () => {
    const text = nodesOfType(tree, 'text').map((t) => t.value).join('\n');
    for (const s of ['[weiße]', '[…]', '[?‘]', '[die Reaktion]', '[„Geheimrede“]']) expect(text).toContain(s);
  });

  it('keeps the letter to Stalin in its own paragraphs, the date line not a list', () => {
    const paras = nodesOfType(tree, 'paragraph').map(textOf);
    const from = paras.indexOf('„An Genossen Stalin.');
    expect(paras.slice(from, from + 4)).toEqual(['„An Genossen Stalin.', 'Streng vertraulich.', 'Persönlich', 'Kopie an die Genossen Kamenev und Zinov’ev']);
    expect(paras).toContain('5. März 1923.“');
  });

  it('applies the recipe’s seams: a new paragraph in the Trotzki quotation, a joined line before „zu grob', () => {
    const paras = nodesOfType(tree, 'paragraph').map(textOf);
    expect(paras.some((p) => p.startsWith('Die innere Reaktion im Proletariat'))).toBe(true);
    expect(paras.some((p) => p.includes('indem er erklärte, Stalin sei „zu grob, und dieser Mangel'))).toBe(true);
  });
});
