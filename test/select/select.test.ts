import { describe, expect, it } from 'vitest';
import { selectTexts, type Locate } from '../../src/select/select.js';
import { locatorFor, validateManifest } from '../../src/manifest/load.js';
import { parseYaml } from '../../src/parse/yaml-positions.js';
import { InputError, formatMessage } from '../../src/model/messages.js';
import { fixtureLibrary, ids } from './helpers.js';

/** Selects from a manifest given as YAML text, so messages carry real line numbers. */
function select(yaml: string) {
  const doc = parseYaml(yaml, 'm.yaml');
  const locate: Locate = locatorFor('m.yaml', doc);
  return selectTexts(validateManifest(doc.data, locate), fixtureLibrary(), locate);
}

function errorsOf(yaml: string): string[] {
  try {
    select(yaml);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.messages.map(formatMessage);
  }
}

describe('selection', () => {
  it('keeps listed ids in order, then query matches by date', () => {
    const [part] = select('title: T\ntexts: [zeitung, lenin-brief]\nquery: {author: [Lenin, Luxemburg]}\n');
    expect(ids(part!.sources)).toEqual(['zeitung', 'lenin-brief', 'lenin-aufruf', 'luxemburg-revolution']);
  });

  it('sorts the whole selection when asked', () => {
    expect(ids(select('title: T\ntexts: [zeitung, lenin-brief, trotzki-armee]\nsort: title\n')[0]!.sources)).toEqual(['lenin-brief', 'trotzki-armee', 'zeitung']);
    expect(ids(select('title: T\nquery: {lang: de}\nsort: author\n')[0]!.sources)).toEqual(['lenin-aufruf', 'lenin-brief', 'trotzki-armee', 'zeitung']);
  });

  it('orders query matches by a query id list when sort is listed', () => {
    expect(ids(select('title: T\nquery: {id: [trotzki-armee, lenin-aufruf]}\n')[0]!.sources)).toEqual(['trotzki-armee', 'lenin-aufruf']);
  });

  it('names the manifest line of an unknown id, with a suggestion', () => {
    expect(errorsOf('title: T\ntexts:\n  - lenin-aufruf\n  - lenin-brif\n')).toEqual(['m.yaml:4:5: error: no source has the id `lenin-brif` (did you mean `lenin-brief`?) [selection-unknown-id]']);
  });

  it('names the manifest line of a query that matches nothing, and why', () => {
    expect(errorsOf('title: T\nquery:\n  author: Lenni\n')).toEqual(['m.yaml:3:3: error: the query matches no source: no text has an author matching `Lenni` (did you mean `Lenin`?) [selection-empty-query]']);
    expect(errorsOf('title: T\nquery:\n  tags: [lenin, armee]\n')).toEqual(['m.yaml:3:3: error: the query matches no source: no text has all the tags `lenin, armee` [selection-empty-query]']);
    expect(errorsOf('title: T\nquery:\n  lang: de\n  tags: [revolutoin]\n')).toEqual(['m.yaml:4:3: error: the query matches no source: no text has the tag `revolutoin` (did you mean `revolution`?) [selection-empty-query]']);
    expect(errorsOf('title: T\nquery: {from: "1930"}\n')[0]).toMatch(/^m\.yaml:2:9: error: the query matches no source: no dated text lies on or after 1930/);
    expect(errorsOf('title: T\nquery:\n  - author: Lenin\n  - lang: en\n')).toEqual(['m.yaml:2:1: error: the query matches no source: each condition matches some texts, but no text matches all of them [selection-empty-query]']);
  });

  it('reports a text listed twice and a selection that names no texts', () => {
    expect(errorsOf('title: T\ntexts: [zeitung, zeitung]\n')).toEqual(['m.yaml:2:18: error: `zeitung` is listed twice [selection-duplicate]']);
    expect(errorsOf('title: T\n')).toEqual(['m.yaml:1:1: error: say which texts the edition holds: `texts:` (a list of ids), `query:`, or `parts:` [selection-missing]']);
  });
});

describe('parts', () => {
  const yaml = [
    'title: T',
    'sort: date',
    'parts:',
    '  - title: "Teil I: 1917–1918"',
    '    query: {to: "1918"}',
    '  - title: "Teil II: Nach 1918"',
    '    texts: [zeitung, trotzki-armee]',
    '    sort: listed',
  ].join('\n');

  it('groups texts under titles; a part inherits the manifest sort unless it has its own', () => {
    const parts = select(yaml);
    expect(parts.map((p) => p.title)).toEqual(['Teil I: 1917–1918', 'Teil II: Nach 1918']);
    expect(ids(parts[0]!.sources)).toEqual(['lenin-aufruf', 'lenin-brief', 'luxemburg-revolution']);
    expect(ids(parts[1]!.sources)).toEqual(['zeitung', 'trotzki-armee']);
  });

  it('refuses a text in two parts and parts beside top-level texts', () => {
    expect(errorsOf('title: T\nparts:\n  - title: A\n    texts: [zeitung]\n  - title: B\n    texts: [zeitung]\n')).toEqual(['m.yaml:5:5: error: text `zeitung` is in part 1 and part 2 [selection-duplicate]']);
    expect(errorsOf('title: T\ntexts: [zeitung]\nparts:\n  - title: A\n    texts: [lenin-brief]\n')).toEqual(['m.yaml:3:1: error: use either `parts:` or top-level `texts:`/`query:`, not both [selection-conflict]']);
  });

  it('places errors inside a part at their line', () => {
    expect(errorsOf('title: T\nparts:\n  - title: A\n    texts: [nope]\n')).toEqual(['m.yaml:4:13: error: no source has the id `nope` [selection-unknown-id]']);
  });
});
