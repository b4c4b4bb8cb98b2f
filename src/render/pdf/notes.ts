/**
 * Endnotes, a size smaller than the text: after each text, or gathered at the
 * end of the book under each text's title (edition.meta.notes). A note's
 * number is the destination its references point to and a link back to its
 * first reference; further references get backlinks of their own.
 */
import type { Edition, Note, Text } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import { layoutBlocks, type Env, type LayoutContext } from './blocks.js';
import { baselineOf, nextGroup, type FlowItem, type FlowLine, type Mark } from './flow.js';
import type { Frag } from './linebreak.js';
import { noteDest, notesDest, refDest } from './names.js';
import { setString } from './setlines.js';
import { mm } from './style.js';
import { leaves, tagged } from './structure.js';

/** The notes section of one text (placement 'text'); starts on a new page. */
export function textNotes(text: Text, labels: Labels, outlineLevel: number, ctx: LayoutContext): FlowItem[] {
  if (text.notes.length === 0) return [];
  const n = ctx.style.config.notes;
  const out: FlowItem[] = [{ kind: 'break', odd: false, first: 'body', rest: 'body', head: text.meta.title }];
  const marks: Mark[] = [{ kind: 'dest', name: notesDest(text.meta.id) }, { kind: 'outline', title: labels.notes, level: outlineLevel }];
  // A section of the text's Sect: its heading sits below the text's title (H1).
  tagged(ctx.tags, out, 'Sect', () => {
    leaves(ctx.tags, out, () => 'H2', () => out.push(...setString(labels.notes, n.heading, ctx, { keepWithNext: true, marks, text })));
    out.push({ kind: 'space', height: n.heading.leading * 0.5 });
    for (const note of text.notes) tagged(ctx.tags, out, 'Note', () => out.push(...noteItems(note, text, ctx)));
  });
  return out;
}

/** All notes at the end of the book, grouped by text. */
export function bookNotes(edition: Edition, labels: Labels, ctx: LayoutContext): FlowItem[] {
  const texts = edition.parts.flatMap((p) => p.texts).filter((t) => t.notes.length > 0);
  if (texts.length === 0) return [];
  const n = ctx.style.config.notes;
  const out: FlowItem[] = [{ kind: 'break', odd: true, first: 'plain', rest: 'body', head: labels.notes }];
  out.push({ kind: 'space', height: mm(ctx.style.config.opening.sink), keep: true });
  // Sect (H1 "Notes") › Sect per text (H2 its title) › Note …
  tagged(ctx.tags, out, 'Sect', () => {
    leaves(ctx.tags, out, () => 'H1', () => out.push(...setString(labels.notes, n.heading, ctx, { keepWithNext: true, marks: [{ kind: 'dest', name: notesDest() }, { kind: 'outline', title: labels.notes, level: 0 }] })));
    for (const text of texts) {
      out.push({ kind: 'space', height: n.textHeading.leading });
      const marks: Mark[] = [{ kind: 'dest', name: notesDest(text.meta.id) }, { kind: 'outline', title: text.meta.title, level: 1 }];
      tagged(ctx.tags, out, 'Sect', () => {
        leaves(ctx.tags, out, () => 'H2', () => out.push(...setString(text.meta.title, n.textHeading, ctx, { keepWithNext: true, marks, text })));
        out.push({ kind: 'space', height: n.textHeading.leading * 0.25 });
        for (const note of text.notes) tagged(ctx.tags, out, 'Note', () => out.push(...noteItems(note, text, ctx)));
      }, text.meta.lang !== edition.meta.lang ? { lang: text.meta.lang } : {});
    }
  });
  return out;
}

/** One note: its blocks beside a hanging number. */
function noteItems(note: Note, text: Text, ctx: LayoutContext): FlowItem[] {
  const n = ctx.style.config.notes;
  const numberWidth = mm(n.numberWidth);
  const env: Env = {
    x: numberWidth,
    width: ctx.style.geometry.measure - numberWidth,
    spec: n,
    indent: ctx.style.config.body.indent * n.size,
    align: ctx.style.config.body.align,
    text,
  };
  const items: FlowItem[] = [];
  // Inside its Note element: the number is its Lbl, the blocks follow (P …).
  const lbl = ctx.tags?.node('Lbl');
  layoutBlocks(note.blocks, env, ctx, items);
  let first = items.find((i): i is FlowLine => i.kind === 'line');
  if (!first) {
    first = { kind: 'line', height: n.leading, baseline: baselineOf(n.leading, n.size), x: numberWidth, line: { frags: [], width: 0, hyphenated: false }, group: { id: nextGroup(), index: 0, count: 1 } };
    items.unshift(first);
  }
  const face = ctx.fonts.face(n.family, 'regular');
  const label = String(note.number);
  const number: Frag = { text: label, face, size: n.size, rise: 0, x: -numberWidth, width: face.width(label) * n.size, scale: 1, anchor: noteDest(text.meta.id, note.number) };
  // An editorial note without a reference has nowhere to link back to.
  if (note.references > 0) number.link = { kind: 'dest', name: refDest(text.meta.id, note.number, 1) };
  if (lbl) number.tag = lbl;
  first.line.frags.unshift(number);
  if (note.references > 1) appendBacklinks(items, note, text, env, ctx);
  items.push({ kind: 'space', height: n.space * n.leading });
  return items;
}

/**
 * A note cited n times gets n backlinks, as in the EPUB: the number leads to
 * the first reference, and "↑2", "↑3" … after the note's text to the others.
 * They go at the end of the last line when they fit (that line is never
 * justified), otherwise on a line of their own within the same paragraph.
 */
function appendBacklinks(items: FlowItem[], note: Note, text: Text, env: Env, ctx: LayoutContext): void {
  const n = ctx.style.config.notes;
  const sup = ctx.style.config.superscript;
  const face = ctx.fonts.face(n.family, 'regular');
  for (const ch of n.backlink) {
    const cp = ch.codePointAt(0)!;
    if (!face.has(cp)) ctx.problems.push({ cp, face: face.key, text, snippet: n.backlink });
  }
  const space = face.space * n.size;
  const marks: Frag[][] = [];
  for (let i = 2; i <= note.references; i++) {
    const link = { kind: 'dest', name: refDest(text.meta.id, note.number, i) } as const;
    const markW = face.width(n.backlink) * n.size;
    const count = String(i);
    marks.push([
      { text: n.backlink, face, size: n.size, rise: 0, x: 0, width: markW, scale: 1, link },
      { text: count, face, size: n.size * sup.scale, rise: n.size * sup.rise, x: markW, width: face.width(count) * n.size * sup.scale, scale: 1, link },
    ]);
  }
  const lines = items.filter((i): i is FlowLine => i.kind === 'line');
  let line = lines[lines.length - 1]!;
  let x = line.line.width;
  for (const mark of marks) {
    const w = mark[mark.length - 1]!.x + mark[mark.length - 1]!.width;
    // The last line may sit in an indented block (a quotation): measure from its own left edge.
    if (x > 0 && x + space + w > env.x + env.width - line.x) {
      line = continuation(items, line);
      x = 0;
    }
    const at = x > 0 ? x + space : 0;
    for (const f of mark) line.line.frags.push({ ...f, x: at + f.x });
    x = at + w;
    line.line.width = x;
  }
}

/** A new last line in the paragraph of `line` (widow and orphan control sees it as one more line). */
function continuation(items: FlowItem[], line: FlowLine): FlowLine {
  const next: FlowLine = { ...line, line: { frags: [], width: 0, hyphenated: false } };
  delete next.marks;
  if (line.group) {
    const group = line.group;
    const count = group.count + 1;
    for (const it of items) if (it.kind === 'line' && it.group?.id === group.id) it.group = { ...it.group, count };
    next.group = { id: group.id, index: count - 1, count };
  }
  items.splice(items.indexOf(line) + 1, 0, next);
  return next;
}
