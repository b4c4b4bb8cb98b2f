/**
 * Localised labels ("Inhalt", "Anmerkungen", …). They are template data
 * (templates/<name>/labels.yaml, keyed by language) so a user can change the
 * wording without touching code; this file only names the keys.
 */
export interface Labels {
  /** Heading of the table of contents. */
  contents: string;
  /** Heading of an endnotes section. */
  notes: string;
  /** Heading of the imprint page. */
  imprint: string;
  /** Heading of the list of sources on the imprint page. */
  sources: string;
  /** Label of the title page in navigation. */
  titlePage: string;
  /** Text of a backlink from a note to its reference, for screen readers. */
  backToText: string;
  /** Prefix of a translator line ("Übersetzt von"). */
  translatedBy: string;
  /** Prefix of an editor line ("Herausgegeben von"). */
  editedBy: string;
  /** Label for a note reference, for screen readers ("Anmerkung"). */
  noteRef: string;
  /** Start of the book's text, for landmarks. */
  start: string;
  /** The cover page, in the landmarks (optional: templates written before covers fall back to the title). */
  cover?: string;
  /** The EPUB's schema:accessibilitySummary, in the edition's language. */
  accessibilitySummary: string;
}

export const LABEL_KEYS: (keyof Labels)[] = [
  'contents', 'notes', 'imprint', 'sources', 'titlePage', 'backToText', 'translatedBy', 'editedBy', 'noteRef', 'start', 'accessibilitySummary',
];

/** Keys a template may leave out (added after templates were written; the code has a fallback). The built-in template has them all. */
export const OPTIONAL_LABEL_KEYS: (keyof Labels)[] = ['cover'];
