/**
 * The bench's table: one row per case, with time (min and median of the
 * runs), pages/s, MB/s of source, peak RSS and output size. Rates use the
 * median, the run a user most likely sees; min shows what the code can do
 * when the shared machine leaves it alone.
 */
import type { Summary } from './measure.js';

/** What a case is, so comparisons can find their partners (see compare.ts). */
export interface CaseKey {
  tool: 'node' | 'edition' | 'api' | 'pandoc' | 'pdflatex';
  /** Copies of the samples (1, 10, 50), or 'selections'; absent for start-up cases. */
  scale?: number | 'selections';
  format?: 'epub' | 'pdf';
  mode?: 'cold' | 'warm' | 'no-cache' | 'edited' | 'tagged' | 'untagged';
}

export interface CaseResult extends CaseKey {
  name: string;
  /** The command as a user would type it (paths shortened). */
  command: string;
  summary?: Summary;
  /** Why there is no summary: a failed run, or a skip. */
  failure?: string;
  pages?: number;
  sourceBytes?: number;
  outBytes?: number;
}

export const HEADER = ['case', 'command', 'runs', 'min s', 'median s', 'pages', 'pages/s', 'MB/s', 'peak RSS MB', 'out MB'];

/** A number with fixed digits, or n/a. */
export function fmt(n: number | undefined, digits = 2): string {
  return n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits);
}

/** Pages per second of the median run. */
export function pagesPerSecond(r: CaseResult): number | undefined {
  return r.pages !== undefined && r.summary ? r.pages / r.summary.median : undefined;
}

/** Megabytes of source per second of the median run. */
export function sourceMBps(r: CaseResult): number | undefined {
  return r.sourceBytes !== undefined && r.summary ? r.sourceBytes / 1e6 / r.summary.median : undefined;
}

/** The cells of one result's row. A failed or skipped case says why in the runs column onwards. */
export function resultRow(r: CaseResult): string[] {
  if (!r.summary) return [r.name, r.command, r.failure ?? 'skipped', ...Array<string>(HEADER.length - 3).fill('')];
  const s = r.summary;
  return [
    r.name, r.command, String(s.runs), fmt(s.min), fmt(s.median),
    r.pages === undefined ? 'n/a' : String(r.pages),
    fmt(pagesPerSecond(r), 1), fmt(sourceMBps(r)),
    s.maxRssKb === undefined ? 'n/a' : fmt(s.maxRssKb / 1024, 0),
    r.outBytes === undefined ? 'n/a' : fmt(r.outBytes / 1e6),
  ];
}

/**
 * Aligns rows into columns: text columns (the first two) to the left,
 * numbers to the right. A row shorter than the header (a failure message)
 * lets its long cell run on instead of widening the whole column.
 */
export function formatTable(rows: readonly string[][]): string {
  const complete = rows.filter((r) => r.slice(3).some((c) => c !== '') || r === rows[0]);
  const widths = rows[0]!.map((_, i) => Math.max(...complete.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
