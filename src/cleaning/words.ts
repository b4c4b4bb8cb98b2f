/**
 * The word measure of /work/shared/tools/fidelity.py (`norm_words`,
 * `strip_markdown`), ported so tests can hold the sources to the same
 * standard the auditor applies. Python's Unicode classes are spelled out:
 * in JavaScript `\w`, `\d` and `\b` are ASCII-only even with the u flag.
 */

const WORD = String.raw`[\p{L}\p{N}_]`;
const LETTER = String.raw`[\p{L}\p{Nl}\p{No}]`; // Python [^\W\d_]
const DIGIT = String.raw`\p{Nd}`;

export function normWords(s: string): string[] {
  let t = s.normalize('NFC').replace(/\u00ad/g, '').replace(/[\u00a0\u202f]/g, ' ');
  t = t.toLowerCase();
  t = t.replace(/[„“”"‚‘’'«»‹›]/g, ' ');
  // A note number glued to its word: "verewigt15".
  t = t.replace(new RegExp(`(${LETTER}{2,})(${DIGIT}+)(?!${WORD})`, 'gu'), '$1 $2');
  return t.match(new RegExp(`${WORD}+`, 'gu')) ?? [];
}

export function stripMarkdown(src: string): string {
  return src
    .replace(/^---\n[\s\S]*?\n(---|\.\.\.)\n/, '')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\{\{<[\s\S]*?>\}\}/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#+|>+|[-*+]|\p{Nd}+[.)])\s/gmu, ' ')
    .replace(/[*_`]/g, ' ')
    .replace(/\\/g, '');
}

/** Word tokens as a multiset. */
export function wordCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Words whose counts differ: positive = missing from `actual`, negative = extra in it. */
export function wordDiff(expected: readonly string[], actual: readonly string[]): Map<string, number> {
  const diff = wordCounts(expected);
  for (const w of actual) diff.set(w, (diff.get(w) ?? 0) - 1);
  for (const [w, n] of diff) if (n === 0) diff.delete(w);
  return diff;
}
