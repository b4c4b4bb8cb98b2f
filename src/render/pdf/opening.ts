/**
 * Openings: a part's title page and the block that starts every text on a
 * new right-hand page (title, subtitle, authors, date, source, translator).
 */
import type { PartialDate, Text } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import type { LayoutContext } from './blocks.js';
import type { FlowItem } from './flow.js';
import { joinNames } from './frontmatter.js';
import { textDest } from './names.js';
import { setString } from './setlines.js';
import { mm } from './style.js';
import { dateFormat } from '../../util/dates.js';

/** Destination of a part's title page. */
export const partDest = (index: number): string => `part:${index}`;

/** A part title on a right-hand page of its own (its back stays blank). */
export function partPage(title: string, index: number, ctx: LayoutContext): FlowItem[] {
  const p = ctx.style.config.part;
  return [
    { kind: 'break', odd: true, first: 'plain', rest: 'plain' },
    { kind: 'space', height: mm(p.sink), keep: true },
    ...setString(title, p.title, ctx, { align: 'center', marks: [{ kind: 'dest', name: partDest(index) }, { kind: 'outline', title, level: 0 }] }),
  ];
}

/** Formats a partial date in the text's language ("16. Juli 1917", "März 1917", "1917"). */
export function formatDate(d: PartialDate, lang: string): string {
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (d.month) opts.month = 'long';
  if (d.month && d.day) opts.day = 'numeric';
  try {
    return dateFormat(lang, opts).format(new Date(Date.UTC(d.year, (d.month ?? 1) - 1, d.day ?? 1)));
  } catch {
    return [d.day, d.month, d.year].filter((x) => x !== undefined).join('.');
  }
}

/** The opening block of a text; starts a right-hand page without running head. */
export function textOpening(text: Text, labels: Labels, outlineLevel: number, ctx: LayoutContext): FlowItem[] {
  const o = ctx.style.config.opening;
  const m = text.meta;
  const align = o.align;
  const keep = { align, keepWithNext: true, text } as const;
  const out: FlowItem[] = [
    { kind: 'break', odd: true, first: 'plain', rest: 'body', head: m.title },
    { kind: 'space', height: mm(o.sink), keep: true },
  ];
  out.push(...setString(m.title, o.title, ctx, { ...keep, marks: [{ kind: 'dest', name: textDest(m.id) }, { kind: 'outline', title: m.title, level: outlineLevel }] }));
  if (m.subtitle) out.push(...setString(m.subtitle, o.subtitle, ctx, keep));
  if (m.authors.length > 0) {
    out.push({ kind: 'space', height: o.author.leading * 0.5 });
    out.push(...setString(joinNames(m.authors, m.lang), o.author, ctx, keep));
  }
  const metaLine = [m.date ? formatDate(m.date, m.lang) : '', m.source ?? ''].filter(Boolean).join(' · ');
  if (metaLine || m.translator) out.push({ kind: 'space', height: o.meta.leading * 0.5 });
  if (metaLine) out.push(...setString(metaLine, o.meta, ctx, keep));
  if (m.translator) out.push(...setString(`${labels.translatedBy} ${m.translator}`, o.meta, ctx, keep));
  out.push({ kind: 'space', height: o.spaceAfter * ctx.style.config.body.leading });
  return out;
}
