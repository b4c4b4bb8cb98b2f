// The typography code before issue 9 made it faster: the oracle of speed.test.ts. Do not change.
/**
 * Typographic replacements, as small named rules with the reason for each.
 * They run on text runs that are already free of Markdown syntax.
 */
import { NARROW_NBSP, NBSP } from './quotes.js';

export interface Rule {
  name: string;
  /** Languages (primary subtags) the rule applies to; empty = all. */
  langs: string[];
  apply: (s: string) => string;
}

/** Abbreviations of two parts that must not be broken across lines (Duden: narrow space). */
const GERMAN_PAIRS = ['z. B.', 'd. h.', 'u. a.', 'o. ä.', 's. o.', 's. u.', 'u. U.', 'z. T.', 'u. dgl.', 'd. i.', 'v. a.', 'i. d. R.', 'm. E.', 'u. Ä.', 'z. Zt.'];

/** Abbreviations that stand before a number and must stay on its line: "S. 298", "Bd. 26". */
const BEFORE_NUMBER = ['S', 'Bd', 'Nr', 'Abs', 'Art', 'Kap', 'Bl', 'Sp', 'Anm', 'Jg', 'Aufl', 'Hft', 'H', 'Bde', 'Tl', 'p', 'pp', 'vol', 'no', 'ch'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Compiled once: the rules run on every text run of the library.
const PAIR_PATTERNS: [RegExp, string][] = GERMAN_PAIRS.map((pair) => {
  const parts = pair.split(' ');
  return [new RegExp(`(?<![\\p{L}])${parts.map(escape).join('\\s?')}`, 'gu'), parts.join(NARROW_NBSP)];
});
const BEFORE_NUMBER_PATTERN = new RegExp(`(?<![\\p{L}])(${BEFORE_NUMBER.map(escape).join('|')})\\.\\s*(?=\\d)`, 'gu');

export const RULES: Rule[] = [
  {
    name: 'ocr-low-quote',
    langs: ['de'],
    // Two commas are a typewriter/OCR stand-in for the German low opening quote.
    apply: (s) => s.replace(/,,(?=\S)/g, '„'),
  },
  {
    name: 'ellipsis',
    langs: [],
    apply: (s) => s.replace(/\.\.\.|\. \. \./g, '…'),
  },
  {
    name: 'number-range',
    langs: [],
    // "S. 298-302", "1917-1921": a range takes an en dash, not a hyphen.
    // ISO dates (2024-01-05) match first and are kept as they are.
    apply: (s) => s.replace(/\b\d{4}-\d{2}-\d{2}\b|(?<=\d)-(?=\d)/g, (m) => (m.length > 1 ? m : '–')),
  },
  {
    name: 'dash',
    langs: ['de', 'fr', 'es', 'it', 'ru'],
    // A spaced hyphen (or double hyphen) is a dash: en dash with a no-break space before it, so no line starts with it.
    apply: (s) => s.replace(/ +(?:--?|–) +/g, `${NBSP}– `).replace(/(?<=\S)--(?=\S)/g, '–'),
  },
  {
    name: 'dash-en',
    langs: ['en'],
    // English (Chicago) sets an unspaced em dash.
    apply: (s) => s.replace(/ +(?:--?|—) +/g, '—').replace(/(?<=\S)---?(?=\S)/g, '—'),
  },
  {
    name: 'abbreviation-pairs',
    langs: ['de'],
    apply: (s) => (s.includes('.') ? PAIR_PATTERNS.reduce((out, [re, joined]) => out.replace(re, joined), s) : s),
  },
  {
    name: 'abbreviation-before-number',
    langs: [],
    apply: (s) => s.replace(BEFORE_NUMBER_PATTERN, `$1.${NBSP}`),
  },
  {
    name: 'word-before-number',
    langs: ['de'],
    // "Band 29", "Nr. 53 bis 63": the number belongs with its word.
    apply: (s) => s.replace(/(?<![\p{L}])(Band|Seite|Heft|Teil|Kapitel|Artikel|Nummer)\s+(?=\d)/gu, `$1${NBSP}`),
  },
  {
    name: 'initials',
    langs: [],
    // "W. I. Lenin": initials stay together (narrow space) and with the name.
    apply: (s) =>
      s
        .replace(/(?<![\p{L}])(\p{Lu})\.\s?(?=\p{Lu}\.)/gu, `$1.${NARROW_NBSP}`)
        .replace(/(?<![\p{L}.\u202f])((?:\p{Lu}\.\u202f)*\p{Lu}\.)\s(?=\p{Lu}\p{Ll})/gu, (m, initials: string) => (initials.includes(NARROW_NBSP) ? `${initials}${NBSP}` : m)),
  },
  {
    name: 'percent',
    langs: ['de', 'fr'],
    // DIN 5008: a (narrow) space between number and percent sign.
    apply: (s) => s.replace(/(?<=\d) ?%/g, `${NARROW_NBSP}%`),
  },
  {
    name: 'spaces',
    langs: [],
    // Runs of ordinary spaces come from pasting; one is enough. No-break spaces are kept.
    apply: (s) => s.replace(/ {2,}/g, ' '),
  },
];

export function rulesFor(lang: string): Rule[] {
  const primary = lang.toLowerCase().split('-')[0]!;
  return RULES.filter((r) => r.langs.length === 0 || r.langs.includes(primary));
}
