/** Who a book is by (src/model/credits.ts), from hand-built editions. */
import { describe, expect, it } from 'vitest';
import { bookAuthors, creditsOf } from '../../src/model/credits.js';
import { edition, text } from '../helpers/model-builders.js';

const by = (id: string, ...authors: string[]) => text({ id, authors });
const show = (e: Parameters<typeof creditsOf>[0]) => {
  const c = creditsOf(e);
  return { creators: c.creators.map((x) => `${x.name} (${x.role})`), contributors: c.contributors.map((x) => `${x.name} (${x.role})`) };
};

describe('creditsOf', () => {
  it('gives a single-author edition to its author; editors contribute', () => {
    expect(show(edition({ editors: ['E'], texts: [by('a', 'A'), by('b', 'A')] }))).toEqual({ creators: ['A (aut)'], contributors: ['E (edt)'] });
  });

  it('treats texts written together by the same people as one authorship, in any order', () => {
    expect(show(edition({ texts: [by('a', 'Marx', 'Engels'), by('b', 'Engels', 'Marx')] }))).toEqual({ creators: ['Marx (aut)', 'Engels (aut)'], contributors: [] });
  });

  it('gives an anthology to its editors, its authors contribute', () => {
    expect(show(edition({ editors: ['E', 'F'], texts: [by('a', 'A'), by('b', 'B')] }))).toEqual({ creators: ['E (edt)', 'F (edt)'], contributors: ['A (aut)', 'B (aut)'] });
  });

  it('counts a text without author as a different one: the book is not its one named author\'s', () => {
    expect(show(edition({ texts: [by('a', 'A'), by('b')] }))).toEqual({ creators: [], contributors: ['A (aut)'] });
  });

  it('does not list an editor who also wrote a text twice', () => {
    expect(show(edition({ editors: ['A'], texts: [by('a', 'A'), by('b', 'B')] }))).toEqual({ creators: ['A (edt)'], contributors: ['B (aut)'] });
  });

  it('lets the manifest\'s author win, keeping the other authors and the editors as contributors', () => {
    expect(show(edition({ authors: ['A'], editors: ['E'], texts: [by('a', 'A'), by('b', 'B'), by('c')] }))).toEqual({ creators: ['A (aut)'], contributors: ['E (edt)', 'B (aut)'] });
  });

  it('names on a title page only creators who are authors', () => {
    expect(bookAuthors(creditsOf(edition({ editors: ['E'], texts: [by('a', 'A'), by('b', 'B')] })))).toEqual([]);
    expect(bookAuthors(creditsOf(edition({ texts: [by('a', 'A')] })))).toEqual(['A']);
  });
});
