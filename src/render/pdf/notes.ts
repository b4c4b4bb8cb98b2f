/**
 * Endnotes, a size smaller than the text: after each text, or gathered at the
 * end of the book under each text's title (edition.meta.notes). A note's
 * number is a link back to its first reference and the destination its
 * references point to.
 */
import type { Edition, Note, Text } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import { layoutBlocks, type Env, type LayoutContext } from './blocks.js';
import { baselineOf, nextGroup, type FlowItem, type FlowLine, type Mark } from './flow.js';
import type { Frag } from './linebreak.js';
import { noteDest, notesDest, refDest } from './names.js';
import { setString } from './setlines.js';
import { mm } from './style.js';

/** The notes section of one text (placement 'text'); starts on a new page. */
export function textNotes(text: Text, labels: Labels, outlineLevel: number, ctx: LayoutContext): FlowItem[] {
  if (text.notes.length === 0) return [];
  const n = ctx.style.config.notes;
  const out: FlowItem[] = [{ kind: 'break', odd: false, first: 'body', rest: 'body', head: text.meta.title }];
  const marks: Mark[] = [{ kind: 'dest', name: notesDest(text.meta.id) }, { kind: 'outline', title: labels.notes, level: outlineLevel }];
  out.push(...setString(labels.notes, n.heading, ctx, { keepWithNext: true, marks, text }));
  out.push({ kind: 'space', height: n.heading.leading * 0.5 });
  for (const note of text.notes) out.push(...noteItems(note, text, ctx));
  return out;
}

/** All notes at the end of the book, grouped by text. */
export function bookNotes(edition: Edition, labels: Labels, ctx: LayoutContext): FlowItem[] {
  const texts = edition.parts.flatMap((p) => p.texts).filter((t) => t.notes.length > 0);
  if (texts.length === 0) return [];
  const n = ctx.style.config.notes;
  const out: FlowItem[] = [{ kind: 'break', odd: true, first: 'plain', rest: 'body', head: labels.notes }];
  out.push({ kind: 'space', height: mm(ctx.style.config.opening.sink), keep: true });
  out.push(...setString(labels.notes, n.heading, ctx, { keepWithNext: true, marks: [{ kind: 'dest', name: notesDest() }, { kind: 'outline', title: labels.notes, level: 0 }] }));
  for (const text of texts) {
    out.push({ kind: 'space', height: n.textHeading.leading });
    const marks: Mark[] = [{ kind: 'dest', name: notesDest(text.meta.id) }, { kind: 'outline', title: text.meta.title, level: 1 }];
    out.push(...setString(text.meta.title, n.textHeading, ctx, { keepWithNext: true, marks, text }));
    out.push({ kind: 'space', height: n.textHeading.leading * 0.25 });
    for (const note of text.notes) out.push(...noteItems(note, text, ctx));
  }
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
  first.line.frags.unshift(number);
  items.push({ kind: 'space', height: n.space * n.leading });
  return items;
}
