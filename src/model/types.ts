/**
 * The edition model: the one typed structure between parsing and rendering.
 *
 * Parsers produce it, transforms (src/transforms) refine it, and every renderer
 * (src/render/epub, src/render/pdf) consumes it. Nodes carry `position` so
 * that a message about any of them can name file:line:column.
 */

/** A place in a source file; lines and columns are 1-based. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

// ---------------------------------------------------------------- inlines

export interface TextRun {
  type: 'text';
  value: string;
  /**
   * Set exactly as written: typography and hyphenation leave it alone
   * (code, raw markup kept visible). Never merged with ordinary text.
   */
  verbatim?: boolean;
}

/**
 * Inline containers that only change the style of their children.
 * `code` holds verbatim text (code spans); `cite` is a cited title (`<cite>`);
 * `underline` and `strikethrough` come from `<u>` and `<s>`/`<del>`.
 */
export interface StyledRun {
  type: 'emphasis' | 'strong' | 'superscript' | 'subscript' | 'small' | 'code' | 'cite' | 'underline' | 'strikethrough';
  children: Inline[];
}

/** An abbreviation with its expansion (`<abbr title="…">`); EPUB keeps the title, print shows the words. */
export interface Abbreviation {
  type: 'abbreviation';
  title: string;
  children: Inline[];
}

/**
 * An inline quotation (`<q>`). The typography step replaces it by its
 * children between the quotation marks of its language and nesting level.
 */
export interface QuoteRun {
  type: 'quote';
  children: Inline[];
}

/** A run in another language than its text (`<span lang="en">`). */
export interface LangRun {
  type: 'lang';
  lang: string;
  children: Inline[];
}

/** A link that leaves the book: only http(s) and mailto survive parsing. */
export interface ExternalLink {
  type: 'link';
  href: string;
  children: Inline[];
}

/** A link to another text of the same edition (resolved by the `links` transform). */
export interface CrossReference {
  type: 'xref';
  /** Id of the target text. */
  textId: string;
  /** Optional heading id inside the target text. */
  fragment?: string;
  children: Inline[];
  /** The source file the link named; the `links` transform turns it into `textId`. */
  targetFile?: string;
  position?: Position;
}

/** A hard line break (poetry, addresses). */
export interface LineBreak {
  type: 'break';
}

/** A reference to a note of the same text, by its label in the source. */
export interface NoteRef {
  type: 'noteRef';
  label: string;
  /** 1-based occurrence of this label among references in the text (for backlinks). */
  occurrence: number;
  position?: Position;
}

export type Inline = TextRun | StyledRun | Abbreviation | QuoteRun | LangRun | ExternalLink | CrossReference | LineBreak | NoteRef;

// ---------------------------------------------------------------- blocks

export interface Paragraph {
  type: 'paragraph';
  children: Inline[];
  position?: Position;
}

/** Lines of verse: hard line breaks are kept and lines are never justified. */
export interface Verse {
  type: 'verse';
  lines: Inline[][];
  position?: Position;
}

export interface Heading {
  type: 'heading';
  /** 1 is a section inside a text (the text's own title is metadata, not a heading). */
  depth: number;
  /** Stable anchor, unique within its text. */
  id: string;
  children: Inline[];
  position?: Position;
}

export interface BlockQuote {
  type: 'blockquote';
  children: Block[];
  position?: Position;
}

export interface List {
  type: 'list';
  ordered: boolean;
  start: number;
  items: Block[][];
  position?: Position;
}

export interface ThematicBreak {
  type: 'thematicBreak';
  position?: Position;
}

export interface Figure {
  type: 'figure';
  /** Absolute path of a verified image file inside the project. */
  src: string;
  mediaType: 'image/png' | 'image/jpeg';
  alt: string;
  position?: Position;
}

/** Horizontal alignment of a table column; `null` when the source does not say. */
export type ColumnAlign = 'left' | 'center' | 'right' | null;

/** One cell of a table: inline content only (GFM cells hold no blocks). */
export interface TableCell {
  children: Inline[];
  position?: Position;
}

/**
 * A table (GFM pipe table): one header row, then body rows. Every row has
 * exactly `align.length` cells (the parser pads short rows).
 */
export interface Table {
  type: 'table';
  align: ColumnAlign[];
  head: TableCell[];
  rows: TableCell[][];
  position?: Position;
}

export type Block = Paragraph | Verse | Heading | BlockQuote | List | ThematicBreak | Figure | Table;

// ---------------------------------------------------------------- notes

/**
 * A footnote of the source. Where it is printed (end of text, end of book)
 * is the renderer's decision; the model only numbers it.
 */
export interface Note {
  label: string;
  /** 1-based number within its text, assigned by the `notes` transform. */
  number: number;
  blocks: Block[];
  /** How many references point at it (0 for an editorial note without anchor). */
  references: number;
  position?: Position;
}

// ---------------------------------------------------------------- texts

/** A partial ISO date: a year alone is allowed ("1917"). */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TextMeta {
  id: string;
  title: string;
  subtitle?: string;
  authors: string[];
  date?: PartialDate;
  /** BCP 47 language tag. */
  lang: string;
  /** Bibliographic origin of the text. */
  source?: string;
  translator?: string;
  tags: string[];
  rights?: string;
}

export interface Text {
  meta: TextMeta;
  /** Path of the source file, as given to the parser. */
  file: string;
  blocks: Block[];
  notes: Note[];
  /** Number of words in body and notes, for listings. */
  words: number;
}

// ---------------------------------------------------------------- edition

export type NotePlacement = 'text' | 'book';

export interface EditionMeta {
  title: string;
  subtitle?: string;
  /** The manifest's explicit `author`: overrides who the book is by (src/model/credits.ts). */
  authors?: string[];
  editors: string[];
  publisher?: string;
  /** Publication date of the edition (ISO yyyy-mm-dd or a year). */
  date?: string;
  lang: string;
  rights?: string;
  description?: string;
  isbn?: string;
  /** The series the book belongs to (manifest `series`): on the cover and as belongs-to-collection. */
  series?: string;
  /** The manifest's own cover image (absolute path, checked); without it the template draws one. */
  cover?: { file: string; mediaType: 'image/png' | 'image/jpeg' };
  /** Unique identifier, derived from the edition (urn:isbn or urn:uuid). */
  identifier: string;
  /** Last modification, from SOURCE_DATE_EPOCH or the newest source; drives reproducible output. */
  modified: Date;
  template: string;
  notes: NotePlacement;
  /** The manifest or selection this edition was built from (for messages). */
  origin: string;
  /** Base name of the output files. */
  slug: string;
}

/** A group of texts under a title ("Teil I: 1917"); an edition without parts has one untitled part. */
export interface Part {
  title?: string;
  texts: Text[];
}

export interface Edition {
  meta: EditionMeta;
  parts: Part[];
}

/** All texts of an edition in reading order. */
export function textsOf(edition: Edition): Text[] {
  return edition.parts.flatMap((part) => part.texts);
}
