import { describe, expect, it } from 'vitest';
import { normWords, stripMarkdown, wordDiff } from '../../src/cleaning/words.js';

// Expected values are what /work/shared/tools/fidelity.py gives for the same strings.
describe('normWords (port of fidelity.py norm_words)', () => {
  it('lowercases and drops every kind of quote', () => {
    expect(normWords('„Entente“imperialisten ,,Die "Masse" Zinov’ev')).toEqual(['entente', 'imperialisten', 'die', 'masse', 'zinov', 'ev']);
  });
  it('splits a note number glued to its word', () => {
    expect(normWords('verewigt15 und B52 und 1917er')).toEqual(['verewigt', '15', 'und', 'b52', 'und', '1917er']);
  });
  it('treats NBSP and narrow NBSP as spaces, removes soft hyphens, keeps Unicode letters and digits', () => {
    expect(normWords('Chru\u00adščev\u00a0Bábel\u202f²)')).toEqual(['chruščev', 'bábel', '²']);
  });
});

describe('stripMarkdown (port of fidelity.py strip_markdown)', () => {
  it('removes front matter, footnote labels, block markers, emphasis and backslashes', () => {
    const md = '---\ntitle: "T"\n---\n\n## Kopf\n\n> Vers\\\n> Zeile[^38]\n\n5\\. März *so*\n\n[^38]: Note.\n';
    expect(normWords(stripMarkdown(md))).toEqual(['kopf', 'vers', 'zeile', '5', 'märz', 'so', 'note']);
  });
  it('keeps the text of links and drops HTML comments', () => {
    expect(normWords(stripMarkdown('[Text](http://x) <!-- weg --> da'))).toEqual(['text', 'da']);
  });
});

describe('wordDiff', () => {
  it('reports missing words as positive and extra words as negative', () => {
    expect([...wordDiff(['a', 'a', 'b'], ['a', 'c'])]).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', -1],
    ]);
  });
});
