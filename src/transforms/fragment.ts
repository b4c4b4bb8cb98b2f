/**
 * Link fragments to headings. Anchors are `h-` plus the heading's slug
 * (`## Über die Lage` → `h-ueber-die-lage`), which writers rarely guess; so a
 * fragment may also name the heading itself (`#Über die Lage`, `#über-die-lage`),
 * and a fragment that matches nothing gets the nearest anchor suggested.
 */
import { slugify } from '../util/slug.js';
import { closest } from '../util/suggest.js';

export type FragmentMatch = { ok: true; id: string } | { ok: false; hint: string };

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Finds the heading a fragment means among `ids` (the anchors of the target text). */
export function matchFragment(fragment: string, ids: readonly string[]): FragmentMatch {
  if (ids.includes(fragment)) return { ok: true, id: fragment };
  const slug = slugify(decode(fragment));
  const candidates = [`h-${slug}`, slug.startsWith('h-') ? slug : ''];
  const hit = candidates.find((c) => c && ids.includes(c));
  if (hit) return { ok: true, id: hit };
  return { ok: false, hint: hintFor(`h-${slug.replace(/^h-/, '')}`, ids) };
}

/** " (did you mean `#h-…`?)", or the anchors there are, or that the text has no headings. */
function hintFor(wanted: string, ids: readonly string[]): string {
  if (ids.length === 0) return ' (the text has no headings)';
  // A typo is near by edit distance; a heading cited by its first word(s) is contained in the anchor.
  const words = wanted.slice(2);
  const near = closest(wanted, ids) ?? (words.length >= 3 ? ids.find((id) => id.includes(words)) : undefined);
  if (near) return ` (did you mean \`#${near}\`?)`;
  const shown = ids.slice(0, 5).map((id) => `\`#${id}\``).join(', ');
  return ` (its headings: ${shown}${ids.length > 5 ? `, … ${ids.length - 5} more` : ''})`;
}
