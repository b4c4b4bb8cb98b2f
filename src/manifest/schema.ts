/**
 * The edition manifest (editions/*.yaml): schema first, types inferred from it.
 * The doc comment on each field is the reference the README repeats.
 */
import * as z from 'zod';
import { langTag, partialDate } from '../parse/frontmatter.js';
import { isbnProblem } from './isbn.js';
import { PDF_STANDARDS } from '../model/pdf-standard.js';
import { FORMATS } from './formats.js';
import { PAPERS, PRINT_PROFILES } from '../print/profiles.js';
import { isSignature } from '../print/settings.js';

/** Numbers are text (files get them as text from parseYaml; this is for API callers' objects). */
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1, 'must not be empty'));
const stringList = z.union([text.transform((s) => [s]), z.array(text)]);
const idList = z.array(text);
/** A single value is accepted where a list is expected (`formats: epub`). */
const listOf = <T extends z.ZodType>(item: T, empty: string) => z.preprocess((v) => (Array.isArray(v) || v === undefined ? v : [v]), z.array(item).min(1, empty));

/** A query over the library; every given key must match (AND). */
export const querySchema = z
  .object({
    /** Source ids, any of which matches (`--select id:a,b`); as a query key it narrows the other keys. */
    id: idList.min(1, 'must not be empty').optional(),
    /** Case- and accent-insensitive part of an author's name ("Lenin" matches "W. I. Lenin"); a list matches any of them. */
    author: stringList.optional(),
    /** Tags that a text must all carry (case-insensitive). */
    tags: stringList.optional(),
    /** Language tag: "de" matches de, de-CH, de-AT; "de-CH" matches only de-CH. */
    lang: langTag.optional(),
    /** Earliest date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD); undated texts never match a date range. */
    from: partialDate.optional(),
    /** Latest date, inclusive; "1918" includes all of 1918. */
    to: partialDate.optional(),
  })
  .strict();

/** Numbers arrive as text from the YAML reader (see parseYaml's numbersAsText): `0.06` → 0.06. */
const positiveNumber = z.preprocess((v) => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v), z.number({ error: 'must be a number' }).positive('must be greater than 0'));

export { FORMATS };

/** `print:` in a manifest; `--print-profile`, `--paper`, `--paper-thickness`, `--signature` win over it. */
export const printSchema = z.strictObject({
  /** kdp, bod, lulu, ingram or copyshop: bleed, spine formula, minimum margins, bookmarks. */
  profile: z.enum(PRINT_PROFILES).optional(),
  /** white (default) or cream: the spine formulas of KDP and IngramSpark differ. */
  paper: z.enum(PAPERS).optional(),
  /** Thickness of one page in mm; BoD needs it (from its cover calculator), elsewhere it wins over the formula. */
  'paper-thickness': positiveNumber.optional(),
  /** Pages per signature of a booklet (a multiple of 4); default: one signature holding every page. */
  signature: positiveNumber.refine(isSignature, 'must be a multiple of 4').optional(),
});

export const sortSchema = z.enum(['listed', 'date', 'title', 'author']);

const selection = {
  /** Source ids, in the order they appear in the edition. */
  texts: idList.optional(),
  /**
   * A query (mapping), or a list of queries a text must all satisfy — the
   * manifest form of repeated `--select`. Matches come after the listed `texts`.
   */
  query: listOf(querySchema, 'must not be empty').optional(),
  /**
   * Order of the texts: listed (default: `texts` as listed, then query matches
   * in the order of the query's `id` list, or else by date), date, title, author.
   */
  sort: sortSchema.optional(),
};

export const partSchema = z.object({ title: text, ...selection }).strict();

export const manifestSchema = z
  .object({
    title: text,
    subtitle: text.optional(),
    /** Who the book is by, one name or a list; default: the texts' author when they all share one, else the editors. */
    author: stringList.optional(),
    /** One name or a list. */
    editor: stringList.optional(),
    publisher: text.optional(),
    /** The series the book belongs to; printed on the cover, written as the EPUB's belongs-to-collection. */
    series: text.optional(),
    /** Publication date of the edition. */
    date: partialDate.optional(),
    /** Language of the edition's own pages (title, contents, imprint); default: the language most of its texts have. */
    lang: langTag.optional(),
    rights: text.optional(),
    description: text.optional(),
    /** Printed in the imprint and used as the EPUB identifier (urn:isbn); the check digit is verified. */
    isbn: text
      .superRefine((s, ctx) => {
        const problem = isbnProblem(s);
        if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid ISBN: ${problem}` });
      })
      .optional(),
    /** Name of a folder in templates/ (the project's own, then the built-in ones). */
    template: text.default('buch'),
    /** Where notes go: at the end of each text, or all at the end of the book. */
    notes: z.enum(['text', 'book']).default('text'),
    /**
     * What to build: epub, pdf (the interior), cover (the one-page print cover,
     * dist/<name>.cover.pdf) and booklet (the interior imposed for saddle
     * stitching, dist/<name>.booklet.pdf). cover and booklet lay out the interior too.
     */
    formats: listOf(z.enum(FORMATS), 'must name at least one format').default(['epub', 'pdf']),
    /** An own cover image for the EPUB (JPEG or PNG, relative to the manifest); default: one drawn from the template's cover design. */
    cover: text.optional(),
    /** Print production: the service the files go to, and its paper (see src/print/profiles.ts). */
    print: printSchema.optional(),
    /** PDF options of this edition; `standard` (none, PDF/A-1b, PDF/A-2b) wins over the template's pdf.yaml. */
    pdf: z.strictObject({ standard: z.enum(PDF_STANDARDS).optional() }).optional(),
    ...selection,
    /** Groups of texts under a title; a level in the contents, the EPUB nav and the PDF outline. */
    parts: z.array(partSchema).min(1, 'must hold at least one part').optional(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;
export type Query = z.infer<typeof querySchema>;
export type SortOrder = z.infer<typeof sortSchema>;
export type Format = Manifest['formats'][number];

export const MANIFEST_FIELDS = Object.keys(manifestSchema.shape);
export const PART_FIELDS = Object.keys(partSchema.shape);
export const QUERY_FIELDS = Object.keys(querySchema.shape);
