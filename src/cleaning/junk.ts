/**
 * What a seed carries that is not part of its text: the website's furniture
 * after the article, and bibliographic lines that belong in the front matter.
 *
 * Both are named exactly in the recipe and must be found exactly once, so a
 * changed seed fails loudly instead of losing or keeping text silently.
 */

function indexOfOnly(lines: readonly string[], wanted: string, what: string): number {
  const hits = lines.flatMap((line, i) => (line === wanted ? [i] : []));
  if (hits.length !== 1) {
    throw new Error(`${what} ${JSON.stringify(wanted)} found ${hits.length} times, expected once`);
  }
  return hits[0]!;
}

/** Drops the line `firstJunkLine` and everything after it. */
export function cutTrailingJunk(lines: readonly string[], firstJunkLine: string): string[] {
  return lines.slice(0, indexOfOnly(lines, firstJunkLine, 'junk marker'));
}

/** Removes each of `dropped` (whole lines, compared after cleaning). */
export function dropLines(lines: readonly string[], dropped: readonly string[]): string[] {
  const out = [...lines];
  for (const wanted of dropped) out.splice(indexOfOnly(out, wanted, 'metadata line'), 1);
  return out;
}
