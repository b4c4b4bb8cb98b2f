/**
 * Where each anchor of an EPUB edition goes, decided once before anything is
 * written: a text's opening and headings in its own document, its notes in
 * its document or in the book's notes document (`notes: book`), and each note
 * reference wherever the content holding it goes — in the text's body, or
 * inside a note. The renderers then take every href from this map.
 */
import type { Block, Edition } from '../../model/types.js';
import { textsOf } from '../../model/types.js';
import { forEachInline } from '../../model/walk.js';
import { AnchorMap } from '../xhtml/anchors.js';
import { NOTES_FILE, noteId, notesAnchor, refId, textAnchor, textFile } from '../xhtml/ids.js';

/** The document that holds the notes of a text under the edition's `notes` setting. */
export function notesFileOf(edition: Edition, textId: string): string {
  return edition.meta.notes === 'book' ? NOTES_FILE : textFile(textId);
}

/** Places every anchor of the edition's texts and notes. */
export function placeAnchors(edition: Edition): AnchorMap {
  const anchors = new AnchorMap();
  for (const t of textsOf(edition)) {
    const id = t.meta.id;
    const file = textFile(id);
    const notesFile = notesFileOf(edition, id);
    anchors.place(textAnchor(id), file);
    for (const b of t.blocks) if (b.type === 'heading') anchors.placeHeading(id, b.id, file);
    const placeRefs = (blocks: Block[], where: string) =>
      forEachInline(blocks, (node) => {
        if (node.type !== 'noteRef') return;
        const note = t.notes.find((n) => n.label === node.label);
        if (note) anchors.place(refId(id, note.number, node.occurrence), where);
      });
    placeRefs(t.blocks, file);
    if (t.notes.length) anchors.place(notesAnchor(id), notesFile);
    for (const note of t.notes) {
      anchors.place(noteId(id, note.number), notesFile);
      placeRefs(note.blocks, notesFile);
    }
  }
  return anchors;
}
