/**
 * Column widths of a table from its content, as browsers and LaTeX's
 * tabulary do: each column needs at least its longest word (min) and at most
 * its text on one line (max). When every column fits at its natural width,
 * the table keeps it (or, to fill the measure, the spare room goes to the
 * columns in proportion to that width); otherwise
 * each column gets its minimum plus a share of the rest in proportion to how
 * much it would like to grow (max − min). Only when even the longest words do
 * not fit are the minimums scaled down, and the words hyphenated or broken.
 */
import { buildItems } from './linebreak.js';
import type { Run } from './runs.js';
import type { PdfConfig } from './style.js';

export interface Extent {
  /** Widest unbreakable word, pt. */
  min: number;
  /** Widest line when nothing is broken except at forced breaks, pt. */
  max: number;
}

/** Measures the runs of one cell. Soft hyphens do not count as break points: a word is kept whole if it can be. */
export function measureRuns(runs: Run[], lb: PdfConfig['linebreak']): Extent {
  // Knuth–Plass items of an unbounded measure: boxes are word parts, glue spaces, penalties breaks.
  const items = buildItems(runs, { width: 1e9, align: 'left', lb: { ...lb, expansion: 0 } });
  let word = 0;
  let line = 0;
  let min = 0;
  let max = 0;
  for (const it of items) {
    if (it.type === 'box') {
      word += it.width;
      line += it.width;
    } else if (it.type === 'glue') {
      min = Math.max(min, word);
      word = 0;
      if (it.stretch < 1e4) line += it.width; // the fill glue that ends a line is no space
    } else if (it.cost <= -1000) {
      // A forced break (a <br> in the cell, or the cell's end).
      min = Math.max(min, word);
      max = Math.max(max, line);
      word = 0;
      line = 0;
    }
  }
  return { min: Math.max(min, word), max: Math.max(max, line) };
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
  if (minSum >= available) return minSum > 0 ? columns.map((e) => (e.min * available) / minSum) : columns.map(() => available / n);
  const growSum = maxSum - minSum;
  return columns.map((e) => e.min + ((available - minSum) * (e.max - e.min)) / growSum);
}
