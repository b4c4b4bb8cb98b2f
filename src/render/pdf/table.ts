/**
 * A table in the print PDF, booktabs style: a heavy rule above the header
 * row, a light one below it, a heavy one under the last row, no vertical
 * rules. Cells are set ragged (or centred/right as the column says), never
 * justified, hyphenated where a word is wider than its column; column widths come from the content
 * (table-widths.ts). Each row becomes one flow item, so pagination never
 * splits it; a row taller than a page is cut into pieces here first.
 * Pagination repeats the header row on every page the table continues on.
 */
import { tagRows } from './structure.js';
import type { ColumnAlign, Table, TableCell } from '../../model/types.js';
import { runContext, type Env, type LayoutContext } from './blocks.js';
import { baselineOf, type FlowItem, type FlowLine, type FlowRow, type FlowTable } from './flow.js';
import { breakRuns, type Line } from './linebreak.js';
import { toRuns, type Run } from './runs.js';
import { mm, type TableSpec, type TypeSpec } from './style.js';
import { columnWidths, measureRuns } from './table-widths.js';

/** Lays out a table into `out` (the space around it is the caller's, as for other blocks). */
export function layoutTable(table: Table, env: Env, ctx: LayoutContext, out: FlowItem[]): void {
  const spec = ctx.style.config.table;
  const headSpec: TypeSpec = { ...spec, style: spec.headerStyle };
  const lb = ctx.style.config.linebreak;
  const runsOf = (cells: TableCell[], s: TypeSpec) => cells.map((c) => toRuns(c.children, s, runContext(ctx, env.text, c.position ?? table.position)));
  const head = runsOf(table.head, headSpec);
  const body = table.rows.map((r) => runsOf(r, spec));

  const columns = table.align.length;
  const gap = 2 * mm(spec.padding.x);
  const extents = table.align.map((_, i) => {
    const cells = [head[i], ...body.map((r) => r[i])].filter((r): r is Run[] => r !== undefined).map((r) => measureRuns(r, lb));
    return { min: Math.max(0, ...cells.map((c) => c.min)), max: Math.max(0, ...cells.map((c) => c.max)), hyphenated: Math.max(0, ...cells.map((c) => c.hyphenated ?? c.min)) };
  });
  const gaps = gap * Math.max(0, columns - 1);
  const widths = columnWidths(extents, env.width - gaps, spec.width === 'measure');
  // A table narrower than the measure is centred, as a book sets it.
  const tableWidth = widths.reduce((s, w) => s + w, 0) + gaps;
  const left = env.x + Math.max(0, (env.width - tableWidth) / 2);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0) + i * gap);
  // A word exactly as wide as its column must fit: the line breaker splits words wider than
  // the measure less 0.01 pt into letters, so the column gets a hair of slack.
  const setRow = (cells: Run[][]): Line[][] =>
    cells.map((runs, i) => {
      const width = widths[i]! + 0.02;
      // Ragged cells need no hyphens to look even: words are only divided where one is wider than its column.
      const set = measureRuns(runs, lb).min <= width ? withoutSoftHyphens(runs) : runs;
      return breakRuns(set, { width, align: alignOf(table.align[i]), lb });
    });

  const g = geometry(spec);
  const info: FlowTable = { x: left, width: Math.min(tableWidth, env.width), header: undefined as unknown as FlowRow, breakRule: spec.rules.bottom, breakSpace: g.sep + spec.rules.bottom };
  const headRow = makeRow(setRow(head), xs, spec, info, { header: true, above: spec.rules.top, below: spec.rules.mid });
  info.header = headRow;
  headRow.keepWithNext = true; // a header alone at the foot of a page says nothing

  // The tallest row a page can hold below a repeated header, with room for the rule under it.
  const room = ctx.style.geometry.blockHeight - headRow.height - info.breakSpace - 2 * g.padY;
  const maxLines = Math.max(1, Math.floor(room / spec.leading));
  const rows: FlowRow[] = [];
  body.forEach((cells, r) => {
    const lines = setRow(cells);
    const last = r === body.length - 1;
    const count = Math.max(1, ...lines.map((l) => l.length));
    for (let from = 0; from < count; from += maxLines) {
      const piece = lines.map((l) => l.slice(from, from + maxLines));
      const end = last && from + maxLines >= count;
      rows.push(makeRow(piece, xs, spec, info, { header: false, below: end ? spec.rules.bottom : 0 }));
    }
  });
  if (rows.length === 0) headRow.ruleBelow = spec.rules.bottom; // a header without rows still closes
  // The last row never stands alone under a repeated header (a "widow" row).
  if (rows.length >= 2) rows[rows.length - 2]!.keepWithNext = true;

  if (ctx.tags) tagRows(ctx.tags, [headRow, ...rows], xs);
  out.push(headRow, ...rows);
}

/** Vertical measures of a row, pt. */
function geometry(spec: TableSpec) {
  return { padY: mm(spec.padding.y), sep: mm(spec.ruleSep) };
}

function withoutSoftHyphens(runs: Run[]): Run[] {
  return runs.map((r) => (r.kind === 'text' && r.text.includes('\u00ad') ? { ...r, text: r.text.replaceAll('\u00ad', '') } : r));
}

function alignOf(a: ColumnAlign | undefined): 'left' | 'center' | 'right' {
  return a ?? 'left';
}

/** A row from the broken lines of its cells: top-aligned, padded, with room for its rules. */
function makeRow(cells: Line[][], xs: number[], spec: TableSpec, table: FlowTable, o: { header: boolean; above?: number; below: number }): FlowRow {
  const { padY, sep } = geometry(spec);
  const above = o.above ? o.above + sep : 0;
  const count = Math.max(1, ...cells.map((l) => l.length));
  const baseline = baselineOf(spec.leading, spec.size);
  const lines: FlowRow['lines'] = [];
  cells.forEach((cell, i) =>
    cell.forEach((line, k) => {
      const fl: FlowLine = { kind: 'line', height: spec.leading, baseline, x: xs[i]!, line };
      lines.push({ dy: above + padY + k * spec.leading, line: fl });
    }),
  );
  const height = above + padY + count * spec.leading + padY + (o.below ? sep + o.below : 0);
  const row: FlowRow = { kind: 'row', height, lines, table, header: o.header };
  if (o.above) row.ruleAbove = o.above;
  if (o.below) row.ruleBelow = o.below;
  return row;
}
