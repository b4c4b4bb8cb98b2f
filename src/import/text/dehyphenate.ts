/**
 * Rejoins words broken at a line end ("Arbei-" + "ter"). The language's
 * hyphenation patterns decide: the hyphen goes if the joined word may be
 * broken exactly there, and stays otherwise ("Sowjet-" + "Regierung" is a
 * compound written with a hyphen). A hyphen before "und"/"oder" is a real one
 * ("Arbeiter- und Bauernregierung") and keeps its space.
 */
import { hyphenateWord, SOFT_HYPHEN } from '../../transforms/hyphenate.js';

// Words after which a hanging hyphen is the elision of a compound part, not a break.
const CONJUNCTIONS = new Set(['und', 'oder', 'bis', 'sowie', 'bzw', 'als', 'wie', 'noch', 'and', 'or', 'to']);

export type JoinKind = 'rejoined' | 'kept-hyphen' | 'kept-compound' | 'plain';

/** How `left` (a line) and `right` (the next line) join into one line of a paragraph. */
export function joinLines(left: string, right: string, lang: string): { text: string; kind: JoinKind; from?: string; to?: string } {
  const l = left.trimEnd();
  const r = right.trimStart();
  const m = /([\p{L}\p{N}]+)-$/u.exec(l);
  if (!m || /\s-$/.test(l)) return { text: `${l} ${r}`, kind: 'plain' };
  // "17-" + "jähriger": a number is never broken, the hyphen is part of the word.
  if (/\p{N}$/u.test(m[1]!)) return { text: `${l}${r}`, kind: 'kept-hyphen' };
  const first = /^\p{L}+/u.exec(r)?.[0];
  if (first === undefined) return { text: `${l}${r}`, kind: 'kept-hyphen' };
  if (CONJUNCTIONS.has(first.toLowerCase())) return { text: `${l} ${r}`, kind: 'kept-compound' };
  // A capital after the break: a hyphenated compound (Sowjet-Regierung), never a broken word.
  if (/^\p{Lu}/u.test(first)) return { text: `${l}${r}`, kind: 'kept-hyphen' };
  const word = m[1]! + first;
  const marked = hyphenateWord(word, lang, { leftMin: 1, rightMin: 1 });
  let letters = 0;
  let breakHere = false;
  for (const ch of marked) {
    if (ch === SOFT_HYPHEN) {
      if (letters === m[1]!.length) breakHere = true;
    } else letters++;
  }
  return breakHere ? { text: `${l.slice(0, -1)}${r}`, kind: 'rejoined', from: `${m[1]}- ${first}`, to: word } : { text: `${l}${r}`, kind: 'kept-hyphen' };
}
