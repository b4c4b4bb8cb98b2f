/**
 * Source positions for inline content, computed only when asked for. An
 * inline token's content is its block's lines with container markers and
 * indentation removed (and a table cell's `\|` unescaped); these functions
 * map an offset in that content back to an offset in the source.
 */

/** A 1-based line and column within one parsed text. */
export interface Where {
  line: number;
  column: number;
}

/** Content offset → (line index within the block, source offset); `lines` holds each line's first non-blank character. */
export function locateInline(content: string, lines: number[], offset: number): { line: number; source: number } {
  let k = 0;
  let lineBegin = 0;
  for (let nl = content.indexOf('\n'); nl !== -1 && nl < offset; nl = content.indexOf('\n', nl + 1)) {
    k++;
    lineBegin = nl + 1;
  }
  // Lines after the first keep their extra indentation in the content; the source offset counts from the first non-blank.
  let lead = 0;
  for (let c = content.charCodeAt(lineBegin + lead); c === 0x20 || c === 0x09; c = content.charCodeAt(lineBegin + lead)) lead++;
  const start = lines[Math.min(k, lines.length - 1)]!;
  return { line: Math.min(k, lines.length - 1), source: start + Math.max(0, offset - lineBegin - lead) };
}

/** One cell of a table row line, as markdown-it splits it. */
export interface RowCell {
  /** Where mdast puts the cell: the pipe before it, or the row's first character. */
  at: number;
  /** The cell's raw text (between pipes) in the source. */
  from: number;
  to: number;
}

/**
 * Splits a row line (`start` is its first non-blank character) at unescaped
 * pipes, dropping an empty first and last cell (leading and trailing pipes) —
 * markdown-it's `escapedSplit`, with offsets.
 */
export function splitRow(src: string, start: number, lineEnd: number): RowCell[] {
  let end = lineEnd;
  while (end > start && (src.charCodeAt(end - 1) === 0x20 || src.charCodeAt(end - 1) === 0x09)) end--;
  const cells: RowCell[] = [];
  let from = start;
  let escaped = false;
  for (let p = start; p < end; p++) {
    const c = src.charCodeAt(p);
    if (c === 0x7c && !escaped) {
      cells.push({ at: from === start ? start : from - 1, from, to: p });
      from = p + 1;
    }
    escaped = c === 0x5c;
  }
  cells.push({ at: from === start ? start : from - 1, from, to: end });
  if (cells.length && cells[0]!.from === cells[0]!.to) cells.shift();
  if (cells.length && cells[cells.length - 1]!.from === cells[cells.length - 1]!.to) cells.pop();
  return cells;
}

/** Offset in a cell's content (trimmed, `\|` unescaped) → source offset. */
export function locateCell(src: string, cell: RowCell, offset: number): number {
  let p = cell.from;
  while (p < cell.to && (src.charCodeAt(p) === 0x20 || src.charCodeAt(p) === 0x09)) p++;
  for (let n = 0; n < offset && p < cell.to; n++, p++) {
    if (src.charCodeAt(p) === 0x5c && src.charCodeAt(p + 1) === 0x7c) p++;
  }
  return p;
}
