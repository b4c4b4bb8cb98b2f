/**
 * The typography code was made faster (issue 9) by checking for a character a
 * pattern needs before running it, and by skipping runs without quotes or
 * addresses. That must never change a character of the output: each rule,
 * the address split, the quote curling and the French spacing are compared
 * with their code before the change (./oracle/) on many generated strings
 * made of the characters and words the patterns look for.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RULES } from '../../../src/transforms/typography/rules.js';
import { splitAddresses } from '../../../src/transforms/typography/urls.js';
import { curlQuotes, newQuoteState, quoteStyle } from '../../../src/transforms/typography/quotes.js';
import { frenchSpacing } from '../../../src/transforms/typography/french.js';
import { RULES as OLD_RULES } from './oracle/rules.js';
import { splitAddresses as oldSplitAddresses } from './oracle/urls.js';
import { curlQuotes as oldCurlQuotes, newQuoteState as oldQuoteState } from './oracle/quotes.js';
import { frenchSpacing as oldFrenchSpacing } from './oracle/french.js';

const PIECES = [
  ' ', '  ', '\u00a0', '\u202f', '\n', '.', '. ', '...', '. . .', ',,', ',', ':', ';', '!', '?', '%', ' %', '-', ' - ', '--', '---', '–', ' – ', '—',
  '"', "'", '„', '“', '‚', '‘', '«', '»', '‹', '›', '(', ')', '/', '@', '://', 'www.', 'mailto:', 'https://a.b/a--b', 'x@y.de',
  'a', 'z', 'B', 'W', 'I', 'S', 'Ä', 'é', 'ß', '𝐀', '1', '17', '298', '2024-01-05', '1917-1921', 'z. B.', 'z.B.', 'd. h.', 'u. Ä.', 'i. d. R.',
  'W. I. Lenin', 'S. 298', 'Bd. 26', 'Nr.', 'Band 29', 'Seite', 'Heft 3', 'pp. 4', 'Marx\' Werke', 'Zinov\'ev', 'Wort', 'Lenin',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const langs = ['de', 'en', 'fr', 'fr-CA', 'de-CH', 'ru', 'it'];
const RUNS = { numRuns: 3000 };

describe('typography after the speed-up = before', () => {
  it('each rule', () => {
    expect(RULES.map((r) => [r.name, r.langs])).toEqual(OLD_RULES.map((r) => [r.name, r.langs]));
    fc.assert(fc.property(text, (s) => RULES.every((rule, i) => rule.apply(s) === OLD_RULES[i]!.apply(s))), RUNS);
  });

  it('the address split', () => {
    fc.assert(fc.property(text, (s) => {
      expect(splitAddresses(s)).toEqual(oldSplitAddresses(s));
    }), RUNS);
  });

  it('quote curling, with its state', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.constantFrom(...langs), (runs, lang) => {
        const state = newQuoteState();
        const old = oldQuoteState();
        for (const s of runs) expect(curlQuotes(s, state, quoteStyle(lang))).toBe(oldCurlQuotes(s, old, quoteStyle(lang)));
        expect(state).toEqual(old);
      }),
      RUNS,
    );
  });

  it('French spacing', () => {
    fc.assert(fc.property(text, fc.constantFrom('', ' ', 'a', '\u202f', '\u00a0', '«'), fc.constantFrom('fr', 'fr-CA'), (s, before, lang) => frenchSpacing(s, before, lang) === oldFrenchSpacing(s, before, lang)), RUNS);
  });
});
