import { describe, expect, it } from 'vitest';
import type { Note } from '../../../src/model/types.js';
import type { XhtmlContext } from '../../../src/render/xhtml/context.js';
import { AnchorMap } from '../../../src/render/xhtml/anchors.js';
import { inlinesToXhtml } from '../../../src/render/xhtml/inline.js';
import { notesSection } from '../../../src/render/xhtml/notes.js';
import { blocksToXhtml } from '../../../src/render/xhtml/block.js';

const labels = { contents: 'Inhalt', notes: 'Anmerkungen', imprint: 'Impressum', sources: 'Quellen', titlePage: 'Titelseite', backToText: 'zurück zum Text', translatedBy: 'Übersetzt von', editedBy: 'Herausgegeben von', noteRef: 'Anmerkung', start: 'Beginn', accessibilitySummary: 'Reiner Text.' };

const note = (label: string, number: number, references: number, text: string): Note => ({ label, number, references, blocks: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });

/** A context for text `a`: its references in text-a.xhtml, its notes in `notesFile`. */
function ctx(notes: Note[], currentFile = 'text-a.xhtml', notesFile = 'text-a.xhtml'): XhtmlContext {
  const anchors = new AnchorMap();
  for (const n of notes) {
    anchors.place(`note-a-${n.number}`, notesFile);
    for (let i = 1; i <= n.references; i++) anchors.place(`ref-a-${n.number}${i > 1 ? `-${i}` : ''}`, 'text-a.xhtml');
  }
  return { textId: 'a', lang: 'de', notes: new Map(notes.map((n) => [n.label, n])), currentFile, anchors, labels, imageHref: (s) => s };
}

describe('note references (DAISY markup)', () => {
  it('puts the noteref link inside <sup>, with epub:type, role and a unique id', () => {
    const c = ctx([note('x', 3, 2, 'n')]);
    expect(inlinesToXhtml([{ type: 'noteRef', label: 'x', occurrence: 1 }], c)).toBe('<sup><a class="noteref" epub:type="noteref" role="doc-noteref" id="ref-a-3" href="#note-a-3" aria-label="Anmerkung 3">3</a></sup>');
    expect(inlinesToXhtml([{ type: 'noteRef', label: 'x', occurrence: 2 }], c)).toContain('id="ref-a-3-2"');
  });

  it('links across files when the notes are at the end of the book', () => {
    const c = ctx([note('x', 1, 1, 'n')], 'text-a.xhtml', 'notes.xhtml');
    expect(inlinesToXhtml([{ type: 'noteRef', label: 'x', occurrence: 1 }], c)).toContain('href="notes.xhtml#note-a-1"');
  });
});

describe('endnotes section', () => {
  it('starts each note with its number as the backlink to the first reference, and adds "↩ a, b" for further references', () => {
    const notes = [note('x', 1, 3, 'Dreimal zitiert.'), note('y', 2, 0, 'Ohne Anker.')];
    const html = notesSection(notes, ctx(notes), 2, 'Anmerkungen');
    expect(html).toContain('<section class="endnotes" epub:type="endnotes" role="doc-endnotes" id="notes-a" aria-labelledby="notes-a-h">');
    expect(html).toContain(
      '<li id="note-a-1" class="endnote" epub:type="endnote" value="1"><p><a class="note-number backlink" href="#ref-a-1" role="doc-backlink" aria-label="1 zurück zum Text">1</a> Dreimal zitiert. '
        + '<span class="backlinks"><span aria-hidden="true">↩︎</span> <a class="backlink" href="#ref-a-1-2" role="doc-backlink" aria-label="zurück zum Text (2)">a</a>, '
        + '<a class="backlink" href="#ref-a-1-3" role="doc-backlink" aria-label="zurück zum Text (3)">b</a></span></p></li>',
    );
    // A note without reference is printed with its number, without a backlink.
    expect(html).toContain('<li id="note-a-2" class="endnote" epub:type="endnote" value="2"><p><span class="note-number">2</span> Ohne Anker.</p></li>');
  });

  it('gives a note that begins with a list its number in a paragraph of its own', () => {
    const n: Note = { label: 'l', number: 1, references: 1, blocks: [{ type: 'list', ordered: false, start: 1, items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'Punkt' }] }]] }] };
    expect(notesSection([n], ctx([n]), 2, 'A')).toContain('<p class="note-number-line"><a class="note-number backlink" href="#ref-a-1"');
  });

  it('points backlinks from a book-level notes file to the text file', () => {
    const notes = [note('x', 1, 1, 'n')];
    const html = notesSection(notes, ctx(notes, 'notes.xhtml', 'notes.xhtml'), 2, 'A');
    expect(html).toContain('href="text-a.xhtml#ref-a-1"');
  });

  it('refuses to link to an anchor no document holds (a bug, not a broken book)', () => {
    const c = ctx([]);
    c.notes.set('x', { label: 'x', number: 9, references: 1, blocks: [] });
    expect(() => inlinesToXhtml([{ type: 'noteRef', label: 'x', occurrence: 1 }], c)).toThrow('link to anchor "note-a-9", which no document holds');
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
