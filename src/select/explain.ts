/**
 * Why a query matches nothing, in words a user can act on: the key that
 * alone excludes every text, with the nearest value the library does have.
 */
import type { TextMeta } from '../model/types.js';
import type { Query } from '../manifest/schema.js';
import { matches, queryKeys } from './query.js';
import { closest } from '../util/suggest.js';

/** A hint like "no text has the tag `okotber` (did you mean `oktober`?)", or a general one. */
export function explainNoMatch(query: Query, metas: readonly TextMeta[]): string {
  for (const key of Object.keys(queryKeys) as (keyof Query)[]) {
    const value = query[key];
    if (value === undefined) continue;
    const test = queryKeys[key] as (m: TextMeta, v: unknown) => boolean;
    if (metas.some((m) => test(m, value))) continue;
    const shown = Array.isArray(value) ? value.join(', ') : String(value);
    const known = knownValues(key, metas);
    const near = Array.isArray(value) ? value.map((v) => closest(v, known)).find(Boolean) : closest(String(value), known);
    const hint = near ? ` (did you mean \`${near}\`?)` : '';
    switch (key) {
      case 'id':
        return `no source has the id${Array.isArray(value) && value.length > 1 ? 's' : ''} \`${shown}\`${hint}`;
      case 'author':
        return `no text has an author matching \`${shown}\`${hint}`;
      case 'tags': {
        // A tag no text carries is the likely typo; if each exists, only their combination fails.
        const missing = (value as string[]).find((t) => !metas.some((m) => queryKeys.tags(m, [t])));
        if (missing === undefined) return `no text has all the tags \`${shown}\``;
        const near = closest(missing, known);
        return `no text has the tag \`${missing}\`${near ? ` (did you mean \`${near}\`?)` : ''}`;
      }
      case 'lang':
        return `no text is in the language \`${shown}\` (the library has ${[...new Set(metas.map((m) => m.lang))].join(', ') || 'none'})`;
      default:
        return `no dated text lies ${key === 'from' ? 'on or after' : 'on or before'} ${shown}`;
    }
  }
  return 'each condition matches some texts, but no text matches all of them';
}

function knownValues(key: keyof Query, metas: readonly TextMeta[]): string[] {
  const values = key === 'id' ? metas.map((m) => m.id) : key === 'author' ? metas.flatMap((m) => m.authors.flatMap((a) => [a, ...a.split(/\s+/)])) : key === 'tags' ? metas.flatMap((m) => m.tags) : [];
  return [...new Set(values)];
}

/**
 * For a list of queries (combined with AND) that matches nothing: which one is
 * at fault and why; `index` is undefined when only their combination fails.
 */
export function explainQueries(queries: readonly Query[], metas: readonly TextMeta[]): { index?: number; key?: keyof Query; reason: string } {
  const index = queries.findIndex((q) => !metas.some((m) => matches(m, q)));
  if (index >= 0) {
    const q = queries[index]!;
    const key = (Object.keys(queryKeys) as (keyof Query)[]).find((k) => q[k] !== undefined && !metas.some((m) => matches(m, { [k]: q[k] })));
    return { index, ...(key ? { key } : {}), reason: explainNoMatch(q, metas) };
  }
  return { reason: queries.length > 1 ? 'each condition matches some texts, but no text matches all of them' : explainNoMatch(queries[0]!, metas) };
}
