import { describe, expect, it } from 'vitest';
import { querySources } from '../../src/select/select.js';
import { langMatches, sortMetas } from '../../src/select/query.js';
import { listSources } from '../../src/select/list.js';
import type { Query, SortOrder } from '../../src/manifest/schema.js';
import { fixtureLibrary, ids } from './helpers.js';

const find = (...queries: Query[]) => ids(querySources(fixtureLibrary(), queries));

describe('query keys', () => {
  it('author: a case- and accent-insensitive part of a name; a list matches any', () => {
    expect(find({ author: ['lenin'] })).toEqual(['lenin-aufruf', 'lenin-brief']);
    expect(find({ author: ['Trotzkí'] })).toEqual(['trotzki-armee']);
    expect(find({ author: ['Lenin', 'Luxemburg'] })).toEqual(['lenin-aufruf', 'lenin-brief', 'luxemburg-revolution']);
    expect(find({ author: ['Marx'] })).toEqual([]);
  });

  it('tags: every listed tag must be carried', () => {
    expect(find({ tags: ['lenin'] })).toEqual(['lenin-aufruf', 'lenin-brief']);
    expect(find({ tags: ['lenin', '1917'] })).toEqual(['lenin-aufruf']);
    expect(find({ tags: ['KOMINTERN'] })).toEqual(['trotzki-armee']);
  });

  it('lang: a primary tag matches its regions, a region only itself', () => {
    expect(find({ lang: 'de' })).toEqual(['lenin-aufruf', 'lenin-brief', 'trotzki-armee', 'zeitung']);
    expect(find({ lang: 'de-CH' })).toEqual(['zeitung']);
    expect(find({ lang: 'en' })).toEqual(['luxemburg-revolution']);
    expect(langMatches('de-AT', 'de-CH')).toBe(false);
  });

  it('from/to: partial dates count as their whole span; undated texts never match', () => {
    expect(find({ from: '1918' })).toEqual(['lenin-brief', 'luxemburg-revolution', 'trotzki-armee']);
    expect(find({ to: '1917' })).toEqual(['lenin-aufruf']);
    expect(find({ from: '1917-11-30', to: '1917-11-30' })).toEqual(['lenin-aufruf']); // "1917-11" contains that day
    expect(find({ from: '1918-10' })).toEqual(['lenin-brief', 'trotzki-armee']); // "1918" reaches into October
    expect(find({ to: '1918-08' })).toEqual(['lenin-aufruf', 'lenin-brief']);
    expect(find({ from: '1923-03-06' })).toEqual([]);
    expect(find({ from: '1900' })).not.toContain('zeitung');
  });

  it('id: any of the ids', () => {
    expect(find({ id: ['zeitung', 'lenin-brief'] })).toEqual(['lenin-brief', 'zeitung']);
  });

  it('keys of one query and queries of a list are combined with AND', () => {
    expect(find({ author: ['Lenin'], from: '1918' })).toEqual(['lenin-brief']);
    expect(find({ author: ['Lenin', 'Trotzki'] }, { tags: ['lenin'] }, { to: '1917' })).toEqual(['lenin-aufruf']);
    expect(find({ lang: 'en' }, { author: ['Lenin'] })).toEqual([]);
  });
});

describe('sort orders', () => {
  const metas = () => fixtureLibrary().sources.map((s) => s.text.meta);
  const sorted = (order: SortOrder) => sortMetas(metas(), order, (m) => m).map((m) => m.id);

  it('listed keeps the given order', () => {
    expect(sorted('listed')).toEqual(['lenin-aufruf', 'lenin-brief', 'luxemburg-revolution', 'trotzki-armee', 'zeitung']);
  });
  it('date: oldest first, a year before its months, undated last', () => {
    expect(sorted('date')).toEqual(['lenin-aufruf', 'lenin-brief', 'luxemburg-revolution', 'trotzki-armee', 'zeitung']);
  });
  it('title: German collation (Ü with U, case-insensitive)', () => {
    expect(sorted('title')).toEqual(['lenin-aufruf', 'lenin-brief', 'luxemburg-revolution', 'trotzki-armee', 'zeitung']);
    expect(sortMetas(['Zeit', 'Über', 'apfel', 'Ähre'], 'title', (t) => ({ id: t, title: t, authors: [], lang: 'de', tags: [] }))).toEqual(['Ähre', 'apfel', 'Über', 'Zeit']);
  });
  it('author: by surname, then date; texts without author last', () => {
    expect(sorted('author')).toEqual(['lenin-aufruf', 'lenin-brief', 'luxemburg-revolution', 'trotzki-armee', 'zeitung']);
  });
});

describe('listSources', () => {
  it('gives rows with words and notes, in id order when ids were given', () => {
    const rows = listSources(fixtureLibrary(), [{ id: ['trotzki-armee', 'lenin-aufruf'] }]);
    expect(rows.map((r) => r.id)).toEqual(['trotzki-armee', 'lenin-aufruf']);
    expect(rows[1]).toMatchObject({ title: 'Aufruf an die Arbeiter', authors: ['W. I. Lenin'], date: '1917-11', lang: 'de', notes: 1 });
    expect(rows[1]!.words).toBeGreaterThan(5);
  });
});
