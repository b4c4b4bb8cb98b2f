/**
 * A typeset text as plain data, so it can cross from a worker thread to the
 * main thread by structured clone (typeset-pool.ts), and its adoption into
 * the book's flow there.
 *
 * Structured clone keeps shared references inside one message, so the flow
 * items still point at the nodes of the text's structure subtree, and a
 * table's rows at their table. What cannot cross is a Face (it holds pdfkit's
 * font object): fragments carry the face's key instead and get the main
 * thread's Face back on adoption.
 */
import type { Note, Text } from '../../model/types.js';
import type { AdoptText } from './book.js';
import type { Face } from './fonts.js';
import { nextGroup, type FlowItem, type FlowLine } from './flow.js';
import type { GlyphProblem } from './runs.js';
import type { StructNode } from './structure.js';
import { adoptShaped, type ShapedRuns } from './shaping-transfer.js';

/** What a worker returns for one text. */
export interface TypesetText {
  /** The text's flow items, faces replaced by their keys. */
  items: FlowItem[];
  /** The text's Sect (tagged PDF), which the items' tags point into. */
  sect?: StructNode;
  /** The text's notes with soft hyphens (set at the end of the book with `notes: book`). */
  notes: Note[];
  /** Fallback faces the layout asked for, first-asked first. */
  fallbacks: string[];
  problems: GlyphProblem[];
  /** Words the worker shaped for this text (shaping-transfer.ts). */
  shaped: ShapedRuns;
}

/** Every line of the items, each once (a table's header row is an item and its table's `header`). */
function eachLine(items: FlowItem[], fn: (line: FlowLine) => void): void {
  const seen = new Set<FlowLine>();
  const visit = (l: FlowLine): void => {
    if (seen.has(l)) return;
    seen.add(l);
    fn(l);
  };
  for (const it of items) {
    if (it.kind === 'line') visit(it);
    else if (it.kind === 'row') {
      for (const l of it.lines) visit(l.line);
      for (const l of it.table.header.lines) visit(l.line);
    }
  }
}

type Keyed = { face: Face | string };

/** Replaces every Face in the items by its key (in the worker, before posting). */
export function faceKeys(items: FlowItem[]): void {
  eachLine(items, (l) => {
    for (const f of l.line.frags as Keyed[]) if (typeof f.face !== 'string') f.face = f.face.key;
    if (l.leader && typeof (l.leader as Keyed).face !== 'string') (l.leader as Keyed).face = l.leader.face.key;
  });
}

/**
 * Adopts texts typeset in workers into the book flow: fallback fonts loaded
 * in the order the layout asked for them, faces restored, paragraph groups
 * renumbered (ids are only compared, but must not collide across texts), the
 * Sect hung where the text belongs in the structure tree.
 */
export function adoptTypeset(typeset: Map<Text, TypesetText>): AdoptText {
  return (text, out, ctx) => {
    const t = typeset.get(text);
    if (!t) return false;
    for (const key of t.fallbacks) ctx.fonts.byKey(key);
    adoptShaped(t.shaped, (key) => ctx.fonts.byKey(key));
    const groups = new Map<number, number>();
    const renumbered = new Set<object>();
    eachLine(t.items, (l) => {
      for (const f of l.line.frags as Keyed[]) if (typeof f.face === 'string') f.face = ctx.fonts.byKey(f.face);
      if (l.leader && typeof (l.leader as Keyed).face === 'string') l.leader.face = ctx.fonts.byKey((l.leader as Keyed).face as string);
      if (l.group && !renumbered.has(l.group)) {
        renumbered.add(l.group);
        let id = groups.get(l.group.id);
        if (id === undefined) groups.set(l.group.id, (id = nextGroup()));
        l.group.id = id;
      }
    });
    if (ctx.tags && t.sect) ctx.tags.current.children.push(t.sect);
    ctx.problems.push(...t.problems);
    for (const it of t.items) out.push(it);
    return true;
  };
}
