import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/model/types.js';
import { fm, parseString } from '../helpers/parse.js';

const TABLE = [
  'Davor.',
  '',
  '| Jahr | Ereignis | Mitglieder |',
  '|:-----|:--------:|-----------:|',
  '| 1917 | Die "Revolution" -- *der* Umsturz[^a] | 240 000 |',
  '| 1918 | Gründung der [KPD](https://example.org/kpd) |',
  '| 1919 | `a \\| b` | 52 |',
  '',
  '[^a]: Aus der Tabelle.',
  '',
].join('\n');

const tableOf = (blocks: { type: string }[]) => blocks.find((b) => b.type === 'table') as Table;

describe('GFM tables: model shape', () => {
  it('parses alignment, the header row and every body row as a table block', () => {
    const { text, reporter } = parseString(fm(TABLE), { steps: false });
    expect(text.blocks.map((b) => b.type)).toEqual(['paragraph', 'table']);
    const table = tableOf(text.blocks);
    expect(table.align).toEqual(['left', 'center', 'right']);
    expect(table.head.map((c) => c.children)).toEqual([[{ type: 'text', value: 'Jahr' }], [{ type: 'text', value: 'Ereignis' }], [{ type: 'text', value: 'Mitglieder' }]]);
    expect(table.rows).toHaveLength(3);
    // Front matter is 3 lines: the table starts on line 6, its first cell at column 1.
    expect(table.position).toEqual({ file: '/project/sources/probe.md', line: 6, column: 1 });
    expect(table.rows[0]![1]!.position).toMatchObject({ line: 8, column: 8 });
    expect(reporter.messages).toEqual([]);
  });

  it('keeps inline content in cells: emphasis, links, note references, escaped pipes in code', () => {
    const table = tableOf(parseString(fm(TABLE), { steps: false }).text.blocks);
    expect(table.rows[0]![1]!.children).toMatchObject([
      { type: 'text', value: 'Die "Revolution" -- ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'der' }] },
      { type: 'text', value: ' Umsturz' },
      { type: 'noteRef', label: 'a' },
    ]);
    expect(table.rows[1]![1]!.children).toMatchObject([{ type: 'text', value: 'Gründung der ' }, { type: 'link', href: 'https://example.org/kpd', children: [{ type: 'text', value: 'KPD' }] }]);
    // A code span is verbatim (never typeset); `\|` inside it is still a pipe.
    expect(table.rows[2]![1]!.children).toEqual([{ type: 'code', children: [{ type: 'text', value: 'a | b', verbatim: true }] }]);
  });

  it('pads a short row with empty cells, as GFM does', () => {
    const table = tableOf(parseString(fm(TABLE), { steps: false }).text.blocks);
    expect(table.rows[1]).toHaveLength(3);
    expect(table.rows[1]![2]!.children).toEqual([]);
  });

  it('warns (at the first extra cell) about cells beyond the header instead of dropping words silently', () => {
    const { text, reporter } = parseString(fm('| a | b |\n|---|---|\n| 1 | 2 | 3 |\n'), { steps: false });
    expect(tableOf(text.blocks).rows[0]).toHaveLength(2);
    expect(reporter.messages).toMatchObject([{ severity: 'warning', rule: 'table-cells', line: 6, column: 9 }]);
  });

  it('is no longer flattened into a paragraph of pipes and dashes', () => {
    const { text } = parseString(fm(TABLE));
    const paragraphs = text.blocks.filter((b) => b.type === 'paragraph');
    expect(JSON.stringify(paragraphs)).not.toMatch(/\||——|–––/);
  });

  it('applies typography to cell text like paragraphs, after the pipes are parsed', () => {
    const table = tableOf(parseString(fm(TABLE)).text.blocks);
    expect(table.rows[0]![1]!.children[0]).toEqual({ type: 'text', value: 'Die „Revolution“\u00a0– ' });
    // The delimiter row stays syntax: no cell holds a dash made from it.
    expect(JSON.stringify(table)).not.toContain('—');
  });

  it('numbers a note referenced in a cell and counts cell words', () => {
    const { text } = parseString(fm(`${TABLE}\nUnd danach[^b].\n\n[^b]: Zweite.\n`));
    const ref = tableOf(text.blocks).rows[0]![1]!.children.find((c) => c.type === 'noteRef');
    expect(ref).toMatchObject({ label: 'a', occurrence: 1 });
    // Reading order: the note in the table comes before the one after it.
    expect(text.notes.map((n) => [n.label, n.number, n.references])).toEqual([['a', 1, 1], ['b', 2, 1]]);
    // Davor(1) + header(3) + rows(7 + 4 + 4) + "Und danach"(2) + notes(3 + 1); words have a letter or digit.
    expect(text.words).toBe(25);
  });
});
