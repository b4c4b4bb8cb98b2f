/**
 * The print look of a template: templates/<name>/pdf.yaml, validated here.
 *
 * Everything layout-related (page size, margins, type sizes, spacing, line
 * breaking tolerances) comes from this file so that a user can change the
 * look without touching code. Page geometry is given in millimetres (how
 * printers talk), type in points (how typesetters talk); `resolveStyle`
 * converts everything to points once.
 */
import * as z from 'zod';
import { fail } from '../../model/messages.js';
import { PDF_STANDARDS } from '../../model/pdf-standard.js';

/** Points per millimetre (72 pt per inch, 25.4 mm per inch). */
export const PT_PER_MM = 72 / 25.4;

/** Converts millimetres to PDF points. */
export const mm = (v: number): number => v * PT_PER_MM;

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

const fontFamily = z.strictObject({
  regular: z.string().min(1),
  italic: z.string().min(1),
  bold: z.string().min(1),
  boldItalic: z.string().min(1),
});

const fontStyle = z.enum(['regular', 'italic', 'bold', 'boldItalic']);

/**
 * One font of the fallback chain (`fonts.fallback`): a file for every style, or
 * a regular and a bold file (scripts such as Hebrew or Chinese have no italics),
 * optionally preferred for some languages (`lang: [ja]`: Japanese glyph shapes).
 */
const fallbackFont = z.union([
  z.string().min(1),
  z.strictObject({
    regular: z.string().min(1),
    bold: z.string().min(1).optional(),
    lang: z.array(z.string().min(1)).optional(),
  }),
]);
const fallbackChain = z.array(fallbackFont).default([]);

/** A piece of type: family, style, size and line height (pt). */
const typeSpec = z.strictObject({
  family: z.string().min(1).default('serif'),
  style: fontStyle.default('regular'),
  size: positive,
  leading: positive,
});

const headingSpec = typeSpec.extend({
  /** Space above and below, in multiples of the body leading. */
  spaceBefore: nonNegative.default(1),
  spaceAfter: nonNegative.default(0.5),
  align: z.enum(['left', 'center']).default('left'),
});

/**
 * Tables, booktabs style: a heavy rule above and below, a light one under the
 * header row, no vertical rules. Rules in pt (as typesetters give them),
 * paddings in mm (page geometry). A template that leaves the key out gets
 * these values, so older templates keep working.
 */
const TABLE_DEFAULTS = {
  family: 'serif',
  style: 'regular' as const,
  size: 9,
  leading: 11.8,
  headerStyle: 'bold' as const,
  rules: { top: 0.8, mid: 0.5, bottom: 0.8 },
  padding: { x: 1.5, y: 0.5 },
  ruleSep: 0.8,
  space: 0.75,
  width: 'natural' as const,
};
const tableSpec = typeSpec.extend({
  family: z.string().min(1).default(TABLE_DEFAULTS.family),
  size: positive.default(TABLE_DEFAULTS.size),
  leading: positive.default(TABLE_DEFAULTS.leading),
  /** Style of the header row's cells. */
  headerStyle: fontStyle.default(TABLE_DEFAULTS.headerStyle),
  /** Rule thicknesses, pt: top and bottom heavy, the rule under the header light. */
  rules: z.strictObject({ top: nonNegative, mid: nonNegative, bottom: nonNegative }).default(TABLE_DEFAULTS.rules),
  /** Cell padding, mm: x on each side of a column (none at the table's outer edges), y above and below each row. */
  padding: z.strictObject({ x: nonNegative, y: nonNegative }).default(TABLE_DEFAULTS.padding),
  /** Space between a rule and the text next to it, mm. */
  ruleSep: nonNegative.default(TABLE_DEFAULTS.ruleSep),
  /** Space above and below the table, in body leadings. */
  space: nonNegative.default(TABLE_DEFAULTS.space),
  /** natural: a table that fits at its natural width keeps it, centred; measure: every table spans the measure. */
  width: z.enum(['natural', 'measure']).default(TABLE_DEFAULTS.width),
}).default(TABLE_DEFAULTS);

export const pdfSchema = z.strictObject({
  /** Trim size in mm. */
  page: z.strictObject({ width: positive, height: positive }),
  /** Margins in mm; inner is the binding side (left on odd pages), outer the other. */
  margins: z.strictObject({ top: nonNegative, bottom: nonNegative, inner: nonNegative, outer: nonNegative }),
  /** Font families by name; paths are relative to the template folder or `npm:<package>/<file>`. */
  fonts: z.record(z.string(), fontFamily),
  body: typeSpec.extend({
    /** First-line indent in em. */
    indent: nonNegative.default(1),
    align: z.enum(['justify', 'left']).default('justify'),
  }),
  blockquote: typeSpec.extend({
    /** Left and right indent in mm. */
    indentLeft: nonNegative.default(6),
    indentRight: nonNegative.default(0),
    /** Space above and below in multiples of the body leading. */
    space: nonNegative.default(0.5),
  }),
  verse: z.strictObject({
    /** Hanging indent of wrapped verse lines, in em. */
    hangingIndent: nonNegative.default(2),
  }).default({ hangingIndent: 2 }),
  list: z.strictObject({
    /** Indent of list item text in mm (the marker hangs in it). */
    indent: nonNegative.default(5),
    bullet: z.string().default('–'),
  }).default({ indent: 5, bullet: '–' }),
  thematicBreak: z.strictObject({
    /** Centred mark; an empty string leaves a blank line. */
    mark: z.string().default('*'),
    /** Height in multiples of the body leading. */
    lines: positive.default(2),
  }).default({ mark: '*', lines: 2 }),
  table: tableSpec,
  headings: z.record(z.string().regex(/^[1-6]$/), headingSpec),
  /** The block that opens every text: title, subtitle, authors, date/source line. */
  opening: z.strictObject({
    /** Distance of the title from the top of the text block, mm. */
    sink: nonNegative,
    title: typeSpec,
    subtitle: typeSpec,
    author: typeSpec,
    meta: typeSpec,
    /** Space between the opening block and the text, in body leadings. */
    spaceAfter: nonNegative.default(2),
    align: z.enum(['left', 'center']).default('left'),
  }),
  notes: typeSpec.extend({
    /** Width reserved for the note number, mm. */
    numberWidth: positive.default(5),
    /** Space between notes in multiples of the notes leading. */
    space: nonNegative.default(0.25),
    /**
     * Mark of the extra backlinks of a note cited more than once: its number leads back to the
     * first reference, one mark (with the reference's count raised after it) to each later one.
     */
    backlink: z.string().min(1).default('↑'),
    heading: typeSpec,
    /** Heading of a text's group in book-end notes. */
    textHeading: typeSpec,
  }),
  /** Superscript note references: size as a fraction of the surrounding size, raise in em. */
  superscript: z.strictObject({ scale: positive.default(0.62), rise: z.number().default(0.36) }).default({ scale: 0.62, rise: 0.36 }),
  runningHead: typeSpec.extend({
    /** Distance from the top of the text block to the running head's baseline, mm (upwards). */
    offset: positive,
  }),
  folio: typeSpec.extend({
    /** head: next to the running head; foot: below the text block. */
    position: z.enum(['head', 'foot']),
    align: z.enum(['outer', 'center']).default('outer'),
    /** For the foot: distance from the bottom of the text block to the baseline, mm. */
    offset: positive.default(10),
  }),
  titlePage: z.strictObject({
    halfTitle: typeSpec,
    title: typeSpec,
    subtitle: typeSpec,
    /** The book's author above the title (single-author editions); default: the editors' style. */
    authors: typeSpec.optional(),
    editors: typeSpec,
    publisher: typeSpec,
    /** Title baseline from the top of the text block, mm. */
    sink: nonNegative,
  }),
  imprint: typeSpec,
  toc: z.strictObject({
    heading: typeSpec,
    part: typeSpec,
    text: typeSpec,
    author: typeSpec,
    section: typeSpec,
    /** Indent per level, mm. */
    indent: nonNegative.default(4),
    /** Width reserved for page numbers, mm. */
    numberWidth: positive.default(8),
    leader: z.string().default('.'),
    /** Distance between leader dots, pt. */
    leaderSpacing: positive.default(4.5),
  }),
  part: z.strictObject({ title: typeSpec, sink: nonNegative }),
  linebreak: z.strictObject({
    /** Interword glue as fractions of the font's space: stretch and shrink. */
    stretch: nonNegative.default(0.5),
    shrink: nonNegative.default(0.33),
    /** Glyph expansion of justified lines (pdfTeX style): 0.02 lets glyphs widen or narrow by 2 %. */
    expansion: z.number().min(0).max(0.05).default(0.02),
    /** Knuth–Plass: largest adjustment ratio of a line (TeX's \tolerance, as a ratio of the stretch). */
    tolerance: positive.default(1.5),
    /**
     * Emergency pass (TeX's \emergencystretch) for paragraphs with no solution within `tolerance`:
     * every word space counts this many of its own widths as extra stretch, so the looseness is
     * spread over many lines instead of one; 0 turns the pass off.
     */
    emergencyStretch: nonNegative.default(0.25),
    /**
     * In the same pass, spaces may also shrink by this fraction of their shrink more: a space 5 %
     * narrower than usual is invisible where a doubled one is not.
     */
    emergencyShrink: nonNegative.max(1).default(0.5),
    /** Cost of breaking a URL after one of `urlBreakAfter` (no hyphen is added there). */
    urlPenalty: z.number().default(100),
    urlBreakAfter: z.string().min(1).default('/.-?&='),
    hyphenPenalty: z.number().default(50),
    /** Extra demerits for two hyphenated lines in a row. */
    doubleHyphenDemerits: nonNegative.default(3000),
    /** Hyphenated lines allowed in a row. */
    maxHyphensInRow: z.number().int().positive().default(2),
    adjacentLooseTightDemerits: nonNegative.default(3000),
  }).default({
    stretch: 0.5, shrink: 0.33, expansion: 0.02, tolerance: 1.5, emergencyStretch: 0.25, emergencyShrink: 0.5, urlPenalty: 100, urlBreakAfter: '/.-?&=',
    hyphenPenalty: 50, doubleHyphenDemerits: 3000, maxHyphensInRow: 2, adjacentLooseTightDemerits: 3000,
  }),
  hyphenation: z.strictObject({
    leftMin: z.number().int().min(1).default(2),
    rightMin: z.number().int().min(1).default(3),
  }).default({ leftMin: 2, rightMin: 3 }),
  /** Minimum lines of a paragraph at the foot (orphans) and head (widows) of a page. */
  orphans: z.number().int().min(1).default(2),
  widows: z.number().int().min(1).default(2),
  /** PDF/A-1b or PDF/A-2b for archives; `none` (default) is a plain PDF. A manifest's `pdf.standard` and `--pdf-standard` override it. */
  standard: z.enum(PDF_STANDARDS).default('none'),
});

export type PdfConfig = z.infer<typeof pdfSchema>;
export type TypeSpec = z.infer<typeof typeSpec>;
export type FontStyle = z.infer<typeof fontStyle>;
export type FallbackFont = z.infer<typeof fallbackFont>;
export type HeadingSpec = z.infer<typeof headingSpec>;
export type TableSpec = z.infer<typeof tableSpec>;

/** Page geometry in points. */
export interface Geometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  inner: number;
  outer: number;
  /** Width of the text block (the measure). */
  measure: number;
  /** Height of the text block. */
  blockHeight: number;
}

export interface Style {
  config: PdfConfig;
  geometry: Geometry;
  /** Path of the pdf.yaml, for messages. */
  file: string;
  /** Where a key of pdf.yaml is (file, line, column), for messages. */
  at(path: (string | number)[]): { file: string; line?: number; column?: number };
  /** `fonts.fallback`: fonts tried in order for characters the run's own face lacks. */
  fallback: FallbackFont[];
}

/** Validates a parsed pdf.yaml; a bad key becomes an InputError naming the file and the key. */
export function resolveStyle(raw: unknown, templateDir: string, positionOf?: (path: (string | number)[]) => { file?: string; line: number; column: number }): Style {
  const file = `${templateDir.replace(/\/$/, '')}/pdf.yaml`;
  // A key inherited along `extends` is reported in the pdf.yaml that sets it, when the caller knows which.
  const at = (path: (string | number)[]) => ({ file, ...(positionOf ? positionOf(path) : {}) });
  // `fonts.fallback` is a list beside the families, not a family: validated on its own.
  const { families, fallback: rawFallback } = splitFallback(raw);
  const parsed = pdfSchema.safeParse(families);
  if (!parsed.success) configError(parsed.error.issues[0]!, [], at);
  const chain = fallbackChain.safeParse(rawFallback);
  if (!chain.success) configError(chain.error.issues[0]!, ['fonts', 'fallback'], at);
  const config = parsed.data;
  for (const [where, family] of familiesUsed(config)) {
    if (!config.fonts[family]) fail('pdf-config', `invalid pdf.yaml key ${where}.family: no font family "${family}" under fonts`, at([...where.split('.'), 'family']));
  }
  const g = config.page;
  const m = config.margins;
  const geometry: Geometry = {
    width: mm(g.width),
    height: mm(g.height),
    top: mm(m.top),
    bottom: mm(m.bottom),
    inner: mm(m.inner),
    outer: mm(m.outer),
    measure: mm(g.width - m.inner - m.outer),
    blockHeight: mm(g.height - m.top - m.bottom),
  };
  if (geometry.measure < 72 || geometry.blockHeight < 72) {
    fail('pdf-config', 'invalid pdf.yaml key margins: the text block is smaller than one inch', at(['margins']));
  }
  return { config, geometry, file, at, fallback: chain.data };
}

type At = (path: (string | number)[]) => { file: string; line?: number; column?: number };

function configError(issue: z.core.$ZodIssue, prefix: (string | number)[], at: At): never {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  const key = path.length > 0 ? path.join('.') : '(top level)';
  const extra = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  return fail('pdf-config', `invalid pdf.yaml key ${key}${extra}: ${issue.message}`, at(path));
}

/** The config without `fonts.fallback`, and that list. */
function splitFallback(raw: unknown): { families: unknown; fallback: unknown } {
  if (typeof raw !== 'object' || raw === null) return { families: raw, fallback: undefined };
  const fonts = (raw as { fonts?: unknown }).fonts;
  if (typeof fonts !== 'object' || fonts === null || !('fallback' in fonts)) return { families: raw, fallback: undefined };
  const { fallback, ...rest } = fonts as Record<string, unknown>;
  return { families: { ...raw, fonts: rest }, fallback };
}

/** Every (key path, family name) pair a config refers to, to check them against `fonts`. */
function familiesUsed(c: PdfConfig): [string, string][] {
  const out: [string, string][] = [];
  const visit = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      if (k === 'family' && typeof child === 'string') out.push([path, child]);
      else if (path !== 'fonts') visit(child, path ? `${path}.${k}` : k);
    }
  };
  visit(c, '');
  return out;
}
