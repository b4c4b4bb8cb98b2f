import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/import/html/dom.js';
import { toBlocks } from '../../../src/import/html/to-blocks.js';
import type { ImportContext } from '../../../src/import/model.js';
import { ImportReport } from '../../../src/import/report.js';

function blocks(html: string) {
  const ctx: ImportContext = { file: 'a.html', lang: 'de', enabled: () => true, recipe: {}, report: new ImportReport(), found: {} };
  return toBlocks(parseHtml(html), { ctx, source: html, refLabel: () => undefined });
}

describe('HTML → blocks', () => {
  it('maps headings, paragraphs, emphasis, web links and block quotes; escapes Markdown in text', () => {
    expect(blocks('<h2>Teil <i>eins</i></h2><p>Ein "Zitat" mit *Sternen* und <a href="https://x.org/a">Link</a>, <a href="/intern">intern</a>.</p><blockquote><p>Zitat.</p></blockquote>')).toEqual([
      { kind: 'heading', depth: 2, text: 'Teil *eins*', line: 1 },
      { kind: 'paragraph', text: 'Ein „Zitat“ mit \\*Sternen\\* und [Link](https://x.org/a), intern.', line: 1 },
      { kind: 'quote', blocks: [{ kind: 'paragraph', text: 'Zitat.', line: 1 }], line: 1 },
    ]);
  });
  it('keeps lines broken by <br> as verse, lists as lists, a table row as a paragraph', () => {
    expect(blocks('<p>Eins<br/>Zwei<br/>Drei</p><ol><li>a</li><li>b <ul><li>c</li></ul></li></ol><table><tr><td>x</td><td>y</td></tr></table>')).toEqual([
      { kind: 'verse', lines: ['Eins', 'Zwei', 'Drei'], line: 1 },
      { kind: 'list', ordered: true, items: ['a', 'b c'], line: 1 },
      { kind: 'paragraph', text: 'x y', line: 1 },
    ]);
  });
  it('in a poem, one line break is enough for verse', () => {
    expect(blocks('<blockquote epub:type="z3998:poem"><p><span>One line,</span><br/><span>two lines.</span></p></blockquote>')).toEqual([{ kind: 'verse', lines: ['One line,', 'two lines.'], line: 1 }]);
  });
  it('turns plain superscript digits into superscript characters (note marks for the notes step)', () => {
    expect(blocks('<p>Wort<sup>12</sup> weiter</p>')).toMatchObject([{ text: 'Wort¹² weiter' }]);
  });
});
