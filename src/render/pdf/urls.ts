/**
 * Where a URL printed in running text may break. A hyphen added at a break
 * would print a different address (`old-news-` / `papers.html`), so a URL
 * breaks only after one of a few separators (`/ . - ? & =` by default, as
 * the Chicago Manual and TeX's url package do) and never gets a hyphen or a
 * soft hyphen; the separator stays at the end of the line, which tells the
 * reader that the address goes on.
 */

/** The start of an address: a scheme with `//`, `mailto:`, or `www.`. */
const URL_START = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bmailto:|\bwww\.)/i;
/** Punctuation after an address that belongs to the sentence (no break before it). */
const TRAILING = /[.,;:!?)\]»«“”"'’]+$/;

/**
 * Splits a token that contains an address into pieces between which a line
 * may break, or returns null when there is no address in it. `linked` says
 * the token is the text of a web link: then any token with a `/` counts.
 * Soft hyphens are dropped from the whole token.
 */
export function urlPieces(token: string, breakAfter: string, linked = false): string[] | null {
  const m = URL_START.exec(token);
  if (!m && !(linked && token.includes('/'))) return null;
  const text = token.replaceAll('\u00AD', '');
  const start = m ? URL_START.exec(text)!.index + m[0].length : 0;
  const end = text.length - (TRAILING.exec(text)?.[0].length ?? 0);
  const pieces: string[] = [];
  let from = 0;
  for (let i = start; i < end - 1; i++) {
    // After the last of a run of separators ("//", "?&"), so a line never begins with one.
    if (breakAfter.includes(text[i]!) && !breakAfter.includes(text[i + 1]!) && i + 1 - from >= 2) {
      pieces.push(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  pieces.push(text.slice(from));
  return pieces;
}
