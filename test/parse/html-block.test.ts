import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/model/messages.js';
import { splitHtmlBlock } from '../../src/parse/html-block.js';
import { fm, parseString } from '../helpers/parse.js';

describe('splitHtmlBlock', () => {
  it('cuts at block-level tags, keeps inline tags for the inline pass, and counts lines', () => {
    expect(splitHtmlBlock('<div class="x">\n  <p>Ein <em>Satz</em>.</p>\n  <p>Zwei</p>\n</div>')).toEqual({
      chunks: [{ text: 'Ein <em>Satz</em>.', lineOffset: 1 }, { text: 'Zwei', lineOffset: 2 }],
      dropped: ['div', 'p'],
    });
  });

  it('refuses a block with a tag that is not HTML', () => {
    expect(splitHtmlBlock('<Lenin>')).toBeUndefined();
  });
});

describe('raw HTML blocks in the model', () => {
  it('drops the block tags, reads the rest as Markdown at its own lines, and warns once', () => {
    const { text, reporter } = parseString(fm('<div onclick="x()">\n    <p>Ein *kursiver* Satz mit <a href="https://x.org">Link</a>.</p>\n    <p>Zweiter "Absatz".</p>\n</div>\n\nDanach.\n'));
    expect(text.blocks).toEqual([
      { type: 'paragraph', position: { file: '/project/sources/probe.md', line: 5, column: 1 }, children: [
        { type: 'text', value: 'Ein ' }, { type: 'emphasis', children: [{ type: 'text', value: 'kursiver' }] }, { type: 'text', value: ' Satz mit ' },
        { type: 'link', href: 'https://x.org', children: [{ type: 'text', value: 'Link' }] }, { type: 'text', value: '.' },
      ] },
      { type: 'paragraph', position: { file: '/project/sources/probe.md', line: 6, column: 1 }, children: [{ type: 'text', value: 'Zweiter „Absatz“.' }] },
      { type: 'paragraph', position: { file: '/project/sources/probe.md', line: 9, column: 1 }, children: [{ type: 'text', value: 'Danach.' }] },
    ]);
    expect(reporter.warnings.map(formatMessage)).toEqual(['/project/sources/probe.md:4:1: warning: raw HTML block: its tags (<div>, <p>) are dropped and its text is kept [html-unsupported]']);
  });

  it('keeps a block that is not HTML visible, as typed', () => {
    const { text, reporter } = parseString(fm("<Lenin an='Sinowjew -- 1917'>\n\nText\n"));
    expect(text.blocks[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: "<Lenin an='Sinowjew -- 1917'>", verbatim: true }] });
    expect(reporter.warnings.map((m) => m.rule)).toEqual(['html-unsupported']);
  });
});
