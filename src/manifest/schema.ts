/**
 * The edition manifest (editions/*.yaml): schema first, types inferred from it.
 * Field descriptions here are the reference the README repeats.
 */
import { z } from 'zod';
import { langTag, partialDate } from '../parse/frontmatter.js';

const text = z.string().trim().min(1, 'must not be empty');
const stringList = z.union([text.transform((s) => [s]), z.array(text)]);
const idList = z.array(z.union([text, z.number().transform(String)]));

/** A query over the library; every given key must match (AND). */
export const querySchema = z
  .object({
    /** Case-insensitive part of an author's name ("Lenin" matches "W. I. Lenin"); a list matches any of them. */
    author: stringList.optional(),
    /** Tags that a text must all carry. */
    tags: stringList.optional(),
    /** Language tag (primary subtag match: "de" matches "de-CH"). */
    lang: text.optional(),
    /** Earliest date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD). */
    from: partialDate.optional(),
    /** Latest date, inclusive. */
    to: partialDate.optional(),
  })
  .strict();

export const sortSchema = z.enum(['listed', 'date', 'title', 'author']);

const selection = {
  /** Source ids, in the order they appear in the edition. */
  texts: idList.optional(),
  query: querySchema.optional(),
  sort: sortSchema.optional(),
};

export const partSchema = z.object({ title: text, ...selection }).strict();

export const manifestSchema = z
  .object({
    title: text,
    subtitle: text.optional(),
    editor: stringList.optional(),
    publisher: text.optional(),
    date: partialDate.optional(),
    lang: langTag.default('de'),
    rights: text.optional(),
    description: text.optional(),
    isbn: z
      .union([text, z.number().transform(String)])
      .refine((s) => /^(97[89])?\d{9}[\dX]$/.test(s.replace(/[-\s]/g, '')), 'must be an ISBN-10 or ISBN-13')
      .optional(),
    template: text.default('buch'),
    notes: z.enum(['text', 'book']).default('text'),
    formats: z.array(z.enum(['epub', 'pdf'])).min(1).default(['epub', 'pdf']),
    ...selection,
    parts: z.array(partSchema).min(1).optional(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;
export type Query = z.infer<typeof querySchema>;
export type SortOrder = z.infer<typeof sortSchema>;
export type Format = Manifest['formats'][number];

export const MANIFEST_FIELDS = Object.keys(manifestSchema.shape);
