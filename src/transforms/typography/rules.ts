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
const PAIR_PATTERNS: [first: string, RegExp, string][] = GERMAN_PAIRS.map((pair) => {
  const parts = pair.split(' ');
  return [parts[0]!, new RegExp(`(?<![\\p{L}])${parts.map(escape).join('\\s?')}`, 'gu'), parts.join(NARROW_NBSP)];
});
/**
 * Each rule first checks for a character its pattern cannot match without
 * (`.`, `-`, a digit …): most text runs lack it, and the check costs far less
 * than a Unicode regular expression with look-behind run over the whole run
 * (issue 9: typography was the largest share of an EPUB build).
 */
const DOT_BEFORE_NUMBER = /\.\s*\d/;
const WORD_BEFORE_NUMBER = /(?:Band|Seite|Heft|Teil|Kapitel|Artikel|Nummer)\s+\d/;
/** Two initials: a capital (one or two UTF-16 units, never a space), a point, maybe a space, again. */
const TWO_INITIALS = /\S{1,2}\.\s?\S{1,2}\./;
const BEFORE_NUMBER_PATTERN = new RegExp(`(?<![\\p{L}])(${BEFORE_NUMBER.map(escape).join('|')})\\.\\s*(?=\\d)`, 'gu');

export const RULES: Rule[] = [
  {
    name: 'ocr-low-quote',
    langs: ['de'],
    // Two commas are a typewriter/OCR stand-in for the German low opening quote.
    apply: (s) => (s.includes(',,') ? s.replace(/,,(?=\S)/g, '„') : s),
  },
  {
    name: 'ellipsis',
    langs: [],
    apply: (s) => (s.includes('.') ? s.replace(/\.\.\.|\. \. \./g, '…') : s),
  },
  {
    name: 'number-range',
    langs: [],
    // "S. 298-302", "1917-1921": a range takes an en dash, not a hyphen.
    // ISO dates (2024-01-05) match first and are kept as they are.
    apply: (s) => (s.includes('-') ? s.replace(/\b\d{4}-\d{2}-\d{2}\b|(?<=\d)-(?=\d)/g, (m) => (m.length > 1 ? m : '–')) : s),
  },
  {
    name: 'dash',
    langs: ['de', 'fr', 'es', 'it', 'ru'],
    // A spaced hyphen (or double hyphen) is a dash: en dash with a no-break space before it, so no line starts with it.
    apply: (s) => (s.includes('-') || s.includes('–') ? s.replace(/ +(?:--?|–) +/g, `${NBSP}– `).replace(/(?<=\S)--(?=\S)/g, '–') : s),
  },
  {
    name: 'dash-en',
    langs: ['en'],
    // English (Chicago) sets an unspaced em dash.
    apply: (s) => (s.includes('-') || s.includes('—') ? s.replace(/ +(?:--?|—) +/g, '—').replace(/(?<=\S)---?(?=\S)/g, '—') : s),
  },
  {
    name: 'abbreviation-pairs',
    langs: ['de'],
    apply: (s) => (s.includes('.') ? PAIR_PATTERNS.reduce((out, [first, re, joined]) => (out.includes(first) ? out.replace(re, joined) : out), s) : s),
  },
  {
    name: 'abbreviation-before-number',
    langs: [],
    apply: (s) => (DOT_BEFORE_NUMBER.test(s) ? s.replace(BEFORE_NUMBER_PATTERN, `$1.${NBSP}`) : s),
  },
  {
    name: 'word-before-number',
    langs: ['de'],
    // "Band 29", "Nr. 53 bis 63": the number belongs with its word.
    apply: (s) => (WORD_BEFORE_NUMBER.test(s) ? s.replace(/(?<![\p{L}])(Band|Seite|Heft|Teil|Kapitel|Artikel|Nummer)\s+(?=\d)/gu, `$1${NBSP}`) : s),
  },
  {
    name: 'initials',
    langs: [],
    // "W. I. Lenin": initials stay together (narrow space) and with the name.
    apply: (s) => {
      const t = TWO_INITIALS.test(s) ? s.replace(/(?<![\p{L}])(\p{Lu})\.\s?(?=\p{Lu}\.)/gu, `$1.${NARROW_NBSP}`) : s;
      // Only initials joined above can change here (the replacement keeps a match without U+202F).
      return t.includes(NARROW_NBSP)
        ? t.replace(/(?<![\p{L}.\u202f])((?:\p{Lu}\.\u202f)*\p{Lu}\.)\s(?=\p{Lu}\p{Ll})/gu, (m, initials: string) => (initials.includes(NARROW_NBSP) ? `${initials}${NBSP}` : m))
        : t;
    },
  },
  {
    name: 'percent',
    langs: ['de', 'fr'],
    // DIN 5008: a (narrow) space between number and percent sign.
    apply: (s) => (s.includes('%') ? s.replace(/(?<=\d) ?%/g, `${NARROW_NBSP}%`) : s),
  },
  {
    name: 'spaces',
    langs: [],
    // Runs of ordinary spaces come from pasting; one is enough. No-break spaces are kept.
    apply: (s) => (s.includes('  ') ? s.replace(/ {2,}/g, ' ') : s),
  },
];

const rulesByLang = new Map<string, Rule[]>();

export function rulesFor(lang: string): Rule[] {
  let rules = rulesByLang.get(lang);
  if (!rules) {
    const primary = lang.toLowerCase().split('-')[0]!;
    rules = RULES.filter((r) => r.langs.length === 0 || r.langs.includes(primary));
    rulesByLang.set(lang, rules);
  }
  return rules;
}
