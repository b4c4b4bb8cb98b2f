/**
 * Pages → PDF: replays the placed flow on pdfkit pages, with links, named
 * destinations, bookmarks, running heads and page numbers.
 */
import type { FlowLine, FlowRow, Leader } from './flow.js';
import type { Frag } from './linebreak.js';
import type { Pagination } from './paginate.js';
import type { Style } from './style.js';
import { TextWriter, type ContentHost } from './textwriter.js';
import { drawRunningHead } from './runningheads.js';
import { Outline, type OutlineRoot } from './outline.js';
import type { FontSet } from './fonts.js';
import type { Link } from './runs.js';

/** The pdfkit document as far as drawing uses it. */
export interface DrawDoc extends ContentHost {
  addPage(options: { size: [number, number]; margin: number }): unknown;
  addNamedDestination(name: string, type: 'XYZ', x: number, y: number, zoom: null): void;
  link(x: number, y: number, w: number, h: number, url: string): unknown;
  goTo(x: number, y: number, w: number, h: number, name: string): unknown;
  image(src: string, x: number, y: number, options: { width: number; height: number }): unknown;
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color: string): unknown;
  save(): unknown;
  restore(): unknown;
  outline: OutlineRoot;
}

export interface DrawInput {
  doc: DrawDoc;
  style: Style;
  fonts: FontSet;
  pagination: Pagination;
  bookTitle: string;
  onProgress?: (donePages: number) => void;
}

/** Draws every page. */
export function drawPages(input: DrawInput): void {
  const { doc, style, pagination } = input;
  const g = style.geometry;
  const writer = new TextWriter(doc);
  const outline = new Outline(doc.outline);
  const known = pagination.destPages;
  pagination.pages.forEach((page, n) => {
    doc.addPage({ size: [g.width, g.height], margin: 0 });
    const left = page.number % 2 === 1 ? g.inner : g.outer;
    page.items.forEach((placed, k) => {
      const top = g.top + placed.y;
      const item = placed.item;
      for (const m of placed.repeat ? [] : (item.marks ?? [])) {
        if (m.kind === 'dest') doc.addNamedDestination(m.name, 'XYZ', left, Math.max(0, top - 6), null);
        else outline.add(m.title, m.level);
      }
      if (item.kind === 'row') {
        // The last row of a table on this page that does not end the table gets a rule under it.
        const next = page.items[k + 1]?.item;
        const cut = !item.ruleBelow && !(next?.kind === 'row' && next.table === item.table);
        return drawRow(doc, writer, item, left, top, known, { anchors: !placed.repeat, cut });
      }
      if (item.kind === 'figure') {
        doc.image(item.src, left + item.x, top + (item.height - item.imageHeight) / 2, { width: item.width, height: item.imageHeight });
        return;
      }
      drawLine(doc, writer, item, left, top, known);
    });
    if (page.style === 'body' && !page.blank) writer.artifact(() => drawRunningHead(writer, style, input.fonts, page, page.number % 2 === 0 ? input.bookTitle : (page.head ?? input.bookTitle)));
    writer.finish();
    input.onProgress?.(n + 1);
  });
}

/** A table row: its cells' lines and its rules (a repeated header places no anchors again). */
function drawRow(doc: DrawDoc, writer: TextWriter, row: FlowRow, left: number, top: number, known: Map<string, number>, o: { anchors: boolean; cut: boolean }): void {
  for (const { dy, line } of row.lines) drawLine(doc, writer, line, left, top + dy, known, o.anchors);
  const x = left + row.table.x;
  const w = row.table.width;
  if (row.ruleAbove) rule(doc, x, top, w, row.ruleAbove);
  if (row.ruleBelow) rule(doc, x, top + row.height - row.ruleBelow, w, row.ruleBelow);
  if (o.cut) rule(doc, x, top + row.height + row.table.breakSpace - row.table.breakRule, w, row.table.breakRule);
}

/** A horizontal rule as a filled rectangle (crisper than a stroked line at any zoom). */
function rule(doc: DrawDoc, x: number, y: number, w: number, thickness: number): void {
  doc.save();
  doc.rect(x, y, w, thickness);
  doc.fill('black');
  doc.restore();
}

function drawLine(doc: DrawDoc, writer: TextWriter, item: FlowLine, left: number, top: number, known: Map<string, number>, anchors = true): void {
  const lx = left + item.x;
  const baseline = top + item.baseline;
  const frags = item.line.frags;
  for (const f of frags) {
    writer.text(f.face, f.size, lx + f.x, baseline - f.rise, f.text, f.scale);
    if (f.anchor && anchors) doc.addNamedDestination(f.anchor, 'XYZ', lx + f.x, Math.max(0, top - 6), null);
  }
  // A contents entry: the dots and the page number belong to the entry's link.
  const leaderEnd = item.leader ? drawLeader(writer, item.leader, lx, baseline, known) : undefined;
  // One annotation per run of fragments with the same link target on this line.
  for (let i = 0; i < frags.length; ) {
    const link = frags[i]!.link;
    let j = i + 1;
    while (j < frags.length && sameLink(frags[j]!.link, link)) j++;
    if (link) {
      const last = frags[j - 1]!;
      let x1 = lx + last.x + last.width;
      if (leaderEnd !== undefined && j === frags.length && link.kind === 'dest' && link.name === item.leader!.dest) x1 = leaderEnd;
      linkRect(doc, link, lx + frags[i]!.x, x1, top, item.height, known);
    }
    i = j;
  }
  drawDecorations(writer, frags, lx, baseline);
}

/** One rule per run of fragments with the same decoration, across the spaces between them. */
function drawDecorations(writer: TextWriter, frags: Frag[], lx: number, baseline: number): void {
  for (let i = 0; i < frags.length; ) {
    const decoration = frags[i]!.decoration;
    let j = i + 1;
    while (j < frags.length && frags[j]!.decoration === decoration) j++;
    if (decoration) {
      const first = frags[i]!;
      const last = frags[j - 1]!;
      const { face, size } = first;
      const thickness = face.underline.thickness * size;
      const y = baseline - first.rise + (decoration === 'underline' ? face.underline.offset * size : -face.strikeRise * size) - thickness / 2;
      writer.rule(lx + first.x, y, last.x + last.width - first.x, thickness);
    }
    i = j;
  }
}

function sameLink(a: Link | undefined, b: Link | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && (a.kind === 'uri' ? a.uri === (b as { uri: string }).uri : a.name === (b as { name: string }).name);
}

/**
 * A link annotation over [x0, x1] and the whole line box (top to top +
 * height), so it covers ascenders, descenders and raised note numbers.
 */
function linkRect(doc: DrawDoc, link: Link, x0: number, x1: number, top: number, height: number, known: Map<string, number>): void {
  // Pad small targets (superscript numbers) so they can be hit with a finger.
  const pad = 1.5;
  const w = x1 - x0 + 2 * pad;
  if (link.kind === 'uri') doc.link(x0 - pad, top, w, height, link.uri);
  // Every target is placed by now (paginate collects line marks and in-line anchors): a name
  // missing here is a bug in the layout, and dropping the link quietly is how the PDF once
  // lost all its links, so it stops the build instead.
  else if (known.has(link.name)) doc.goTo(x0 - pad, top, w, height, link.name);
  else throw new Error(`PDF link to "${link.name}", which is placed nowhere in the book`);
}

/** Draws dots and the page number of a contents entry; returns the number's right edge. */
function drawLeader(writer: TextWriter, l: Leader, lx: number, baseline: number, known: Map<string, number>): number {
  const page = known.get(l.dest);
  if (page === undefined) throw new Error(`contents entry for "${l.dest}", which is placed nowhere in the book`);
  const label = String(page);
  const numberW = l.face.width(label) * l.size;
  const numberX = lx + l.right - numberW;
  const dotW = l.face.width(l.dots) * l.size;
  // Dots sit on a grid measured from the page edge so the leaders of all entries line up.
  // Dots stop a little before the number (not at the column edge), so short numbers get no gap.
  const end = numberX - l.size * 0.5;
  let x = Math.ceil((lx + l.from) / l.spacing) * l.spacing;
  while (x + dotW <= end) {
    writer.text(l.face, l.size, x, baseline, l.dots);
    x += l.spacing;
  }
  writer.text(l.face, l.size, numberX, baseline, label);
  return lx + l.right;
}
