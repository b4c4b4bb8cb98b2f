/**
 * Model blocks → flow items: one handler per block type, like the XHTML
 * renderer. Spacing and indents follow the template (style.ts) and the rules
 * of book typography: first-line indents mark paragraphs, except after a
 * heading, a quotation, a break or at the start of a text.
 */
import type { Block, Heading, Inline, Text } from '../../model/types.js';
import type { FontSet } from './fonts.js';
import { breakRuns, type Align, type Frag } from './linebreak.js';
import { flowLines, nextGroup, type FlowItem, type FlowLine, type Mark } from './flow.js';
import { plainRuns, toRuns, type GlyphProblem, type RunContext } from './runs.js';
import { mm, type HeadingSpec, type Style, type TypeSpec } from './style.js';
import { textDest } from './names.js';
import { fail } from '../../model/messages.js';
import { layoutTable } from './table.js';
import { ARTIFACT, tagged, type StructBuilder } from './structure.js';

export interface LayoutContext {
  style: Style;
  fonts: FontSet;
  problems: GlyphProblem[];
  /** Natural size of an image in pt (throws an InputError if it cannot be read). */
  imageSize(src: string, at: { file: string; line?: number; column?: number }): { width: number; height: number };
  /** Outline level of the current text (headings sit below it). */
  outlineLevel: number;
  /** Collects the PDF's structure tree while laying out (absent: an untagged layout, as in unit tests). */
  tags?: StructBuilder;
}

/** Where and how blocks are set. */
export interface Env {
  x: number;
  width: number;
  spec: TypeSpec;
  /** First-line indent, pt. */
  indent: number;
  align: Align;
  text?: Text;
}

type Prev = 'start' | 'paragraph' | 'heading' | 'quote' | 'break' | 'list' | 'figure' | 'verse' | 'table';

/** Run context for a text (or for front matter when `text` is undefined). */
export function runContext(ctx: LayoutContext, text?: Text, position?: RunContext['position']): RunContext {
  return { config: ctx.style.config, fonts: ctx.fonts, text, position, problems: ctx.problems };
}

/** The environment of a text's body. */
export function bodyEnv(ctx: LayoutContext, text?: Text): Env {
  const b = ctx.style.config.body;
  return { x: 0, width: ctx.style.geometry.measure, spec: b, indent: b.indent * b.size, align: b.align, text };
}

/** Lays out blocks into `out`. */
export function layoutBlocks(blocks: Block[], env: Env, ctx: LayoutContext, out: FlowItem[]): void {
  let prev: Prev = 'start';
  const body = ctx.style.config.body;
  const quote = ctx.style.config.blockquote;
  const blockSpace = quote.space * body.leading;
  const spaceIf = (h: number): void => {
    if (prev !== 'start' && h > 0) out.push({ kind: 'space', height: h });
  };
  for (const block of blocks) {
    const rctx = runContext(ctx, env.text, block.position);
    switch (block.type) {
      case 'paragraph': {
        // After a table, as after a quotation, the text goes on without an indent.
        const indent = prev === 'paragraph' || prev === 'list' || prev === 'figure' || prev === 'verse' ? env.indent : 0;
        tagged(ctx.tags, out, 'P', () => paragraph(block.children, { ...env }, indent, rctx, ctx, out));
        prev = 'paragraph';
        break;
      }
      case 'heading':
        // The text's title is H1 (opening.ts), so its headings start at H2.
        tagged(ctx.tags, out, `H${Math.min(6, block.depth + 1)}`, () => heading(block, env, ctx, out, prev === 'start'));
        prev = 'heading';
        break;
      case 'blockquote': {
        spaceIf(blockSpace);
        const q: Env = {
          ...env,
          x: env.x + mm(quote.indentLeft),
          width: env.width - mm(quote.indentLeft) - mm(quote.indentRight),
          spec: quote,
          indent: body.indent * quote.size,
        };
        tagged(ctx.tags, out, 'BlockQuote', () => layoutBlocks(block.children, q, ctx, out));
        out.push({ kind: 'space', height: blockSpace });
        prev = 'quote';
        break;
      }
      case 'verse':
        spaceIf(blockSpace);
        tagged(ctx.tags, out, 'Div', () => verse(block.lines, { ...env, x: env.x + mm(quote.indentLeft), width: env.width - mm(quote.indentLeft) }, rctx, ctx, out));
        out.push({ kind: 'space', height: blockSpace });
        prev = 'verse';
        break;
      case 'list':
        spaceIf(blockSpace / 2);
        tagged(ctx.tags, out, 'L', () => list(block.ordered, block.start, block.items, env, ctx, out));
        out.push({ kind: 'space', height: blockSpace / 2 });
        prev = 'list';
        break;
      case 'thematicBreak':
        thematicBreak(env, rctx, ctx, out);
        prev = 'break';
        break;
      case 'table': {
        const tableSpace = ctx.style.config.table.space * body.leading;
        spaceIf(tableSpace);
        tagged(ctx.tags, out, 'Table', () => layoutTable(block, env, ctx, out));
        out.push({ kind: 'space', height: tableSpace });
        prev = 'table';
        break;
      }
      case 'figure':
        tagged(ctx.tags, out, 'Figure', () => figure(block.src, block.position ?? { file: env.text?.file ?? '(edition)' }, env, ctx, out), { alt: block.alt });
        prev = 'figure';
        break;
    }
  }
}

/** A paragraph: Knuth–Plass lines, one widow/orphan group. */
export function paragraph(inlines: Inline[], env: Env, indent: number, rctx: RunContext, ctx: LayoutContext, out: FlowItem[], marks?: Mark[]): FlowLine[] {
  const runs = toRuns(inlines, env.spec, rctx);
  const lines = breakRuns(runs, { width: env.width, align: env.align, indent, lb: ctx.style.config.linebreak });
  const fl = flowLines(lines, { x: env.x, leading: env.spec.leading, size: env.spec.size, marks });
  out.push(...fl);
  return fl;
}

/** The spec of a heading depth (deeper headings use the deepest one configured). */
export function headingSpec(ctx: LayoutContext, depth: number): HeadingSpec {
  const hs = ctx.style.config.headings;
  for (let d = Math.min(depth, 6); d >= 1; d--) if (hs[String(d)]) return hs[String(d)]!;
  const first = Object.values(hs)[0];
  if (!first) fail('pdf-config', 'invalid pdf.yaml key headings: at least one heading depth must be given', { file: ctx.style.file });
  return first;
}

function heading(h: Heading, env: Env, ctx: LayoutContext, out: FlowItem[], atStart: boolean): void {
  const spec = headingSpec(ctx, h.depth);
  const lead = ctx.style.config.body.leading;
  if (!atStart) out.push({ kind: 'space', height: spec.spaceBefore * lead });
  const rctx = runContext(ctx, env.text, h.position);
  const runs = toRuns(h.children, spec, rctx);
  const lines = breakRuns(runs, { width: env.width, align: spec.align, lb: ctx.style.config.linebreak });
  const marks: Mark[] = [];
  if (env.text) marks.push({ kind: 'dest', name: textDest(env.text.meta.id, h.id) });
  marks.push({ kind: 'outline', title: plainText(h.children), level: ctx.outlineLevel + h.depth });
  out.push(...flowLines(lines, { x: env.x, leading: spec.leading, size: spec.size, keepWithNext: true, marks }));
  out.push({ kind: 'space', height: spec.spaceAfter * lead });
}

function verse(lines: Inline[][], env: Env, rctx: RunContext, ctx: LayoutContext, out: FlowItem[]): void {
  const hanging = ctx.style.config.verse.hangingIndent * env.spec.size;
  const broken = lines.map((inl) => breakRuns(toRuns(inl, env.spec, rctx), { width: env.width, align: 'left', hanging, lb: ctx.style.config.linebreak }));
  // A stanza is one group: its first or last line never stands alone on a page.
  const fl = flowLines(broken.flat(), { x: env.x, leading: env.spec.leading, size: env.spec.size });
  // Each verse line (however many lines it is set in) is a P of the stanza's Div, so it is read as a line.
  if (ctx.tags) {
    let i = 0;
    for (const b of broken) {
      const p = ctx.tags.node('P');
      for (let k = 0; k < b.length; k++) fl[i++]!.tag = p;
    }
  }
  out.push(...fl);
}

function list(ordered: boolean, start: number, items: Block[][], env: Env, ctx: LayoutContext, out: FlowItem[]): void {
  const cfg = ctx.style.config.list;
  const indent = mm(cfg.indent);
  const face = ctx.fonts.face(env.spec.family, 'regular');
  items.forEach((blocks, i) => {
    const marker = ordered ? `${start + i}.` : cfg.bullet;
    const inner: FlowItem[] = [];
    // LI › Lbl (the marker) + LBody (the item's blocks).
    const lbl = tagged(ctx.tags, inner, 'LI', () => {
      const lbl = ctx.tags?.node('Lbl');
      tagged(ctx.tags, inner, 'LBody', () => layoutBlocks(blocks, { ...env, x: env.x + indent, width: env.width - indent }, ctx, inner));
      return lbl;
    });
    const first = inner.find((it): it is FlowLine => it.kind === 'line');
    if (first) {
      for (const ch of marker) if (!face.has(ch.codePointAt(0)!)) ctx.problems.push({ cp: ch.codePointAt(0)!, face: face.key, snippet: marker, text: env.text });
      const w = face.width(marker) * env.spec.size;
      const frag: Frag = { text: marker, face, size: env.spec.size, rise: 0, x: -indent + Math.max(0, indent - w - env.spec.size * 0.4) * (ordered ? 1 : 0), width: w, scale: 1 };
      if (lbl) frag.tag = lbl;
      first.line.frags.unshift(frag);
    }
    out.push(...inner);
  });
}

function thematicBreak(env: Env, rctx: RunContext, ctx: LayoutContext, out: FlowItem[]): void {
  const tb = ctx.style.config.thematicBreak;
  const lead = ctx.style.config.body.leading;
  const height = tb.lines * lead;
  if (!tb.mark) {
    out.push({ kind: 'space', height, keep: false });
    return;
  }
  const lines = breakRuns(plainRuns(tb.mark, env.spec, rctx), { width: env.width, align: 'center', lb: ctx.style.config.linebreak });
  const line = lines[0];
  if (!line) return;
  // An ornament, not text: a screen reader skips it.
  out.push({ kind: 'line', height, baseline: height / 2 + env.spec.size * 0.3, x: env.x, line, group: { id: nextGroup(), index: 0, count: 1 }, tag: ARTIFACT });
}

function figure(src: string, at: { file: string; line?: number; column?: number }, env: Env, ctx: LayoutContext, out: FlowItem[]): void {
  const size = ctx.imageSize(src, at);
  const maxH = ctx.style.geometry.blockHeight * 0.7;
  const scale = Math.min(1, env.width / size.width, maxH / size.height);
  const width = size.width * scale;
  const imageHeight = size.height * scale;
  const lead = ctx.style.config.body.leading;
  out.push({ kind: 'figure', height: imageHeight + lead, imageHeight, width, x: env.x + (env.width - width) / 2, src });
}

/** Plain text of inlines (outline titles, running heads). */
export function plainText(inlines: Inline[]): string {
  return inlines
    .map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? ' ' : n.type === 'noteRef' ? '' : plainText(n.children)))
    .join('')
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

