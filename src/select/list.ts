/** Listing sources for `edition list` and the API: the rows of a library, optionally filtered and sorted. */
import type { Library } from '../library/load.js';
import type { Query, SortOrder } from '../manifest/schema.js';
import type { ParsedSource } from '../parse/source.js';
import { isoDate } from '../util/dates.js';
import { querySources } from './select.js';
import { sortMetas } from './query.js';

export interface SourceRow {
  id: string;
  title: string;
  subtitle?: string;
  authors: string[];
  /** ISO partial date ("1917-11"), if the text is dated. */
  date?: string;
  lang: string;
  tags: string[];
  words: number;
  notes: number;
  file: string;
}

/** One row per source matching every query, sorted (default: as the library orders them, by file name). */
export function listSources(library: Library, queries: readonly Query[] = [], sort: SortOrder = 'listed'): SourceRow[] {
  const found = sortMetas(querySources(library, queries), sort, (s) => s.text.meta);
  if (sort === 'listed') {
    // With an id list, "listed" means in the order the ids were given.
    const ids = queries.find((q) => q.id)?.id;
    if (ids) found.sort((a, b) => ids.indexOf(a.text.meta.id) - ids.indexOf(b.text.meta.id));
  }
  return found.map(rowOf);
}

function rowOf(s: ParsedSource): SourceRow {
  const m = s.text.meta;
  return {
    id: m.id,
    title: m.title,
    ...(m.subtitle ? { subtitle: m.subtitle } : {}),
    authors: m.authors,
    ...(m.date ? { date: isoDate(m.date) } : {}),
    lang: m.lang,
    tags: m.tags,
    words: s.text.words,
    notes: s.text.notes.length,
    file: s.text.file,
  };
}
