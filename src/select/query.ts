/** Matching texts against a query and ordering them. */
import type { PartialDate, TextMeta } from '../model/types.js';
import type { Query, SortOrder } from '../manifest/schema.js';
import { parseDate } from '../parse/frontmatter.js';

/** Compares partial dates; a missing part counts as the earliest (`early`) or latest value. */
export function dateKey(d: PartialDate, early: boolean): number {
  return d.year * 10000 + (d.month ?? (early ? 1 : 12)) * 100 + (d.day ?? (early ? 1 : 31));
}

/** Lowercase without accents, so "Trotzkij" finds "Trotzkí" and "lenin" finds "Lenin". */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** One test per query key: each tells whether `meta` passes that key. */
export const queryKeys: { [K in keyof Query]-?: (meta: TextMeta, value: NonNullable<Query[K]>) => boolean } = {
  id: (meta, ids) => ids.includes(meta.id),
  author: (meta, wanted) => wanted.some((a) => meta.authors.some((m) => fold(m).includes(fold(a)))),
  tags: (meta, wanted) => wanted.every((t) => meta.tags.some((m) => fold(m) === fold(t))),
  lang: (meta, wanted) => langMatches(meta.lang, wanted),
  // A text dated "1917" lies in a range if any part of 1917 does; undated texts lie in none.
  from: (meta, from) => meta.date !== undefined && dateKey(meta.date, false) >= dateKey(parseDate(from), true),
  to: (meta, to) => meta.date !== undefined && dateKey(meta.date, true) <= dateKey(parseDate(to), false),
};

/** "de" matches de, de-CH and de-AT; "de-CH" matches only de-CH (as in HTTP's Accept-Language). */
export function langMatches(textLang: string, wanted: string): boolean {
  const t = textLang.toLowerCase();
  const w = wanted.toLowerCase();
  return w.includes('-') ? t === w : t.split('-')[0] === w;
}

/** Whether `meta` satisfies every key of `query`. */
export function matches(meta: TextMeta, query: Query): boolean {
  return (Object.keys(queryKeys) as (keyof Query)[]).every((k) => query[k] === undefined || (queryKeys[k] as (m: TextMeta, v: unknown) => boolean)(meta, query[k]));
}

/** Whether `meta` satisfies every query of a list (repeated --select are combined with AND). */
export function matchesAll(meta: TextMeta, queries: readonly Query[]): boolean {
  return queries.every((q) => matches(meta, q));
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/**
 * Sorts items by their text's metadata (stable: ties keep their order).
 * 'listed' keeps the order given; undated and authorless texts sort last;
 * ties on author fall back to date, then title, so an author's works read in order.
 */
export function sortMetas<T>(items: T[], order: SortOrder, metaOf: (item: T) => TextMeta): T[] {
  if (order === 'listed') return items;
  const byDate = (a: TextMeta, b: TextMeta) => dateOrder(a) - dateOrder(b);
  const byTitle = (a: TextMeta, b: TextMeta) => collator.compare(a.title, b.title);
  const byAuthor = (a: TextMeta, b: TextMeta) => collator.compare(surname(a.authors[0]), surname(b.authors[0]));
  const chain: Record<Exclude<SortOrder, 'listed'>, ((a: TextMeta, b: TextMeta) => number)[]> = {
    date: [byDate, byTitle],
    title: [byTitle],
    author: [byAuthor, byDate, byTitle],
  };
  const compare = (a: T, b: T) => {
    for (const c of chain[order]) {
      const d = c(metaOf(a), metaOf(b));
      if (d !== 0) return d;
    }
    return 0;
  };
  return [...items].sort(compare);
}

function dateOrder(meta: TextMeta): number {
  return meta.date ? dateKey(meta.date, true) : Number.MAX_SAFE_INTEGER;
}

/** The name authors are sorted by: the last word ("W. I. Lenin" → "Lenin"). */
function surname(author: string | undefined): string {
  return author ? (author.trim().split(/\s+/).pop() ?? author) : '\uffff';
}
