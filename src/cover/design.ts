/**
 * A template's cover design as data: template.yaml's `cover` section (fonts,
 * colours, one box per text) checked here, beside cover/cover.svg.ejs that
 * draws it. Sizes and boxes are fractions of the trim's width and height, so
 * one design serves the 1600 × 2560 px ebook cover and the front panel of a
 * printed cover of any trim size alike.
 */
import * as z from 'zod';
import { fail } from '../model/messages.js';
import type { Template } from '../templates/load.js';

const fraction = z.number().min(0).max(1);
const color = z.string().regex(/^#[0-9a-fA-F]{3,8}$/, 'must be a colour like "#2b2a27"');

/** One text of the cover, set inside its box: shrunk from `size` down to `minSize` until it fits, broken into lines. */
const slotSchema = z.strictObject({
  /** A name from `fonts`. */
  font: z.string(),
  /** Type size as a fraction of the trim width (0.07 of 1600 px = 112 px). */
  size: z.number().positive(),
  /** Smallest size before words are hyphenated or broken (default: size). */
  minSize: z.number().positive().optional(),
  /** Line distance as a multiple of the size. */
  leading: z.number().positive().default(1.2),
  /** [x, y, width, height] as fractions of the trim. */
  box: z.tuple([fraction, fraction, fraction, fraction]),
  align: z.enum(['left', 'center', 'right']).default('center'),
  valign: z.enum(['top', 'middle', 'bottom']).default('top'),
  /** A name from `colors`. */
  color: z.string().default('ink'),
  /** Extra space between letters, in em. */
  letterSpacing: z.number().default(0),
  uppercase: z.boolean().default(false),
  /** Most lines; more are cut with "…" and a warning. */
  maxLines: z.number().int().positive().default(8),
});

/** Back cover and spine of the print cover, in pt and mm (print sizes are absolute). */
const printSchema = z.strictObject({
  spine: z.strictObject({ font: z.string(), size: z.number().positive(), minSize: z.number().positive(), color: z.string().default('ink'), direction: z.enum(['top-to-bottom', 'bottom-to-top']).default('top-to-bottom') }),
  back: z.strictObject({ font: z.string(), size: z.number().positive(), leading: z.number().positive(), color: z.string().default('ink'), margin: z.number().nonnegative() }),
});

export const coverDesignSchema = z.strictObject({
  /** Font files by name: `npm:<package>/<file>`, absolute, or relative to the template folder. */
  fonts: z.record(z.string(), z.string()),
  /** Colours by name; `background` and `ink` are required. */
  colors: z.record(z.string(), color).refine((c) => 'background' in c && 'ink' in c, 'must name background and ink'),
  slots: z.strictObject({ series: slotSchema.optional(), authors: slotSchema, title: slotSchema, subtitle: slotSchema.optional(), publisher: slotSchema.optional() }),
  print: printSchema,
  /** An image drawn by the SVG template (a PNG or JPEG, relative to the template folder). */
  image: z.string().optional(),
});

export type CoverDesign = z.infer<typeof coverDesignSchema>;
export type SlotDesign = z.infer<typeof slotSchema>;
export type SlotName = keyof CoverDesign['slots'];

/** The design of a template (own and inherited `cover` keys merged); a broken one is an error at its template.yaml line. */
export function coverDesign(template: Template): CoverDesign {
  if (template.coverConfig === undefined) return fail('cover-design', `template \`${template.name}\` has no cover section in template.yaml`, template.coverPositionOf([]));
  const r = coverDesignSchema.safeParse(template.coverConfig);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const keys = issue.path as (string | number)[];
    return fail('cover-design', `cover.${keys.join('.')}: ${issue.message}`, template.coverPositionOf(keys));
  }
  const d = r.data;
  const names = (kind: string, known: Record<string, unknown>, used: [string, string][]) => {
    for (const [where, name] of used) if (!(name in known)) fail('cover-design', `cover.${where}: unknown ${kind} \`${name}\` (known: ${Object.keys(known).join(', ')})`, template.coverPositionOf(where.split('.')));
  };
  const slots = Object.entries(d.slots).filter((e): e is [string, SlotDesign] => e[1] !== undefined);
  names('font', d.fonts, [...slots.map(([k, s]): [string, string] => [`slots.${k}.font`, s.font]), ['print.spine.font', d.print.spine.font], ['print.back.font', d.print.back.font]]);
  names('colour', d.colors, [...slots.map(([k, s]): [string, string] => [`slots.${k}.color`, s.color]), ['print.spine.color', d.print.spine.color], ['print.back.color', d.print.back.color]]);
  return d;
}
