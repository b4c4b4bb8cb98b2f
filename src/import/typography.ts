/**
 * Typography clean-up of raw text, as named rules an editor can turn off in
 * a recipe (`rules: { dashes: false }`). Each rule counts what it changed,
 * for the report. The build applies its own typography too; these rules fix
 * what the build cannot know (`,,` is a quote, not two commas) and make the
 * source itself clean, so `edition check` has nothing to report.
 */
import { curlApostrophes, curlStraightQuotes, doubleCommasToQuote, englishClosingToGerman } from '../cleaning/quotes.js';

export interface TypographyRule {
  name: string;
  /** Languages it applies to (primary subtag); empty: all. */
  langs: string[];
  apply(s: string, lang: string): string;
  /** What counts as one change: matches of this in the input. */
  counts: RegExp;
}

// Straight quotes per language: German „…“, English “…”, French «…» is left to the build (spacing rules).
const OPEN_CLOSE: Record<string, [string, string]> = { de: ['„', '“'], en: ['“', '”'] };
const OPENS_AFTER = /[\s([{„‚–—/]/u;

export const TYPOGRAPHY_RULES: readonly TypographyRule[] = [
  { name: 'double-comma', langs: ['de'], counts: /,,/g, apply: doubleCommasToQuote },
  // Two apostrophes closing a quotation opened with ,, (typewriter habit).
  { name: 'double-apostrophe', langs: ['de'], counts: /''/g, apply: (s) => s.replace(/''/g, '“') },
  {
    name: 'straight-quotes',
    langs: ['de', 'en'],
    counts: /"/g,
    apply: (s, lang) => {
      if (lang === 'de') return curlStraightQuotes(s);
      const [open, close] = OPEN_CLOSE[lang]!;
      return s.replace(/"/g, (_m, at: number) => (at === 0 || OPENS_AFTER.test(s[at - 1]!) ? open : close));
    },
  },
  { name: 'closing-quote', langs: ['de'], counts: /\u201d/g, apply: englishClosingToGerman },
  { name: 'apostrophes', langs: ['de', 'en'], counts: /(?<=\p{L})'(?=\p{L})/gu, apply: curlApostrophes },
  // A hyphen with a space on both sides is a dash; "Arbeiter- und" (one space) stays.
  { name: 'dashes', langs: [], counts: /(?<=\S) - (?=\S)/g, apply: (s) => s.replace(/(?<=\S) - (?=\S)/g, ' – ') },
  { name: 'ellipsis', langs: [], counts: /(?<!\.)\.\.\.(?!\.)/g, apply: (s) => s.replace(/(?<!\.)\.\.\.(?!\.)/g, '…') },
  { name: 'double-spaces', langs: [], counts: /(?<=\S) {2,}(?=\S)/g, apply: (s) => s.replace(/(?<=\S) {2,}(?=\S)/g, ' ') },
];

export const TYPOGRAPHY_RULE_NAMES = TYPOGRAPHY_RULES.map((r) => r.name);

/** Runs every enabled rule that fits the language, counting changes into `count`. */
export function typography(s: string, lang: string, enabled: (rule: string) => boolean, count: (rule: string, n: number) => void): string {
  const primary = lang.toLowerCase().split('-')[0]!;
  let out = s;
  for (const rule of TYPOGRAPHY_RULES) {
    if (!enabled(rule.name) || (rule.langs.length > 0 && !rule.langs.includes(primary))) continue;
    const n = out.match(rule.counts)?.length ?? 0;
    if (n === 0) continue;
    out = rule.apply(out, primary);
    count(rule.name, n);
  }
  return out;
}
