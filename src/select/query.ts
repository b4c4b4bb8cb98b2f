/** Matching texts against a query and ordering them. */
import type { PartialDate, TextMeta } from '../model/types.js';
import type { Query, SortOrder } from '../manifest/schema.js';
import { parseDate } from '../parse/frontmatter.js';

/** Compares partial dates; a missing part counts as the earliest (`early`) or latest value. */
function dateKey(d: PartialDate, early: boolean): number {
  return d.year * 10000 + (d.month ?? (early ? 1 : 12)) * 100 + (d.day ?? (early ? 1 : 31));
}

/** Whether `meta` satisfies every key of `query`. */
export function matches(meta: TextMeta, query: Query): boolean {
  if (query.author && !query.author.some((a) => meta.authors.some((m) => m.toLowerCase().includes(a.toLowerCase())))) return false;
  if (query.tags && !query.tags.every((t) => meta.tags.some((m) => m.toLowerCase() === t.toLowerCase()))) return false;
  if (query.lang && meta.lang.toLowerCase().split('-')[0] !== query.lang.toLowerCase().split('-')[0] && meta.lang.toLowerCase() !== query.lang.toLowerCase()) return false;
  if (query.from || query.to) {
    if (!meta.date) return false;
    // A text dated "1917" lies in a range if any part of 1917 does.
    if (query.from && dateKey(meta.date, false) < dateKey(parseDate(query.from), true)) return false;
    if (query.to && dateKey(meta.date, true) > dateKey(parseDate(query.to), false)) return false;
  }
  return true;
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** Sorts metas (stable; ties keep their order). 'listed' keeps the order given. */
export function sortMetas<T>(items: T[], order: SortOrder, metaOf: (item: T) => TextMeta): T[] {
  if (order === 'listed') return items;
  const key: Record<Exclude<SortOrder, 'listed'>, (a: T, b: T) => number> = {
    date: (a, b) => dateOrder(metaOf(a)) - dateOrder(metaOf(b)),
    title: (a, b) => collator.compare(metaOf(a).title, metaOf(b).title),
    author: (a, b) => collator.compare(surname(metaOf(a).authors[0]), surname(metaOf(b).authors[0])),
  };
  return [...items].sort(key[order]);
}

/** Undated texts sort last. */
function dateOrder(meta: TextMeta): number {
  return meta.date ? dateKey(meta.date, true) : Number.MAX_SAFE_INTEGER;
}

function surname(author: string | undefined): string {
  return author ? (author.split(/\s+/).pop() ?? author) : '\uffff';
}
