/** What the XHTML handlers need to know about where they are writing. */
import type { Labels } from '../../templates/labels.js';
import type { Note } from '../../model/types.js';
import type { AnchorMap } from './anchors.js';

export interface XhtmlContext {
  /** Id of the text being written. */
  textId: string;
  /** Language of the text being written. */
  lang: string;
  /** Notes of the text by label. */
  notes: Map<string, Note>;
  /** File being written: links into it need no file name. */
  currentFile: string;
  /** Where every anchor of the book is placed; all links are computed from it. */
  anchors: AnchorMap;
  labels: Labels;
  /** Src in the EPUB of a figure's image file. */
  imageHref: (src: string) => string;
}
