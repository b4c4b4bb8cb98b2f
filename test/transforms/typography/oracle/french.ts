// The typography code before issue 9 made it faster: the oracle of speed.test.ts. Do not change.
/**
 * French spacing (Imprimerie nationale, Lexique des règles typographiques):
 * a narrow no-break space (U+202F) before ; ! ? and inside « », a no-break
 * space (U+00A0) before the colon. An ordinary space there lets a line begin
 * with ": « Tout est perdu »"; a missing one is added, as French readers
 * expect it. Canadian French (fr-CA) adds no space before ; ! ? (a typed one
 * becomes the narrow no-break space), only before the colon and inside « ».
 */
import { NARROW_NBSP, NBSP } from './quotes.js';

/** Any space a source may have typed before or after the marks. */
const SPACES = '[ \\u00a0\\u202f\\t]*';
/** What may follow the punctuation for it to be punctuation (not "12:30", "https:", "a?b"). */
const FOLLOW = '(?:$|[\\s»)\\]’”"\'…,.;:!?])';
/** A mark after an opening bracket or another mark gets no space of its own: "(?)", "?!". */
const BEFORE = '(?<=[^\\s(\\[{«;:!?\\u00a0\\u202f])';

const HIGH_PUNCTUATION = new RegExp(`${BEFORE}${SPACES}(?=[;!?]+${FOLLOW})`, 'gu');
/** Canadian French sets no space before ; ! ? — but a space typed there must not break. */
const HIGH_PUNCTUATION_TYPED = new RegExp(`${BEFORE}[ \\u00a0\\u202f\\t]+(?=[;!?]+${FOLLOW})`, 'gu');
const COLON = new RegExp(`${BEFORE}${SPACES}(?=:${FOLLOW})`, 'gu');
const AFTER_OPENING = new RegExp(`«${SPACES}`, 'gu');
const BEFORE_CLOSING = new RegExp(`(?<=\\S)${SPACES}»`, 'gu');

/**
 * Applies the spacing to `s`; `before` is the character preceding it in the
 * paragraph, so a mark at the start of an inline node is spaced from the word
 * before it. The context character itself is never changed.
 */
export function frenchSpacing(s: string, before: string, lang: string): string {
  const canadian = /^fr-ca\b/i.test(lang);
  let t = before + s;
  t = t.replace(canadian ? HIGH_PUNCTUATION_TYPED : HIGH_PUNCTUATION, NARROW_NBSP);
  t = t.replace(COLON, NBSP).replace(AFTER_OPENING, `«${NARROW_NBSP}`).replace(BEFORE_CLOSING, `${NARROW_NBSP}»`);
  let out = t.slice(before.length);
  // A guillemet ending the previous node already brought its space.
  if (before === NARROW_NBSP || before === NBSP) out = out.replace(/^[ \t]+/, '');
  return out;
}
