/**
 * Cleaned lines → raw blocks. In the seeds one line is one paragraph and
 * blank lines only separate; the exceptions are named in the recipe: verse,
 * and every place where two text lines touch without a separator, which is
 * either a lost separator or a broken line and needs a reader's decision.
 */

/** Two text lines that touch: `after` is the end of the first one. */
export interface Seam {
  after: string;
  /** join: one paragraph (a space replaces the break); split: two paragraphs. */
  action: 'join' | 'split';
  why: string;
}

/** Lines kept as verse, from the line starting with `first` to the one starting with `last`. */
export interface VerseSpan {
  first: string;
  last: string;
}

export type RawBlock =
  | { kind: 'paragraph'; text: string; line: number; blankBefore: boolean; blankAfter: boolean }
  | { kind: 'verse'; lines: string[]; line: number };

export function toBlocks(lines: readonly string[], seams: readonly Seam[] = [], verses: readonly VerseSpan[] = []): RawBlock[] {
  const blocks: RawBlock[] = [];
  const usedSeams = new Set<Seam>();
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i] === '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      continue;
    }
    const verse = verses.find((v) => line.startsWith(v.first));
    if (verse) {
      const end = lines.findIndex((l, j) => j >= i && l.startsWith(verse.last));
      if (end < 0) throw new Error(`verse starting ${JSON.stringify(verse.first)} has no last line ${JSON.stringify(verse.last)}`);
      const verseLines = lines.slice(i, end + 1);
      if (verseLines.includes('')) throw new Error(`verse starting ${JSON.stringify(verse.first)} contains a blank line`);
      blocks.push({ kind: 'verse', lines: verseLines, line: i + 1 });
      i = end + 1;
      continue;
    }
    const start = i;
    let text = line;
    while (!blank(i + 1)) {
      const seam = seams.find((s) => lines[i]!.endsWith(s.after));
      if (!seam) throw new Error(`line ${i + 1} runs into line ${i + 2} without a separator: add a seam to the recipe`);
      usedSeams.add(seam);
      if (seam.action === 'split') break;
      text += ` ${lines[++i]!}`;
    }
    blocks.push({ kind: 'paragraph', text, line: start + 1, blankBefore: blank(start - 1), blankAfter: blank(i + 1) });
    i++;
  }
  const unused = seams.filter((s) => !usedSeams.has(s));
  if (unused.length > 0) throw new Error(`seams not found: ${unused.map((s) => JSON.stringify(s.after)).join(', ')}`);
  return blocks;
}
