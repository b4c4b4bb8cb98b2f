import { describe, expect, it } from 'vitest';
import { HEADER, fmt, formatTable, resultRow, type CaseResult } from './table.js';

const pdf: CaseResult = {
  tool: 'edition', scale: 10, format: 'pdf', mode: 'cold', name: 'samples ×10 pdf cold', command: 'edition build editions/x10.yaml --format pdf',
  summary: { runs: 3, min: 3, median: 4, maxRssKb: 300 * 1024 }, pages: 400, sourceBytes: 870_000, outBytes: 3_440_000,
};

describe('resultRow', () => {
  it('rates pages and source MB by the median run, peak RSS in MB, output in MB', () => {
    expect(resultRow(pdf)).toEqual(['samples ×10 pdf cold', pdf.command, '3', '3.00', '4.00', '400', '100.0', '0.22', '300', '3.44']);
  });
  it('shows n/a for what was not measured', () => {
    const epub: CaseResult = { tool: 'node', name: 'node -e 0', command: 'node -e 0', summary: { runs: 5, min: 0.04, median: 0.05 } };
    expect(resultRow(epub)).toEqual(['node -e 0', 'node -e 0', '5', '0.04', '0.05', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
  });
  it('puts the reason of a skipped or failed case where the runs would be', () => {
    const row = resultRow({ tool: 'pandoc', name: 'pandoc ×10 epub', command: '', failure: 'skipped: pandoc is not installed' });
    expect(row).toHaveLength(HEADER.length);
    expect(row[2]).toBe('skipped: pandoc is not installed');
  });
});

describe('fmt', () => {
  it('fixes the digits and writes n/a for missing or infinite values', () => {
    expect(fmt(1.234)).toBe('1.23');
    expect(fmt(12.34, 0)).toBe('12');
    expect(fmt(undefined)).toBe('n/a');
    expect(fmt(Infinity)).toBe('n/a');
  });
});

describe('formatTable', () => {
  it('aligns text columns left and numbers right', () => {
    const out = formatTable([['case', 'command', 'runs', 'min s'], ['a', 'cmd one', '3', '0.10'], ['longer', 'c', '10', '12.00']]);
    expect(out.split('\n')).toEqual([
      'case    command  runs  min s',
      'a       cmd one     3   0.10',
      'longer  c          10  12.00',
    ]);
  });
  it('lets a long failure message run on without widening its column', () => {
    const out = formatTable([['case', 'command', 'runs', 'min s'], ['a', 'x', '3', '0.10'], ['b', '', 'failed (exit 1): sources/x.md:3:1: broken', '']]);
    expect(out.split('\n')).toEqual([
      'case  command  runs  min s',
      'a     x           3   0.10',
      'b              failed (exit 1): sources/x.md:3:1: broken',
    ]);
  });
});
