/**
 * GFM pipe tables (md-tree `table`) → the model's Table block.
 *
 * The GFM spec pads a row that has fewer cells than the header with empty
 * cells and ignores the excess of a longer one; we pad the same way, but an
 * ignored cell would lose words silently, so it is reported.
 */
import type { ColumnAlign, Inline, Position, Table, TableCell } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import type { MdBlock, Phrasing, Row, Where } from './md-tree.js';

/** What converting a table needs from the Markdown converter. */
export interface CellConverter {
  inlines(nodes: Phrasing[]): Inline[];
  pos(at: Where): Position;
  reporter: Reporter;
}

/** Converts one table; the first row is the header row. */
export function convertTable(node: Extract<MdBlock, { type: 'table' }>, conv: CellConverter): Table {
  const align: ColumnAlign[] = [...node.align];
  const [headRow, ...bodyRows] = node.rows;
  const columns = Math.max(align.length, headRow?.cells.length ?? 0);
  while (align.length < columns) align.push(null);
  const row = (r: Row): TableCell[] => {
    if (r.extra.length > 0) {
      const count = r.cells.length + r.extra.length;
      conv.reporter.warn('table-cells', `table row has ${count} cells but the header has ${columns}; the cells from here on are not printed`, conv.pos(r.extra[0]!));
    }
    const cells = r.cells.slice(0, columns).map((c) => ({ children: conv.inlines(c.children), position: conv.pos(c.at) }));
    while (cells.length < columns) cells.push({ children: [], position: conv.pos(r.at) });
    return cells;
  };
  return {
    type: 'table',
    align,
    head: headRow ? row(headRow) : [],
    rows: bodyRows.map(row),
    position: conv.pos(node.at),
  };
}
