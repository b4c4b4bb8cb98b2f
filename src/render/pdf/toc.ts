/**
 * The table of contents. Its entries are known from the model, their page
 * numbers only after pagination: every entry line reserves a column for the
 * number and carries a `Leader` that names the destination whose page is
 * printed when the page is drawn. So the contents take the same number of
 * pages whatever the numbers are, and one layout pass suffices. Each entry
 * (title, dots and number) is a link to the place it names.
 */
import type { Edition } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import { plainText, type LayoutContext } from './blocks.js';
import type { FlowItem, FlowLine } from './flow.js';
import { notesDest, textDest } from './names.js';
import { partDest } from './opening.js';
import { setString } from './setlines.js';
import { mm } from './style.js';
import { leaves, tagged } from './structure.js';

export interface TocEntry {
  kind: 'part' | 'text' | 'section' | 'notes';
  /** Indent level (0 = flush left). */
  level: number;
  title: string;
  author?: string;
  dest: string;
}

/** Entries in reading order: parts, texts with authors, their headings (depth 1) and notes sections. */
export function tocEntries(edition: Edition, labelsFor: (lang: string) => Labels): TocEntry[] {
  const out: TocEntry[] = [];
  edition.parts.forEach((part, i) => {
    if (part.title) out.push({ kind: 'part', level: 0, title: part.title, dest: partDest(i) });
    for (const text of part.texts) {
      const e: TocEntry = { kind: 'text', level: 0, title: text.meta.title, dest: textDest(text.meta.id) };
      if (text.meta.authors.length > 0) e.author = text.meta.authors.join(', ');
      out.push(e);
      for (const b of text.blocks) {
        if (b.type === 'heading' && b.depth === 1) out.push({ kind: 'section', level: 1, title: plainText(b.children), dest: textDest(text.meta.id, b.id) });
      }
      if (edition.meta.notes === 'text' && text.notes.length > 0) {
        out.push({ kind: 'notes', level: 1, title: labelsFor(text.meta.lang).notes, dest: notesDest(text.meta.id) });
      }
    }
  });
  if (edition.meta.notes === 'book' && edition.parts.some((p) => p.texts.some((t) => t.notes.length > 0))) {
    out.push({ kind: 'notes', level: 0, title: labelsFor(edition.meta.lang).notes, dest: notesDest() });
  }
  return out;
}

/** The contents pages, starting on a right-hand page. */
export function layoutToc(entries: TocEntry[], labels: Labels, ctx: LayoutContext): FlowItem[] {
  const t = ctx.style.config.toc;
  const out: FlowItem[] = [
    { kind: 'break', odd: true, first: 'plain', rest: 'body', head: labels.contents },
    { kind: 'space', height: mm(ctx.style.config.opening.sink), keep: true },
  ];
  // Sect (H1 "Contents") › TOC › TOCI per entry: Reference › Link (title, number; draw.ts) and P (author).
  tagged(ctx.tags, out, 'Sect', () => {
    leaves(ctx.tags, out, () => 'H1', () => out.push(...setString(labels.contents, t.heading, ctx, { keepWithNext: true, marks: [{ kind: 'dest', name: 'contents' }, { kind: 'outline', title: labels.contents, level: 0 }] })));
    out.push({ kind: 'space', height: t.heading.leading });
    tagged(ctx.tags, out, 'TOC', () => {
      for (const e of entries) tagged(ctx.tags, out, 'TOCI', () => tocEntry(e, out, ctx));
    });
  });
  return out;
}

/** One contents entry: title lines with a leader, then the author. */
function tocEntry(e: TocEntry, out: FlowItem[], ctx: LayoutContext): void {
  const t = ctx.style.config.toc;
  const measure = ctx.style.geometry.measure;
  const numberWidth = mm(t.numberWidth);
  const spec = e.kind === 'part' ? t.part : e.kind === 'text' ? t.text : t.section;
  if (e.kind === 'part') out.push({ kind: 'space', height: spec.leading });
  else if (e.kind === 'text') out.push({ kind: 'space', height: spec.leading * 0.4 });
  const x = e.level * mm(t.indent);
  const gap = spec.size * 0.5;
  const lines = setString(e.title, spec, ctx, { x, width: measure - x - numberWidth - gap, keepWithNext: true });
  // The entry is a link to its page: its title here, its dots and number in draw.ts.
  const link = { kind: 'dest', name: e.dest } as const;
  for (const l of lines) for (const f of l.line.frags) f.link = link;
  const last = lines[lines.length - 1];
  if (last) {
    const face = ctx.fonts.face(spec.family, spec.style);
    last.leader = { kind: 'leader', from: last.line.width + gap, right: measure - x, numberWidth, dest: e.dest, face, size: spec.size, dots: t.leader, spacing: t.leaderSpacing };
    if (!e.author) delete last.keepWithNext;
  }
  // The title lines are the entry's Reference (draw.ts adds a Link per line); it precedes the author's P.
  tagged(ctx.tags, out, 'Reference', () => out.push(...lines));
  if (e.author) tagged(ctx.tags, out, 'P', () => out.push(...setString(e.author!, t.author, ctx, { x, width: measure - x - numberWidth - gap })));
}

/** The line of a leader's page number, for tests. */
export function leaderLines(items: FlowItem[]): FlowLine[] {
  return items.filter((i): i is FlowLine => i.kind === 'line' && i.leader !== undefined);
}
