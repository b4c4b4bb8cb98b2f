/**
 * What an importer hands to the shared steps (notes, headings, rendering):
 * blocks of inline Markdown with the raw line they came from. Smaller than
 * the book model on purpose: a source file is the output, not a book.
 */

export type ImportBlock =
  | { kind: 'paragraph'; text: string; line: number; blankBefore?: boolean; blankAfter?: boolean }
  | { kind: 'heading'; text: string; depth: number; line: number }
  | { kind: 'verse'; lines: string[]; line: number }
  | { kind: 'quote'; blocks: ImportBlock[]; line: number }
  | { kind: 'list'; ordered: boolean; items: string[]; line: number }
  | { kind: 'rule'; line: number };

export interface ImportNote {
  label: string;
  /** Inline Markdown, one entry per paragraph. */
  paragraphs: string[];
  line: number;
}

/** A raw line with its 1-based number in its file. */
export interface RawLine {
  text: string;
  line: number;
}

/** What every importer gets: the language, which rules are on, the recipe's decisions and the report. */
export interface ImportContext {
  file: string;
  lang: string;
  enabled: (rule: string) => boolean;
  recipe: import('./recipe.js').Recipe;
  report: import('./report.js').ImportReport;
  /** Front-matter fields an importer found in the text (title line, source line). */
  found: { title?: string; source?: string };
}

/** An importer's result: the body and the notes, inline Markdown throughout. */
export interface ImportedBody {
  blocks: ImportBlock[];
  notes: ImportNote[];
}
