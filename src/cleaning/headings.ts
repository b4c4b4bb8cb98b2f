/**
 * Section headings in the seeds are bare lines. What tells them from short
 * paragraphs: they stand alone between separators, are short, start with a
 * capital and end without punctuation, and never stand inside a quotation
 * (the letter to Stalin has "Persönlich" and "Hochachtungsvoll Lenin").
 */

const MAX_CHARS = 80;
const MAX_WORDS = 12;

/** The shape of a heading line, judged on the line alone. */
export function looksLikeHeading(text: string): boolean {
  if (text.length > MAX_CHARS || text.split(/\s+/).length > MAX_WORDS) return false;
  if (!/^\p{Lu}/u.test(text) || /\[\^/.test(text)) return false;
  // A closing quote may end a heading (Rückgang des „Plebejerstolzes“); a sentence mark may not.
  return /[\p{L}\p{N}]$/u.test(text.replace(/[“”’‘]+$/u, ''));
}

export interface HeadingCandidate {
  text: string;
  blankBefore: boolean;
  blankAfter: boolean;
  /** Open double quotes before this block (see quoteBalance). */
  quoteDepth: number;
}

export function isHeading(c: HeadingCandidate): boolean {
  return c.blankBefore && c.blankAfter && c.quoteDepth === 0 && looksLikeHeading(c.text);
}
