/**
 * The flow: the whole book as one vertical list of lines, spaces and page
 * breaks, built before any page exists (the TeX model). Pagination cuts it
 * into pages; drawing only replays it. Keeping the two apart is what makes
 * widow/orphan control and a table of contents with page numbers possible.
 */
import type { Line } from './linebreak.js';
import type { Face } from './fonts.js';
import type { StructNode } from './structure.js';

/** Things that happen where a line lands: destinations, bookmarks. */
export type Mark =
  | { kind: 'dest'; name: string }
  | { kind: 'outline'; title: string; level: number };

/** Extra drawing attached to a line: dot leaders with a page number (contents). */
export interface Leader {
  kind: 'leader';
  /** Dots run from `from` to the number column, both relative to the text block. */
  from: number;
  /** Right edge of the page number, relative to the text block. */
  right: number;
  /** Width reserved for the page number. */
  numberWidth: number;
  /** Destination whose page is printed. */
  dest: string;
  face: Face;
  size: number;
  dots: string;
  spacing: number;
}

/** A line of type. */
export interface FlowLine {
  kind: 'line';
  /** Vertical advance (leading). */
  height: number;
  /** Distance from the line's top to its baseline. */
  baseline: number;
  /** Left edge relative to the text block. */
  x: number;
  line: Line;
  /** Lines of one paragraph share a group, for widow and orphan control. */
  group?: { id: number; index: number; count: number };
  /** Never end a page after this line (headings, openings). */
  keepWithNext?: boolean;
  marks?: Mark[];
  leader?: Leader;
  /** The structure element the line's text belongs to (tagged PDF). */
  tag?: StructNode;
}

/** Vertical space; dropped at the top of a page unless `keep`. `fill` takes all space left on its page. */
export interface FlowSpace {
  kind: 'space';
  height: number;
  keep?: boolean;
  fill?: boolean;
}

export interface FlowFigure {
  kind: 'figure';
  height: number;
  x: number;
  width: number;
  imageHeight: number;
  src: string;
  marks?: Mark[];
  keepWithNext?: boolean;
  tag?: StructNode;
}

/**
 * A table row: its cells' lines side by side, never split by pagination
 * (table.ts splits a row taller than a page beforehand). Rules lie inside
 * the row's box: `ruleAbove` at its top edge, `ruleBelow` at its bottom edge.
 */
export interface FlowRow {
  kind: 'row';
  height: number;
  /** The lines of all cells, each `dy` below the row's top (x is in the line). */
  lines: { dy: number; line: FlowLine }[];
  table: FlowTable;
  /** The header row, which pagination repeats on every page the table continues on. */
  header: boolean;
  /** Thickness of rules at the row's top and bottom edge, pt (0 or absent: none). */
  ruleAbove?: number;
  ruleBelow?: number;
  keepWithNext?: boolean;
  marks?: Mark[];
  /** The row's TR (its lines carry their cell's TH or TD). */
  tag?: StructNode;
}

/** What all rows of one table share. */
export interface FlowTable {
  /** Left edge and width of the rules, relative to the text block. */
  x: number;
  width: number;
  header: FlowRow;
  /**
   * A table cut by a page break gets a bottom rule under its last row on the
   * page: its thickness and the space it needs below the row (reserved by pagination).
   */
  breakRule: number;
  breakSpace: number;
}

/** How a page looks around the text block. */
export type PageStyle = 'body' | 'plain';

/** Start a new page: on any page, or on a right-hand (odd) page. */
export interface FlowBreak {
  kind: 'break';
  odd: boolean;
  /** Style of the first page and of the pages that follow. */
  first: PageStyle;
  rest: PageStyle;
  /** Running head of right-hand pages from here on (left pages carry the book title). */
  head?: string;
}

export type FlowItem = FlowLine | FlowSpace | FlowFigure | FlowRow | FlowBreak;

/** Named destinations placed inside the lines of an item (note references, note numbers). */
export function anchorsOf(item: FlowItem): string[] {
  const lines = item.kind === 'line' ? [item] : item.kind === 'row' ? item.lines.map((l) => l.line) : [];
  return lines.flatMap((l) => l.line.frags.filter((f) => f.anchor).map((f) => f.anchor!));
}

/** Baseline position in a line box: the type is centred on the leading, as on a baseline grid. */
export function baselineOf(leading: number, size: number): number {
  return (leading - size) / 2 + size * 0.78;
}

let groupCounter = 0;

/** A fresh paragraph group id. */
export function nextGroup(): number {
  return ++groupCounter;
}

/** Wraps broken lines as flow lines of one paragraph. */
export function flowLines(lines: Line[], o: { x: number; leading: number; size: number; keepWithNext?: boolean; marks?: Mark[] }): FlowLine[] {
  const id = nextGroup();
  const baseline = baselineOf(o.leading, o.size);
  return lines.map((line, index) => {
    const fl: FlowLine = { kind: 'line', height: o.leading, baseline, x: o.x, line, group: { id, index, count: lines.length } };
    if (o.keepWithNext) fl.keepWithNext = true;
    if (index === 0 && o.marks && o.marks.length > 0) fl.marks = [...o.marks];
    return fl;
  });
}
