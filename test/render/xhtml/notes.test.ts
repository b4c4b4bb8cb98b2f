import { describe, expect, it } from 'vitest';
import type { Note } from '../../../src/model/types.js';
import type { XhtmlContext } from '../../../src/render/xhtml/context.js';
import { inlinesToXhtml } from '../../../src/render/xhtml/inline.js';
import { notesSection } from '../../../src/render/xhtml/notes.js';
import { blocksToXhtml } from '../../../src/render/xhtml/block.js';

const labels = { contents: 'Inhalt', notes: 'Anmerkungen', imprint: 'Impressum', sources: 'Quellen', titlePage: 'Titelseite', backToText: 'zurück zum Text', translatedBy: 'Übersetzt von', editedBy: 'Herausgegeben von', noteRef: 'Anmerkung', start: 'Beginn', accessibilitySummary: 'Reiner Text.' };

const note = (label: string, number: number, references: number, text: string): Note => ({ label, number, references, blocks: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });

function ctx(notes: Note[], currentFile = 'text-a.xhtml', notesFile = 'text-a.xhtml'): XhtmlContext {
  return { textId: 'a', lang: 'de', notes: new Map(notes.map((n) => [n.label, n])), notesFile, currentFile, fileOfText: (id) => `text-${id}.xhtml`, labels, imageHref: (s) => s };
}

describe('note references (DAISY markup)', () => {
  it('puts the noteref link inside <sup>, with epub:type, role and a unique id', () => {
    const c = ctx([note('x', 3, 2, 'n')]);
    expect(inlinesToXhtml([{ type: 'noteRef', label: 'x', occurrence: 1 }], c)).toBe('<sup><a epub:type="noteref" role="doc-noteref" id="ref-a-3" href="#note-a-3" aria-label="Anmerkung 3">3</a></sup>');
    expect(inlinesToXhtml([{ type: 'noteRef', label: 'x', occurrence: 2 }], c)).toContain('id="ref-a-3-2"');
  });

  it('links across files when the notes are at the end of the book', () => {
    const c = ctx([note('x', 1, 1, 'n')], 'text-a.xhtml', 'notes.xhtml');
    expect(inlinesToXhtml([{ type: 'noteRef', label: 'x', occurrence: 1 }], c)).toContain('href="notes.xhtml#note-a-1"');
  });
});

describe('endnotes section', () => {
  it('writes an endnotes section with one backlink per reference in the last paragraph', () => {
    const notes = [note('x', 1, 2, 'Zweimal zitiert.'), note('y', 2, 0, 'Ohne Anker.')];
    const html = notesSection(notes, ctx(notes), 'text-a.xhtml', 2, 'Anmerkungen');
    expect(html).toContain('<section epub:type="endnotes" role="doc-endnotes" id="notes-a" aria-labelledby="notes-a-h">');
    expect(html).toContain('<li id="note-a-1" epub:type="endnote" value="1"><p>Zweimal zitiert. <a href="#ref-a-1" role="doc-backlink" aria-label="zurück zum Text (1)">↩︎</a> <a href="#ref-a-1-2" role="doc-backlink" aria-label="zurück zum Text (2)">↩︎<sup>2</sup></a></p></li>');
    // A note without reference is printed, without a backlink.
    expect(html).toContain('<li id="note-a-2" epub:type="endnote" value="2"><p>Ohne Anker.</p></li>');
  });

  it('points backlinks from a book-level notes file to the text file', () => {
    const notes = [note('x', 1, 1, 'n')];
    const html = notesSection(notes, ctx(notes, 'notes.xhtml', 'notes.xhtml'), 'text-a.xhtml', 2, 'A');
    expect(html).toContain('href="text-a.xhtml#ref-a-1"');
  });
});

describe('blocks', () => {
  it('escapes text and keeps list starts and verse lines', () => {
    const html = blocksToXhtml(
      [
        { type: 'paragraph', children: [{ type: 'text', value: 'a < b & "c"' }] },
        { type: 'list', ordered: true, start: 4, items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'vier' }] }]] },
        { type: 'verse', lines: [[{ type: 'text', value: 'eins' }], [{ type: 'text', value: 'zwei' }]] },
        { type: 'heading', depth: 1, id: 'h-x', children: [{ type: 'text', value: 'X' }] },
      ],
      ctx([]),
      1,
    );
    expect(html).toBe('<p>a &lt; b &amp; &quot;c&quot;</p>\n<ol start="4"><li><p>vier</p></li></ol>\n<p class="verse"><span class="line">eins</span><br/><span class="line">zwei</span></p>\n<h2 id="h-x">X</h2>');
  });
});
