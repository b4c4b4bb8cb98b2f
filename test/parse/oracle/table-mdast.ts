/**
 * GFM pipe tables (mdast `table`) → the model's Table block.
 *
 * The GFM spec pads a row that has fewer cells than the header with empty
 * cells and ignores the excess of a longer one; we pad the same way, but an
 * ignored cell would lose words silently, so it is reported.
 */
import type * as Md from 'mdast';
import type { ColumnAlign, Inline, Position, Table, TableCell } from '../../../src/model/types.js';
import type { Reporter } from '../../../src/model/messages.js';

/** What converting a table needs from the Markdown converter. */
export interface CellConverter {
  inlines(nodes: Md.PhrasingContent[]): Inline[];
  pos(node: Md.Node): Position;
  reporter: Reporter;
}

/** Converts one mdast table; the first row is the header row. */
export function convertTable(node: Md.Table, conv: CellConverter): Table {
  const align: ColumnAlign[] = (node.align ?? []).map((a) => a ?? null);
  const [headRow, ...bodyRows] = node.children;
  const columns = Math.max(align.length, headRow?.children.length ?? 0);
  while (align.length < columns) align.push(null);
  const row = (r: Md.TableRow): TableCell[] => {
    if (r.children.length > columns) {
      const extra = r.children[columns]!;
      conv.reporter.warn('table-cells', `table row has ${r.children.length} cells but the header has ${columns}; the cells from here on are not printed`, conv.pos(extra));
    }
    const cells = r.children.slice(0, columns).map((c) => ({ children: conv.inlines(c.children), position: conv.pos(c) }));
    while (cells.length < columns) cells.push({ children: [], position: conv.pos(r) });
    return cells;
  };
  return {
    type: 'table',
    align,
    head: headRow ? row(headRow) : [],
    rows: bodyRows.map(row),
    position: conv.pos(node),
  };
}
