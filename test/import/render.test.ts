import { describe, expect, it } from 'vitest';
import { renderSource } from '../../src/import/render.js';

describe('rendering a source', () => {
  it('writes front matter, every kind of block, and notes with indented further paragraphs', () => {
    expect(
      renderSource({
        frontMatter: { id: 'x', title: 'X', lang: 'de' },
        comments: { title: 'Why this title.' },
        startsMidSentence: true,
        blocks: [
          { kind: 'paragraph', text: 'am Ende.[^1]', line: 1 },
          { kind: 'heading', depth: 2, text: 'Teil', line: 2 },
          { kind: 'paragraph', text: '5. März', line: 3 },
          { kind: 'verse', lines: ['Eins,', '- zwei'], line: 4 },
          { kind: 'quote', blocks: [{ kind: 'paragraph', text: 'A.', line: 5 }, { kind: 'paragraph', text: 'B.', line: 5 }], line: 5 },
          { kind: 'list', ordered: false, items: ['a', 'b'], line: 6 },
          { kind: 'rule', line: 7 },
        ],
        notes: [{ label: '1', paragraphs: ['Erste.', 'Zweite.'], line: 9 }],
      }),
    ).toBe(
      '---\nid: "x"\n# Why this title.\ntitle: "X"\nlang: "de"\n---\n\n' +
        '\\[…\\] am Ende.[^1]\n\n## Teil\n\n5\\. März\n\n> Eins,\\\n> \\- zwei\n\n> A.\n>\n> B.\n\n- a\n- b\n\n***\n\n[^1]: Erste.\n\n    Zweite.\n',
    );
  });
});
