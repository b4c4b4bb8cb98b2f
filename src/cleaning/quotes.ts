/**
 * German quotation marks. The seeds mix „…“ with three stand-ins that a
 * German edition must not print: ",," (two commas, an OCR/typing artefact
 * for „), straight " and the English closing ”.
 */

/** ",," is never real punctuation in these texts; it is always an opening quote. */
export function doubleCommasToQuote(s: string): string {
  return s.replace(/,,/g, '„');
}

// A straight quote opens after these (or at the start); anywhere else it closes,
// which also covers a quote glued to the next word: „Entente"imperialisten.
const OPENS_AFTER = /[\s([{„‚–—/]/u;

export function curlStraightQuotes(s: string): string {
  return s.replace(/"/g, (_m, offset: number) => {
    const before = offset === 0 ? undefined : s[offset - 1];
    return before === undefined || OPENS_AFTER.test(before) ? '„' : '“';
  });
}

/** After a German „ the closing mark is “; the web page typed the English ”. */
export function englishClosingToGerman(s: string): string {
  return s.replace(/\u201d/g, '“');
}

/** An apostrophe between letters (Zinov'ev) is a typographic ’, not a quote. */
export function curlApostrophes(s: string): string {
  return s.replace(/(?<=\p{L})'(?=\p{L})/gu, '’');
}

export function germanQuotes(s: string): string {
  return curlApostrophes(englishClosingToGerman(curlStraightQuotes(doubleCommasToQuote(s))));
}

/**
 * Open minus closed double quotes in `s`. A heading cannot stand inside a
 * quotation, so headings are only looked for where this sums to zero.
 */
export function quoteBalance(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === '„') n++;
    else if (ch === '“' || ch === '\u201d') n--;
  }
  return n;
}
