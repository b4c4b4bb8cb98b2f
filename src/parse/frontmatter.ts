/**
 * Front matter of a source: split off with gray-matter, read with positions,
 * validated against the schema below. A wrong field is an error at its line;
 * an unknown field is a warning with the nearest known name.
 */
import matter from 'gray-matter';
import * as z from 'zod';
import type { PartialDate, TextMeta } from '../model/types.js';
import { InputError, type Reporter } from '../model/messages.js';
import { didYouMean } from '../util/suggest.js';
import { parseYaml } from './yaml-positions.js';
import { kindOf, textFieldProblem } from './field-messages.js';

/** Numbers are text here (an API caller may pass `title: 1917`; files get them as text from parseYaml). */
const numberAsText = (v: unknown) => (typeof v === 'number' ? String(v) : v);
const text = z.preprocess(numberAsText, z.string().trim().min(1, 'must not be empty'));
const stringList = z.union([text.transform((s) => [s]), z.array(text)]);
/**
 * A date in a YAML 1.1 reader or a JS caller may be a Date: it means its
 * calendar day (UTC, as YAML reads `1917-11-07`).
 */
const dateAsText = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : numberAsText(v));
/** A year alone, a month or a full ISO date; `date: 1917` (a YAML number) is the year 1917. */
export const partialDate = z
  .preprocess(dateAsText, z.string().trim())
  .refine((s) => /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(s), 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
/** BCP 47, as far as editions need it: language, optional script and region. */
export const langTag = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?$/, 'must be a BCP 47 language tag such as de, en or de-CH');

export const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" or "-"').optional(),
  title: text,
  subtitle: text.optional(),
  author: stringList.optional(),
  date: partialDate.optional(),
  lang: langTag.default('de'),
  source: text.optional(),
  translator: text.optional(),
  tags: stringList.default([]),
  rights: text.optional(),
  'unanchored-notes': z.array(text).default([]),
});

/** Fields that take a list (or one value standing for a list of one). */
const LIST_FIELDS = new Set(['author', 'tags', 'unanchored-notes']);
/** Fields with a form of their own: quoting a wrong value would not fix it. */
const FORMS: Record<string, string> = {
  id: 'an id (lowercase letters, digits, ".", "_" or "-")',
  date: 'a date: YYYY, YYYY-MM or YYYY-MM-DD',
  lang: 'a language tag such as de, en or de-CH',
};

export const FRONT_MATTER_FIELDS = Object.keys(frontMatterSchema.shape);

export interface ParsedFrontMatter {
  meta: TextMeta;
  /** Labels of notes whose reference marks are lost (an editorial note of a fragment). */
  unanchoredNotes: string[];
  body: string;
  /** Number of lines before the body starts, to offset body positions. */
  bodyLineOffset: number;
}

export function parseDate(s: string): PartialDate {
  const [y, m, d] = s.split('-').map(Number);
  return { year: y!, ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) };
}

/** Splits and validates the front matter of `source` (already decoded). */
export function parseFrontMatter(source: string, file: string, defaultId: string, reporter: Reporter): ParsedFrontMatter {
  if (!/^---[ \t]*\n/.test(source)) {
    throw new InputError([{ severity: 'error', rule: 'frontmatter-missing', reason: 'no front matter: a source starts with a `---` line, then at least `title:`, then `---`', file, line: 1, column: 1 }]);
  }
  // An options object turns off gray-matter's cache, which shares `data` between equal inputs.
  const split = matter(source, { engines: { yaml: () => ({}) } });
  const bodyStart = source.length - split.content.length;
  const bodyLineOffset = source.slice(0, bodyStart).split('\n').length - 1;
  // gray-matter keeps the newline after the opening `---` in `matter`, so YAML line 1 is file line 1.
  const yaml = parseYaml(split.matter, file, split.matter.startsWith('\n') ? 0 : 1, { numbersAsText: true });
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError([{ severity: 'error', rule: 'frontmatter-type', reason: 'front matter must be a mapping of fields (`title: …`)', file, line: 2, column: 1 }]);
  }
  for (const key of Object.keys(data)) {
    if (!FRONT_MATTER_FIELDS.includes(key)) {
      reporter.warn('frontmatter-unknown-field', `unknown field \`${key}\`${didYouMean(key, FRONT_MATTER_FIELDS)}; it is ignored`, { file, ...yaml.positionOf([key]) });
    }
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const value = (data as Record<string, unknown>)[key];
        const reason =
          value === undefined
            ? `required field \`${key}\` is missing`
            : key in FORMS && typeof value !== 'string'
              ? `\`${key}\` must be ${FORMS[key]}, not ${kindOf(value)}`
              : (textFieldProblem(key, value, LIST_FIELDS.has(key)) ?? `\`${issue.path.join('.')}\` ${issue.message.replace(/^Invalid input: /, '')}`);
        return { severity: 'error' as const, rule: 'frontmatter-field', reason, file, ...(key in (data as object) ? yaml.positionOf(issue.path as (string | number)[]) : { line: 1, column: 1 }) };
      }),
    );
  }
  const d = parsed.data;
  const meta: TextMeta = {
    id: d.id ?? defaultId,
    title: d.title,
    authors: d.author ?? [],
    lang: d.lang,
    tags: d.tags,
    ...(d.subtitle ? { subtitle: d.subtitle } : {}),
    ...(d.date ? { date: parseDate(d.date) } : {}),
    ...(d.source ? { source: d.source } : {}),
    ...(d.translator ? { translator: d.translator } : {}),
    ...(d.rights ? { rights: d.rights } : {}),
  };
  return { meta, unanchoredNotes: d['unanchored-notes'], body: split.content, bodyLineOffset };
}
