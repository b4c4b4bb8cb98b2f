import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintFile } from '../../src/lint/lint.js';
import { lintLine, maskTablePadding } from '../../src/lint/rules.js';

describe('edition check on tables', () => {
  it('masks the spaces that line up columns, keeping every column where it was', () => {
    const row = '| 1917 | Ereignis     |    240 |';
    expect(maskTablePadding(row)).toHaveLength(row.length);
    expect(lintLine(row, 'de', { tableRow: true })).toEqual([]);
    // Outside a table the same spaces are still a leftover worth reporting.
    expect(lintLine(row, 'de').map((f) => f.rule.id)).toEqual(['raw-double-space', 'raw-double-space']);
  });

  it('still reports a double space inside a cell’s text', () => {
    expect(lintLine('| zwei  Leerzeichen | x |', 'de', { tableRow: true }).map((f) => [f.rule.id, f.index])).toEqual([['raw-double-space', 6]]);
  });

  it('finds the table rows of a file (also in a quotation) and reports nothing about them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-table-'));
    const file = path.join(dir, 'tab.md');
    const body = [
      '| Jahr | Ereignis          |  Zahl |',
      '|:-----|:------------------|------:|',
      '| 1917 | Oktoberrevolution |   240 |',
      '',
      '> | a   | b   |',
      '> |-----|-----|',
      '> | 1   | 2   |',
      '',
      'Ein Satz mit  zwei Leerzeichen.',
    ].join('\n');
    fs.writeFileSync(file, `---\ntitle: T\n---\n\n${body}\n`);
    try {
      const { messages } = lintFile(file, dir);
      expect(messages.map((m) => [m.rule, m.line])).toEqual([['raw-double-space', 13]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
