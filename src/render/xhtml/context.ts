/** What the XHTML handlers need to know about where they are writing. */
import type { Labels } from '../../templates/labels.js';
import type { Note } from '../../model/types.js';

export interface XhtmlContext {
  /** Id of the text being written. */
  textId: string;
  /** Language of the text being written. */
  lang: string;
  /** Notes of the text by label. */
  notes: Map<string, Note>;
  /** File (in the EPUB) holding the notes of this text. */
  notesFile: string;
  /** File being written (so links to the same file need no file name). */
  currentFile: string;
  /** File of a text by id (for cross-references). */
  fileOfText: (textId: string) => string;
  labels: Labels;
  /** Src in the EPUB of a figure's image file. */
  imageHref: (src: string) => string;
}

/** A link from `ctx.currentFile` to `file#fragment`. */
export function hrefTo(ctx: XhtmlContext, file: string, fragment?: string): string {
  const base = file === ctx.currentFile ? '' : file;
  return fragment ? `${base}#${fragment}` : base || '#';
}
