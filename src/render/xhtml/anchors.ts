/**
 * Where every link target of a book finally sits: one map from anchor id to
 * the document that holds it. Links are computed from this map only, never
 * from where the linking code assumes a target to be: with `notes: book` a
 * reference inside a note sits in the notes document, not in its text's
 * (issue 8, item 3: the backlink to it pointed into the text document).
 *
 * Heading ids are unique only within their text, so they are keyed by text.
 */
export class AnchorMap {
  private readonly files = new Map<string, string>();

  /** Records that anchor `id` is written into `file`; placing one id in two documents is a bug. */
  place(id: string, file: string): void {
    const before = this.files.get(id);
    if (before !== undefined && before !== file) throw new Error(`anchor "${id}" placed in both ${before} and ${file}`);
    this.files.set(id, file);
  }

  /** Records a heading of a text (heading ids repeat across texts). */
  placeHeading(textId: string, headingId: string, file: string): void {
    this.place(headingKey(textId, headingId), file);
  }

  /** The document holding anchor `id`; an unplaced target is a bug, never a silent broken link. */
  fileOf(id: string): string {
    const file = this.files.get(id);
    if (file === undefined) throw new Error(`link to anchor "${id}", which no document holds`);
    return file;
  }

  /** A link from document `from` to anchor `id` (`#id` within the same document). */
  href(from: string, id: string): string {
    const file = this.fileOf(id);
    return file === from ? `#${id}` : `${file}#${id}`;
  }

  /** A link from `from` to heading `headingId` of text `textId`. */
  headingHref(from: string, textId: string, headingId: string): string {
    const file = this.fileOf(headingKey(textId, headingId));
    return file === from ? `#${headingId}` : `${file}#${headingId}`;
  }
}

const headingKey = (textId: string, headingId: string) => `${textId}\u0000${headingId}`;
