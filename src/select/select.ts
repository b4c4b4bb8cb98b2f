/**
 * Selection: which texts of the library an edition holds, in which order and
 * under which part titles. Ids that match nothing and queries that match
 * nothing are errors at their manifest line (or naming the --select that
 * caused them, for ad-hoc selections).
 */
import type { ParsedSource } from '../parse/source.js';
import type { Library } from '../library/load.js';
import { InputError, type Message } from '../model/messages.js';
import type { Manifest, Query, SortOrder } from '../manifest/schema.js';
import { matchesAll, sortMetas } from './query.js';
import { explainQueries } from './explain.js';
import { didYouMean } from '../util/suggest.js';

export interface SelectedPart {
  title?: string;
  sources: ParsedSource[];
}

/** Where a manifest path is, for messages: a file position, or a description of a command-line argument. */
export type Locate = (path: (string | number)[]) => { file: string; line?: number; column?: number };

interface SelectionSpec {
  texts?: string[] | undefined;
  query?: Query[] | undefined;
  sort?: SortOrder | undefined;
}

const metaOf = (s: ParsedSource) => s.text.meta;

/** The sources matching every query, in library (file name) order. */
export function querySources(library: Library, queries: readonly Query[]): ParsedSource[] {
  return library.sources.filter((s) => matchesAll(s.text.meta, queries));
}

function selectOne(spec: SelectionSpec, library: Library, at: (string | number)[], locate: Locate, messages: Message[]): ParsedSource[] {
  const picked: ParsedSource[] = [];
  const seen = new Set<string>();
  const error = (rule: string, reason: string, p: (string | number)[]) => messages.push({ severity: 'error', rule, reason, ...locate(p) });
  spec.texts?.forEach((id, i) => {
    const s = library.byId.get(id);
    if (!s) error('selection-unknown-id', `no source has the id \`${id}\`${didYouMean(id, [...library.byId.keys()])}`, [...at, 'texts', i]);
    else if (seen.has(id)) error('selection-duplicate', `\`${id}\` is listed twice`, [...at, 'texts', i]);
    else {
      seen.add(id);
      picked.push(s);
    }
  });
  if (spec.query) {
    const queries = spec.query;
    const found = querySources(library, queries);
    if (found.length === 0 && !queries.some((q) => q.id?.some((id) => !library.byId.has(id)))) {
      // Name the first query that alone matches nothing; else the combination is at fault.
      const { index, key, reason } = explainQueries(queries, library.sources.map(metaOf));
      error('selection-empty-query', `the query matches no source: ${reason}`, index === undefined ? [...at, 'query'] : [...at, 'query', index, ...(key ? [key] : [])]);
    }
    queries.forEach((q, qi) =>
      q.id?.forEach((id, k) => {
        if (!library.byId.has(id)) error('selection-unknown-id', `no source has the id \`${id}\`${didYouMean(id, [...library.byId.keys()])}`, [...at, 'query', qi, 'id', k]);
      }),
    );
    // Query results come after the listed ids: in the order of a query's `id` list, else by date, unless a sort is given.
    const idOrder = queries.find((q) => q.id)?.id;
    const ordered = spec.sort && spec.sort !== 'listed' ? sortMetas(found, spec.sort, metaOf)
      : idOrder ? [...found].sort((a, b) => idOrder.indexOf(a.text.meta.id) - idOrder.indexOf(b.text.meta.id))
      : sortMetas(found, 'date', metaOf);
    for (const s of ordered) {
      if (!seen.has(s.text.meta.id)) {
        seen.add(s.text.meta.id);
        picked.push(s);
      }
    }
  }
  if (!spec.texts && !spec.query) {
    error('selection-missing', 'say which texts the edition holds: `texts:` (a list of ids), `query:`, or `parts:`', at);
  }
  return sortMetas(picked, spec.sort ?? 'listed', metaOf);
}

/** Resolves the manifest's selection against the library; every problem is reported, then thrown together. */
export function selectTexts(manifest: Manifest, library: Library, locate: Locate): SelectedPart[] {
  const messages: Message[] = [];
  let parts: SelectedPart[];
  if (manifest.parts) {
    if (manifest.texts || manifest.query) {
      messages.push({ severity: 'error', rule: 'selection-conflict', reason: 'use either `parts:` or top-level `texts:`/`query:`, not both', ...locate(['parts']) });
    }
    // A part without its own sort inherits the manifest's.
    parts = manifest.parts.map((part, i) => ({ title: part.title, sources: selectOne({ ...part, sort: part.sort ?? manifest.sort }, library, ['parts', i], locate, messages) }));
  } else {
    parts = [{ sources: selectOne(manifest, library, [], locate, messages) }];
  }
  const seen = new Map<string, number>();
  parts.forEach((part, i) =>
    part.sources.forEach((s) => {
      const earlier = seen.get(s.text.meta.id);
      if (earlier !== undefined && earlier !== i) {
        messages.push({ severity: 'error', rule: 'selection-duplicate', reason: `text \`${s.text.meta.id}\` is in part ${earlier + 1} and part ${i + 1}`, ...locate(['parts', i]) });
      }
      seen.set(s.text.meta.id, i);
    }),
  );
  if (messages.length) throw new InputError(messages);
  return parts;
}
