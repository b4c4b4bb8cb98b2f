import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, validateManifest } from '../../src/manifest/load.js';
import { isbnProblem, normalizeIsbn } from '../../src/manifest/isbn.js';
import { InputError, formatMessage } from '../../src/model/messages.js';

/** Writes `yaml` to a temp file and returns the formatted errors of loading it ([] when valid). */
function errorsOf(yaml: string): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), 'm.yaml');
  fs.writeFileSync(file, yaml);
  try {
    loadManifest(file);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.messages.map((m) => formatMessage({ ...m, file: 'm.yaml' }));
  }
}

describe('manifest validation', () => {
  it('accepts a full manifest and fills in defaults', () => {
    const m = validateManifest({ title: 'T', texts: ['a'], editor: 'E', formats: 'epub', isbn: '978-3-16-148410-0' }, () => ({ file: 'x' }));
    expect(m).toMatchObject({ title: 'T', editor: ['E'], formats: ['epub'], template: 'buch', notes: 'text', isbn: '978-3-16-148410-0' });
    expect(m.lang).toBeUndefined();
  });

  it('names an unknown field with its line and the nearest known name', () => {
    expect(errorsOf('title: T\nsubtitel: S\ntexts: [a]\n')).toEqual(['m.yaml:2:1: error: unknown field `subtitel` (did you mean `subtitle`?) [manifest-field]']);
  });

  it('suggests query and part fields inside queries and parts', () => {
    expect(errorsOf('title: T\nquery:\n  autor: Lenin\n')).toEqual(['m.yaml:3:3: error: unknown field `autor` (did you mean `author`?) [manifest-field]']);
    expect(errorsOf('title: T\nparts:\n  - title: Teil I\n    txts: [a]\n')).toEqual(['m.yaml:4:5: error: unknown field `txts` (did you mean `texts`?) [manifest-field]']);
    expect(errorsOf('title: T\nquery:\n  - author: Lenin\n  - tgs: [x]\n')).toEqual(['m.yaml:4:5: error: unknown field `tgs` (did you mean `tags`?) [manifest-field]']);
  });

  it('reports wrong types at their line, all at once', () => {
    expect(errorsOf('title: [a, b]\nnotes: end\ntexts: a\nformats: [epub, mobi]\n')).toEqual([
      'm.yaml:1:1: error: `title` must be text, not a list; write one value: title: "…" [manifest-field]',
      'm.yaml:2:1: error: `notes` must be one of text, book, not `end` [manifest-field]',
      'm.yaml:3:1: error: `texts` must be a list, not the text `a` [manifest-field]',
      // The position of the item itself.
      'm.yaml:4:17: error: `formats.1` must be one of epub, pdf, cover, booklet, not `mobi` [manifest-field]',
    ]);
  });

  it('reports a missing title and bad dates, languages and sorts', () => {
    expect(errorsOf('texts: [a]\n')).toEqual(['m.yaml:1:1: error: required field `title` is missing [manifest-field]']);
    expect(errorsOf('title: T\ndate: 2026-13\nlang: deutsch\nsort: year\ntexts: [a]\n')).toEqual([
      'm.yaml:2:1: error: `date` must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD [manifest-field]',
      'm.yaml:3:1: error: `lang` must be a BCP 47 language tag such as de, en or de-CH [manifest-field]',
      'm.yaml:4:1: error: `sort` must be one of listed, date, title, author, not `year` [manifest-field]',
    ]);
    expect(errorsOf('title: T\nquery:\n  from: 1917-1\n')).toEqual(['m.yaml:3:3: error: `query.from` must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD [manifest-field]']);
  });

  it('rejects a bad ISBN with the reason', () => {
    expect(errorsOf('title: T\ntexts: [a]\nisbn: 978-3-16-148410-1\n')).toEqual(['m.yaml:3:1: error: `isbn` is not a valid ISBN: check digit is wrong (expected 0) [manifest-field]']);
    expect(errorsOf('title: T\ntexts: [a]\nisbn: "12345"\n')[0]).toMatch(/must be an ISBN-10 or ISBN-13/);
  });

  it('refuses a manifest that is not a mapping, and YAML syntax errors, with a line', () => {
    expect(errorsOf('- a\n- b\n')).toEqual(['m.yaml:1:1: error: a manifest is a mapping of fields (`title: …`) [manifest-field]']);
    expect(errorsOf('title: T\ntitle: U\n')[0]).toMatch(/^m\.yaml:2:1: error: invalid YAML/);
    expect(errorsOf('')).toEqual(['m.yaml:1:1: error: the file is empty [file-empty]']);
  });

  it('says so when the file does not exist', () => {
    expect(() => loadManifest('/nonexistent/m.yaml')).toThrow(/manifest not found/);
  });
});

describe('ISBN', () => {
  it.each([
    ['978-3-16-148410-0', undefined],
    ['9783161484100', undefined],
    ['3-16-148410-X', undefined],
    ['3-16-148410-5', 'check digit is wrong'],
    ['0-306-40615-2', undefined],
    ['0-8044-2957-X', undefined],
    ['979-10-90636-07-1', undefined],
    ['977-3-16-148410-0', 'an ISBN-13 starts with 978 or 979'],
    ['978316148410', 'must be an ISBN-10 or ISBN-13 (digits, optionally with hyphens)'],
  ])('%s', (isbn, problem) => {
    expect(isbnProblem(isbn)?.replace(/ \(expected \d\)/, '')).toBe(problem);
  });

  it('normalizes for the identifier', () => {
    expect(normalizeIsbn('0-8044-2957-x')).toBe('080442957X');
  });
});
