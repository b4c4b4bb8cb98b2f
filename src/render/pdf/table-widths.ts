/**
 * Column widths of a table from its content, as browsers and LaTeX's
 * tabulary do: each column needs at least its longest word (min) and at most
 * its text on one line (max). When every column fits at its natural width,
 * the table keeps it (or, to fill the measure, the spare room goes to the
 * columns in proportion to that width); otherwise
 * each column gets its minimum plus a share of the rest in proportion to how
 * much it would like to grow (max − min). When even the longest words do not
 * fit, the columns whose words hyphenate give way, down to their longest
 * syllable; only past that are words broken between letters.
 */
import { buildItems } from './linebreak.js';
import type { Run } from './runs.js';
import type { PdfConfig } from './style.js';

export interface Extent {
  /** Widest unbreakable word, pt. */
  min: number;
  /** Widest line when nothing is broken except at forced breaks, pt. */
  max: number;
  /** Widest piece between hyphenation points (with its hyphen), pt: the least a column can take. */
  hyphenated?: number;
}

/** Measures the runs of one cell. Soft hyphens do not count for `min`: a word is kept whole if it can be. */
export function measureRuns(runs: Run[], lb: PdfConfig['linebreak']): Extent {
  // Knuth–Plass items of an unbounded measure: boxes are word parts, glue spaces, penalties breaks.
  const items = buildItems(runs, { width: 1e9, align: 'left', lb: { ...lb, expansion: 0 } });
  let word = 0;
  let piece = 0;
  let line = 0;
  let min = 0;
  let max = 0;
  let hyphenated = 0;
  const endWord = () => {
    min = Math.max(min, word);
    hyphenated = Math.max(hyphenated, piece);
    word = 0;
    piece = 0;
  };
  for (const it of items) {
    if (it.type === 'box') {
      word += it.width;
      piece += it.width;
      line += it.width;
    } else if (it.type === 'glue') {
      endWord();
      if (it.stretch < 1e4) line += it.width; // the fill glue that ends a line is no space
    } else if (it.cost <= -1000) {
      // A forced break (a <br> in the cell, or the cell's end).
      endWord();
      max = Math.max(max, line);
      line = 0;
    } else if (it.flagged) {
      // A hyphenation point: the piece before it ends with a hyphen (width 0 after a hard hyphen).
      hyphenated = Math.max(hyphenated, piece + it.width);
      piece = 0;
    }
  }
  endWord();
  return { min, max: Math.max(max, line), hyphenated };
}

/**
 * Distributes up to `available` pt over columns with the given extents.
 * `fill`: a table that fits at its natural width still spans all of
 * `available`; otherwise it keeps its natural width.
 */
export function columnWidths(columns: Extent[], available: number, fill = true): number[] {
  const n = columns.length;
  if (n === 0) return [];
  const sum = (f: (e: Extent) => number) => columns.reduce((s, e) => s + f(e), 0);
  const maxSum = sum((e) => e.max);
  const minSum = sum((e) => e.min);
  if (maxSum <= 0) return columns.map(() => available / n);
  if (maxSum <= available) return fill ? columns.map((e) => e.max + ((available - maxSum) * e.max) / maxSum) : columns.map((e) => e.max);
  if (minSum <= available) {
    const growSum = maxSum - minSum;
    return columns.map((e) => e.min + ((available - minSum) * (e.max - e.min)) / growSum);
  }
  // Not even the longest words fit: columns whose words can be hyphenated give way first,
  // each down to its longest syllable; only then are letters split.
  const hy = (e: Extent) => Math.min(e.min, e.hyphenated ?? e.min);
  const hySum = sum(hy);
  if (hySum < available) return columns.map((e) => hy(e) + ((available - hySum) * (e.min - hy(e))) / (minSum - hySum));
  return hySum > 0 ? columns.map((e) => (hy(e) * available) / hySum) : columns.map(() => available / n);
}
