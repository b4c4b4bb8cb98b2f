/**
 * Ids and file names inside the EPUB. Note ids are prefixed with the text's
 * id so they stay unique when a selection puts many texts into one book.
 */
import { slugify } from '../../util/slug.js';

export const textFile = (textId: string) => `text-${slugify(textId) || 'x'}.xhtml`;
export const noteId = (textId: string, n: number) => `note-${slugify(textId)}-${n}`;
export const refId = (textId: string, n: number, occurrence: number) => `ref-${slugify(textId)}-${n}${occurrence > 1 ? `-${occurrence}` : ''}`;
export const textAnchor = (textId: string) => `t-${slugify(textId)}`;
export const notesAnchor = (textId: string) => `notes-${slugify(textId)}`;
export const NOTES_FILE = 'notes.xhtml';
