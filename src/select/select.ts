/**
 * Selection: which texts of the library an edition holds, in which order and
 * under which part titles. Ids that match nothing and queries that match
 * nothing are errors at their manifest line.
 */
import type { ParsedSource } from '../parse/source.js';
import type { Library } from '../library/load.js';
import { InputError, type Message } from '../model/messages.js';
import type { Manifest, Query, SortOrder } from '../manifest/schema.js';
import { matches, sortMetas } from './query.js';
import { didYouMean } from '../util/suggest.js';

export interface SelectedPart {
  title?: string;
  sources: ParsedSource[];
}

const metaOf = (s: ParsedSource) => s.text.meta;

type PositionOf = (path: (string | number)[]) => { line: number; column: number };

interface SelectionSpec {
  texts?: string[] | undefined;
  query?: Query | undefined;
  sort?: SortOrder | undefined;
}

function selectOne(spec: SelectionSpec, library: Library, at: (string | number)[], file: string, positionOf: PositionOf, messages: Message[]): ParsedSource[] {
  const picked: ParsedSource[] = [];
  const seen = new Set<string>();
  spec.texts?.forEach((id, i) => {
    const s = library.byId.get(id);
    if (!s) {
      messages.push({ severity: 'error', rule: 'selection-unknown-id', reason: `no source has the id \`${id}\`${didYouMean(id, [...library.byId.keys()])}`, file, ...positionOf([...at, 'texts', i]) });
    } else if (!seen.has(id)) {
      seen.add(id);
      picked.push(s);
    }
  });
  if (spec.query) {
    const found = library.sources.filter((s) => matches(s.text.meta, spec.query!));
    if (found.length === 0) {
      messages.push({ severity: 'error', rule: 'selection-empty-query', reason: `the query matches no source (${JSON.stringify(spec.query)})`, file, ...positionOf([...at, 'query']) });
    }
    // Query results come after the listed ids, by date unless a sort is given.
    for (const s of sortMetas(found, spec.sort && spec.sort !== 'listed' ? spec.sort : 'date', metaOf)) {
      if (!seen.has(s.text.meta.id)) {
        seen.add(s.text.meta.id);
        picked.push(s);
      }
    }
  }
  if (!spec.texts && !spec.query) {
    messages.push({ severity: 'error', rule: 'selection-missing', reason: 'say which texts the edition holds: `texts:` (a list of ids), `query:`, or `parts:`', file, ...positionOf(at) });
  }
  return sortMetas(picked, spec.sort ?? 'listed', metaOf);
}

/** Resolves the manifest's selection against the library. */
export function selectTexts(manifest: Manifest, library: Library, file: string, positionOf: PositionOf): SelectedPart[] {
  const messages: Message[] = [];
  let parts: SelectedPart[];
  if (manifest.parts) {
    if (manifest.texts || manifest.query) {
      messages.push({ severity: 'error', rule: 'selection-conflict', reason: 'use either `parts:` or top-level `texts:`/`query:`, not both', file, ...positionOf(['parts']) });
    }
    parts = manifest.parts.map((part, i) => ({ title: part.title, sources: selectOne({ ...part, sort: part.sort ?? manifest.sort }, library, ['parts', i], file, positionOf, messages) }));
  } else {
    parts = [{ sources: selectOne(manifest, library, [], file, positionOf, messages) }];
  }
  const seen = new Map<string, number>();
  parts.forEach((part, i) =>
    part.sources.forEach((s) => {
      const earlier = seen.get(s.text.meta.id);
      if (earlier !== undefined && earlier !== i) {
        messages.push({ severity: 'error', rule: 'selection-duplicate', reason: `text \`${s.text.meta.id}\` is in two parts`, file, ...positionOf(['parts', i]) });
      }
      seen.set(s.text.meta.id, i);
    }),
  );
  if (messages.length) throw new InputError(messages);
  return parts;
}
