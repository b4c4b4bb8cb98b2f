/**
 * Table → XHTML: a real <table> with the header row in <thead> as
 * <th scope="col"> (screen readers announce it with every cell) and the rows
 * in <tbody>. Column alignment is a class, so the style sheet (and a
 * reader's own) decides how it looks; the wrapper lets a wide table scroll
 * sideways on a phone instead of being cut off.
 */
import type { ColumnAlign, Table, TableCell } from '../../model/types.js';
import type { XhtmlContext } from './context.js';
import { inlinesToXhtml } from './inline.js';

const alignClass = (a: ColumnAlign | undefined): string => (a ? ` class="align-${a}"` : '');

function cell(tag: 'th' | 'td', c: TableCell, align: ColumnAlign | undefined, ctx: XhtmlContext): string {
  const scope = tag === 'th' ? ' scope="col"' : '';
  return `<${tag}${scope}${alignClass(align)}>${inlinesToXhtml(c.children, ctx)}</${tag}>`;
}

/** One table, wrapped in <div class="table-wrap">. */
export function tableToXhtml(node: Table, ctx: XhtmlContext): string {
  const row = (cells: TableCell[], tag: 'th' | 'td') => `<tr>${cells.map((c, i) => cell(tag, c, node.align[i], ctx)).join('')}</tr>`;
  const body = node.rows.length > 0 ? `\n<tbody>\n${node.rows.map((r) => row(r, 'td')).join('\n')}\n</tbody>` : '';
  return `<div class="table-wrap">\n<table class="table">\n<thead>\n${row(node.head, 'th')}\n</thead>${body}\n</table>\n</div>`;
}
