/**
 * Footnotes → endnotes: number each text's notes by first reference (as
 * mdast-util-to-hast and pandoc do), count repeated references so each gets
 * its own backlink, and report notes nobody refers to. Placement (end of text
 * or of book) is the renderer's choice; this step only fixes the numbers.
 */
import type { Note, NoteRef, Text } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import { forEachInline } from '../model/walk.js';

export function numberNotes(text: Text, unanchored: readonly string[], reporter: Reporter): void {
  const byLabel = new Map(text.notes.map((n) => [n.label, n]));
  const order: Note[] = [];
  const visitRefs = (blocks: Note['blocks']) =>
    forEachInline(blocks, (node) => {
      if (node.type !== 'noteRef') return;
      const note = byLabel.get(node.label);
      if (!note) return; // reported by the parser already
      note.references++;
      (node as NoteRef).occurrence = note.references;
      if (note.number === 0) {
        order.push(note);
        note.number = order.length;
      }
    });
  for (const n of text.notes) {
    n.number = 0;
    n.references = 0;
  }
  visitRefs(text.blocks);
  // References inside notes (a note pointing at another note) come after the body's, in note order.
  for (let i = 0; i < order.length; i++) visitRefs(order[i]!.blocks);
  const unused = text.notes.filter((n) => n.number === 0);
  for (const note of unused) {
    order.push(note);
    note.number = order.length;
    // Unreferenced notes of the text are visited too, so their own references count.
    visitRefs(note.blocks);
    if (!unanchored.includes(note.label)) {
      reporter.warn('note-unused', `note [^${note.label}] is never referenced; it is printed as note ${note.number} without a link`, note.position ?? { file: text.file });
    }
  }
  for (const label of unanchored) {
    if (!byLabel.has(label)) reporter.warn('note-unanchored-unknown', `unanchored-notes names [^${label}], which is not defined`, { file: text.file, line: 1 });
  }
  text.notes = order;
}
