/**
 * Which broken sources concern an edition. A build reports only the texts it
 * builds (issue 8, item 5), so a source with errors fails only the editions
 * that might hold it: one that names it by id, or one with a query that
 * selects by anything but ids (its matches cannot be known without the text).
 */
import type { BrokenSource, Library } from '../library/load.js';
import type { Manifest, Query } from '../manifest/schema.js';

interface Selection {
  texts?: string[] | undefined;
  query?: Query[] | undefined;
}

export function brokenSourcesFor(manifest: Manifest, library: Library): BrokenSource[] {
  if (library.broken.length === 0) return [];
  const selections: Selection[] = [manifest, ...(manifest.parts ?? [])];
  // A query that names no ids may match any text, a broken one too.
  if (selections.some((s) => s.query?.some((q) => !q.id))) return library.broken;
  const named = new Set(selections.flatMap((s) => [...(s.texts ?? []), ...(s.query ?? []).flatMap((q) => q.id ?? [])]));
  return library.broken.filter((b) => b.ids.some((id) => named.has(id)));
}
