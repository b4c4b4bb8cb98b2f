/** Plain-text tables for terminal listings: aligned columns, one elastic column cut to the terminal width. */
export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
  /** The column that is shortened (with …) when the table is wider than the terminal. */
  elastic?: boolean;
}

const width = (s: string) => [...s].length;

export function renderTable<T>(rows: T[], columns: Column<T>[], maxWidth = Infinity): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r).replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i]!))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
  const e = columns.findIndex((c) => c.elastic);
  if (e >= 0 && total > maxWidth) widths[e] = Math.max(width(columns[e]!.header), 12, widths[e]! - (total - maxWidth));
  const fit = (s: string, w: number) => (width(s) > w ? `${[...s].slice(0, w - 1).join('')}…` : s);
  const line = (values: string[]) =>
    values
      .map((v, i) => {
        const s = fit(v, widths[i]!);
        const pad = ' '.repeat(widths[i]! - width(s));
        return columns[i]!.align === 'right' ? pad + s : i === values.length - 1 ? s : s + pad;
      })
      .join('  ');
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}
