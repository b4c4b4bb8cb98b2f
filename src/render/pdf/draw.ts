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
import type { StructNode } from './structure.js';
import { ContentTagger, type TagDoc, type Target } from './tagdraw.js';

/** The pdfkit document as far as drawing uses it. */
export interface DrawDoc extends ContentHost, TagDoc {
  addPage(options: { size: [number, number]; margin: number }): unknown;
  addNamedDestination(name: string, type: 'XYZ', x: number, y: number, zoom: null): void;
  link(x: number, y: number, w: number, h: number, url: string, options?: AnnotationOptions): unknown;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: AnnotationOptions): unknown;
  image(src: string, x: number, y: number, options: { width: number; height: number }): unknown;
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color: string): unknown;
  save(): unknown;
  restore(): unknown;
  outline: OutlineRoot;
}

/** Extra keys of a link annotation: its Link element and its description (PDF/UA wants /Contents). */
interface AnnotationOptions {
  structParent?: unknown;
  Contents?: string;
}

export interface DrawInput {
  doc: DrawDoc;
  style: Style;
  fonts: FontSet;
  pagination: Pagination;
  bookTitle: string;
  /** The structure tree from layout: given, the PDF is tagged. */
  structure?: StructNode;
  onProgress?: (donePages: number) => void;
}

/** Draws every page. */
export function drawPages(input: DrawInput): void {
  const { doc, style, pagination } = input;
  const g = style.geometry;
  const writer = new TextWriter(doc);
  const tagger = new ContentTagger(doc, writer, input.structure);
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
        return drawRow(doc, writer, tagger, item, left, top, known, { anchors: !placed.repeat, cut });
      }
      if (item.kind === 'figure') {
        tagger.enter(tagger.target(item.tag));
        doc.image(item.src, left + item.x, top + (item.height - item.imageHeight) / 2, { width: item.width, height: item.imageHeight });
        return;
      }
      drawLine(doc, writer, tagger, item, left, top, known);
    });
    tagger.close();
    if (page.style === 'body' && !page.blank) writer.artifact(() => drawRunningHead(writer, style, input.fonts, page, page.number % 2 === 0 ? input.bookTitle : (page.head ?? input.bookTitle)));
    writer.finish();
    input.onProgress?.(n + 1);
  });
}

/** A table row: its cells' lines and its rules (a repeated header places no anchors again). */
function drawRow(doc: DrawDoc, writer: TextWriter, tagger: ContentTagger, row: FlowRow, left: number, top: number, known: Map<string, number>, o: { anchors: boolean; cut: boolean }): void {
  // A header repeated on a later page is an artifact: its cells were read where the table began.
  for (const { dy, line } of row.lines) drawLine(doc, writer, tagger, line, left, top + dy, known, o.anchors, o.anchors ? undefined : 'artifact');
  tagger.enter('artifact');
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

/**
 * A line, run by run: fragments with the same element and link target share
 * one piece of marked content; a linked run gets a Link element holding its
 * text and its annotation (OBJR).
 */
function drawLine(doc: DrawDoc, writer: TextWriter, tagger: ContentTagger, item: FlowLine, left: number, top: number, known: Map<string, number>, anchors = true, force?: Target): void {
  const lx = left + item.x;
  const baseline = top + item.baseline;
  const frags = item.line.frags;
  const leader = item.leader;
  let leaderDrawn = false;
  for (let i = 0; i < frags.length; ) {
    const { link, tag, lang } = frags[i]!;
    let j = i + 1;
    while (j < frags.length && sameLink(frags[j]!.link, link) && frags[j]!.tag === tag && frags[j]!.lang === lang) j++;
    // A `lang` span is a Span with /Lang in its element, so a screen reader switches voices.
    const owner = tagger.span(force ?? tagger.target(tag ?? item.tag), lang);
    const linkTag = link && owner !== 'artifact' ? tagger.link(owner, link.kind === 'dest') : undefined;
    tagger.enter(linkTag?.element ?? owner);
    for (let k = i; k < j; k++) {
      const f = frags[k]!;
      writer.text(f.face, f.size, lx + f.x, baseline - f.rise, f.text, f.scale);
      if (f.anchor && anchors) doc.addNamedDestination(f.anchor, 'XYZ', lx + f.x, Math.max(0, top - 6), null);
    }
    // A contents entry: the dots and the page number belong to the entry's link.
    let x1 = lx + frags[j - 1]!.x + frags[j - 1]!.width;
    if (leader && j === frags.length) {
      leaderDrawn = true;
      const end = drawLeader(writer, tagger, leader, lx, baseline, known, linkTag?.element ?? owner);
      if (link?.kind === 'dest' && link.name === leader.dest) x1 = end;
    }
    if (link) {
      tagger.close();
      linkRect(doc, link, lx + frags[i]!.x, x1, top, item.height, known, { structParent: linkTag?.element, Contents: wordsOf(frags.slice(i, j)) });
      linkTag?.done();
    }
    i = j;
  }
  if (leader && !leaderDrawn) drawLeader(writer, tagger, leader, lx, baseline, known, force ?? tagger.target(item.tag));
  // Underlines and strike-throughs are drawing, not text.
  if (frags.some((f) => f.decoration)) {
    tagger.enter('artifact');
    drawDecorations(writer, frags, lx, baseline);
  }
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

/** The words of placed fragments: a space wherever the line has a gap between two (words are placed one by one). */
function wordsOf(frags: Frag[]): string {
  let out = '';
  frags.forEach((f, k) => {
    const prev = frags[k - 1];
    if (prev && f.x - (prev.x + prev.width) > f.size * 0.1) out += ' ';
    out += f.text;
  });
  return out.replace(/\u00AD/g, '');
}

function sameLink(a: Link | undefined, b: Link | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && (a.kind === 'uri' ? a.uri === (b as { uri: string }).uri : a.name === (b as { name: string }).name);
}

/**
 * A link annotation over [x0, x1] and the whole line box (top to top +
 * height), so it covers ascenders, descenders and raised note numbers.
 */
function linkRect(doc: DrawDoc, link: Link, x0: number, x1: number, top: number, height: number, known: Map<string, number>, options: AnnotationOptions): void {
  // Pad small targets (superscript numbers) so they can be hit with a finger.
  const pad = 1.5;
  const w = x1 - x0 + 2 * pad;
  // An annotation's /Contents describes it to assistive technology (PDF/UA): the linked text.
  const o: AnnotationOptions = { Contents: new String(options.Contents ?? '') as unknown as string };
  if (options.structParent) o.structParent = options.structParent;
  if (link.kind === 'uri') doc.link(x0 - pad, top, w, height, link.uri, o);
  // Every target is placed by now (paginate collects line marks and in-line anchors): a name
  // missing here is a bug in the layout, and dropping the link quietly is how the PDF once
  // lost all its links, so it stops the build instead.
  else if (known.has(link.name)) doc.goTo(x0 - pad, top, w, height, link.name, o);
  else throw new Error(`PDF link to "${link.name}", which is placed nowhere in the book`);
}

/** Draws dots and the page number of a contents entry; returns the number's right edge. */
function drawLeader(writer: TextWriter, tagger: ContentTagger, l: Leader, lx: number, baseline: number, known: Map<string, number>, numberTarget: Target): number {
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
  tagger.enter('artifact');
  while (x + dotW <= end) {
    writer.text(l.face, l.size, x, baseline, l.dots);
    x += l.spacing;
  }
  tagger.enter(numberTarget);
  writer.text(l.face, l.size, numberX, baseline, label);
  return lx + l.right;
}
