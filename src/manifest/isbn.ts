/**
 * ISBN checks: a manifest's ISBN goes into the EPUB identifier (urn:isbn) and
 * the imprint, so a mistyped one must fail the build, not ship. The check
 * digit catches every single-digit error and most transpositions.
 */

/** The ISBN without hyphens and spaces ("978-3-16-148410-0" → "9783161484100"). */
export function normalizeIsbn(isbn: string): string {
  return isbn.replace(/[-\s]/g, '').toUpperCase();
}

/** Why `isbn` is not a valid ISBN-10 or ISBN-13, or undefined when it is. */
export function isbnProblem(isbn: string): string | undefined {
  const s = normalizeIsbn(isbn);
  if (/^\d{13}$/.test(s)) {
    if (!/^97[89]/.test(s)) return 'an ISBN-13 starts with 978 or 979';
    const sum = [...s].reduce((n, d, i) => n + Number(d) * (i % 2 ? 3 : 1), 0);
    return sum % 10 === 0 ? undefined : `check digit is wrong (expected ${(10 - ((sum - Number(s[12])) % 10)) % 10})`;
  }
  if (/^\d{9}[\dX]$/.test(s)) {
    const sum = [...s].reduce((n, d, i) => n + (d === 'X' ? 10 : Number(d)) * (10 - i), 0);
    return sum % 11 === 0 ? undefined : 'check digit is wrong';
  }
  return 'must be an ISBN-10 or ISBN-13 (digits, optionally with hyphens)';
}
