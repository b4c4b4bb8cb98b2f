/**
 * Who a book is by — one rule for every renderer (EPUB package, title pages,
 * PDF info), so the formats cannot disagree (issue 8, item 12: an anthology
 * was credited to the author of its shortest text, and Calibre and every
 * Kindle conversion listed him as the book's author).
 *
 * - The manifest's explicit `author` wins.
 * - Otherwise, when every text names the same author(s), the book is theirs.
 * - Otherwise (texts by different authors, or some by nobody named) the book
 *   is by its editors, or by nobody; the texts' authors are contributors and
 *   are named on their own text openings.
 */
import type { Edition } from './types.js';
import { textsOf } from './types.js';

/** A person in the book's metadata, with a MARC relator code: aut (author), edt (editor). */
export interface Credit {
  name: string;
  role: 'aut' | 'edt';
}

export interface Credits {
  /** The book's creators (dc:creator, PDF Author, the names on the title page). */
  creators: Credit[];
  /** Everyone else credited (dc:contributor). */
  contributors: Credit[];
}

const unique = (names: string[]) => [...new Set(names)];

/** The credits of an edition. */
export function creditsOf(edition: Edition): Credits {
  const { meta } = edition;
  const texts = textsOf(edition);
  const textAuthors = unique(texts.flatMap((t) => t.meta.authors));
  const editors = unique(meta.editors).map((name): Credit => ({ name, role: 'edt' }));
  const key = (names: string[]) => unique(names).sort().join('\u0000');
  const sameAuthors = texts.length > 0 && texts.every((t) => t.meta.authors.length > 0 && key(t.meta.authors) === key(texts[0]!.meta.authors));
  const authors = meta.authors?.length ? unique(meta.authors) : sameAuthors ? textAuthors : [];
  if (authors.length) {
    const others = textAuthors.filter((n) => !authors.includes(n)).map((name): Credit => ({ name, role: 'aut' }));
    return { creators: authors.map((name) => ({ name, role: 'aut' })), contributors: [...editors, ...others] };
  }
  return { creators: editors, contributors: textAuthors.filter((n) => !meta.editors.includes(n)).map((name) => ({ name, role: 'aut' })) };
}

/** The creators who are authors (not editors): the names printed above a title. */
export const bookAuthors = (credits: Credits): string[] => credits.creators.filter((c) => c.role === 'aut').map((c) => c.name);
