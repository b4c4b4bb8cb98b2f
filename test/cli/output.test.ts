/** Issue 8, item 16: counts agree with their number in every summary line ("1 note", "2 notes"). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLine } from '../../src/cli/output.js';
import { plural } from '../../src/cli/errors.js';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect([0, 1, 2].map((n) => plural(n, 'note'))).toEqual(['0 notes', '1 note', '2 notes']);
  });
});

describe('fileLine', () => {
  const base = { edition: 'x', format: 'pdf' as const, path: path.resolve('dist/x.pdf'), bytes: 3 * 1024, words: 10, ms: 1 };
  it('says 1 page, 1 text, 1 note — and 2 pages, 2 texts, 2 notes', () => {
    expect(fileLine({ ...base, pages: 1, texts: 1, notes: 1 })).toBe('dist/x.pdf  3 KiB, 1 page, 1 text, 1 note');
    expect(fileLine({ ...base, pages: 2, texts: 2, notes: 2 })).toBe('dist/x.pdf  3 KiB, 2 pages, 2 texts, 2 notes');
  });
});
