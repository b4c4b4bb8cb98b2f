import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/parse/frontmatter.js';
import { InputError, Reporter, formatMessage } from '../../src/model/messages.js';

function parse(src: string) {
  const reporter = new Reporter();
  const result = parseFrontMatter(src, 'a.md', 'a', reporter);
  return { result, reporter };
}

function errorOf(src: string): string {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof InputError) return e.messages.map(formatMessage).join('\n');
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseFrontMatter', () => {
  it('reads every field and keeps dates as written (YAML 1.2)', () => {
    const { result } = parse('---\nid: x-1\ntitle: T\nsubtitle: S\nauthor: [A, B]\ndate: 1917-11-07\nlang: en\nsource: Q\ntranslator: U\ntags: t\nrights: R\n---\nBody\n');
    expect(result.meta).toEqual({ id: 'x-1', title: 'T', subtitle: 'S', authors: ['A', 'B'], date: { year: 1917, month: 11, day: 7 }, lang: 'en', source: 'Q', translator: 'U', tags: ['t'], rights: 'R' });
    expect(result.body).toBe('Body\n');
    expect(result.bodyLineOffset).toBe(12);
  });

  it('defaults id to the file name and lang to de; a year alone is a date', () => {
    const { result } = parse('---\ntitle: T\nauthor: Lenin\ndate: 1917\n---\nx');
    expect(result.meta.id).toBe('a');
    expect(result.meta.lang).toBe('de');
    expect(result.meta.authors).toEqual(['Lenin']);
    expect(result.meta.date).toEqual({ year: 1917 });
  });

  it('warns about an unknown field with the nearest known name, at its line', () => {
    const { reporter } = parse('---\ntitle: T\nautor: X\n---\nx');
    expect(reporter.warnings.map(formatMessage)).toEqual(['a.md:3:1: warning: unknown field `autor` (did you mean `author`?); it is ignored [frontmatter-unknown-field]']);
  });

  it('names the line of a wrongly typed or malformed field', () => {
    expect(errorOf('---\ntitle: T\ndate: 1917-13\n---\nx')).toBe('a.md:3:1: error: `date` must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD [frontmatter-field]');
    expect(errorOf('---\ntitle: T\ntags: {a: 1}\n---\nx')).toMatch(/^a\.md:3:1: error: `tags`/);
    expect(errorOf('---\ntitle: T\nlang: deutsch\n---\nx')).toMatch(/^a\.md:3:1: error: `lang` must be a BCP 47 language tag/);
  });

  it('reports a missing title and missing front matter', () => {
    expect(errorOf('---\nlang: de\n---\nx')).toBe('a.md:1:1: error: required field `title` is missing [frontmatter-field]');
    expect(errorOf('Just text\n')).toMatch(/^a\.md:1:1: error: no front matter/);
  });

  it('reports malformed YAML with its line', () => {
    expect(errorOf('---\ntitle: T\nauthor: [A\n---\nx')).toMatch(/^a\.md:\d+:\d+: error: invalid YAML/);
  });

  it('does not share data between equal inputs (gray-matter cache)', () => {
    const src = '---\ntitle: T\ntags: [a]\n---\nx';
    const first = parse(src).result;
    first.meta.tags.push('mutated');
    expect(parse(src).result.meta.tags).toEqual(['a']);
  });
});
