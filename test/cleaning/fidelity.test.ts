/**
 * Nothing lost, nothing invented: the words of each seed's real text equal,
 * as a multiset, the words of its cleaned source (body and notes), measured
 * the way /work/shared/tools/fidelity.py measures.
 *
 * "Real text" is cut from the raw seed here, independently of the cleaner:
 * minus the website junk, minus the source line that became front matter,
 * minus the heading "Anmerkungen:", and minus the note marks ([12], ') and ²)),
 * which become Markdown syntax (`[^12]`) and so are not words on either side.
 */
import { describe, expect, it } from 'vitest';
import { normWords, stripMarkdown, wordDiff } from '../../src/cleaning/words.js';
import { leninAufruf, readSeed, readSource, roteArmeeKomintern } from './helpers.js';

const WEBSITE_JUNK = [
  'Kontakt',
  'Organisier Dich Sidebar neu jetzt',
  'Bücher',
  'Kommunistische Bücher Sidebar 4',
  'Wir benutzen Cookies',
  'Wir nutzen Cookies auf unserer Website. Einige von ihnen sind essenziell für den Betrieb der Seite, während andere uns helfen, diese Website und die Nutzererfahrung zu verbessern (Tracking Cookies).',
];

function withoutJunk(raw: string): string {
  const at = raw.search(/^Kontakt$/m);
  if (at < 0) return raw;
  const junk = raw.slice(at).split('\n').filter((l) => l.trim() !== '');
  expect(junk).toEqual(WEBSITE_JUNK);
  return raw.slice(0, at);
}

function realText(raw: string): string {
  return withoutJunk(raw)
    .replace('W.I. Lenin, Werke, Dietz Verlag Berlin 1961, Bd.26, S. 298-302', ' ')
    .replace(/^Anmerkungen:$/m, ' ')
    .replace(/\[\d+\]/g, ' ')
    .replace(/^['²]\)/gm, ' ');
}

// Word counts of the cleaned sources as /work/shared/tools/fidelity.py reported them.
const PYTHON_COUNTS = new Map([
  [leninAufruf, 328],
  [roteArmeeKomintern, 10963],
]);

describe.each([leninAufruf, roteArmeeKomintern])('words of $id', (recipe) => {
  const expected = normWords(realText(readSeed(recipe)));
  const actual = normWords(stripMarkdown(readSource(recipe)));

  it('are exactly the words of the raw text', () => {
    expect(Object.fromEntries(wordDiff(expected, actual))).toEqual({});
  });

  it('count as the Python auditor counts them', () => {
    expect(actual.length).toBe(PYTHON_COUNTS.get(recipe));
  });

  it('keep the order of the raw text', () => {
    expect(actual.join(' ')).toBe(expected.join(' '));
  });
});
