/**
 * Flow → pages. First fit, then the page break is moved back until it is
 * legal: no heading (or opening) last on a page, at least `orphans` lines of
 * a paragraph at the foot and `widows` lines at the head of a page. When no
 * legal break exists the page is cut where it is full: a short page is
 * better than an overfull one. Right-hand starts get a blank page before them.
 */
import { anchorsOf, type FlowBreak, type FlowFigure, type FlowItem, type FlowLine, type FlowRow, type PageStyle } from './flow.js';
import type { Style } from './style.js';

export interface Placed {
  item: FlowLine | FlowFigure | FlowRow;
  /** Top of the item, from the top of the text block. */
  y: number;
  /** Index in the flow (for backtracking). */
  index: number;
  /** A table's header row repeated at the top of a continuation page (its anchors are not placed again). */
  repeat?: boolean;
}

export interface Page {
  /** 1-based; odd numbers are right-hand pages. */
  number: number;
  style: PageStyle;
  blank: boolean;
  /** Running head of a right-hand page. */
  head?: string;
  items: Placed[];
  /** Index into `items` where a fill space pushes the rest to the foot. */
  fillAt?: number;
}

export interface Pagination {
  pages: Page[];
  /** Page number of every named destination (line marks and in-line anchors). */
  destPages: Map<string, number>;
}

type Content = FlowLine | FlowFigure | FlowRow;
const isContent = (i: FlowItem): i is Content => i.kind === 'line' || i.kind === 'figure' || i.kind === 'row';

/**
 * Room an item needs below itself on its page: a table row that may end up
 * last on a page before the table continues needs space for the rule under it.
 */
const tailOf = (it: Content): number => (it.kind === 'row' && !it.ruleBelow ? it.table.breakSpace : 0);

/** Cuts the flow into pages. */
export function paginate(flow: FlowItem[], style: Style): Pagination {
  const cap = style.geometry.blockHeight + 0.01;
  const { orphans, widows } = style.config;
  const pages: Page[] = [];
  let page: Page | null = null;
  let y = 0;
  let pending: FlowBreak | null = null;
  let rest: PageStyle = 'body';
  let head: string | undefined;

  const open = (s: PageStyle): Page => {
    const p: Page = { number: pages.length + 1, style: s, blank: false, items: [] };
    if (head !== undefined) p.head = head;
    pages.push(p);
    y = 0;
    return p;
  };
  /** Opens the page that a pending break asks for. */
  const openPending = (b: FlowBreak): Page => {
    if (page && page.items.length === 0 && page.fillAt === undefined) pages.pop();
    if (b.head !== undefined) head = b.head;
    rest = b.rest;
    if (b.odd && (pages.length + 1) % 2 === 0) pages.push({ number: pages.length + 1, style: 'plain', blank: true, items: [] });
    return open(b.first);
  };

  for (let i = 0; i < flow.length; i++) {
    const it = flow[i]!;
    if (it.kind === 'break') {
      pending = it;
      continue;
    }
    if (pending && (isContent(it) || it.keep || it.fill)) {
      page = openPending(pending);
      pending = null;
    }
    if (!page) page = open(rest);
    if (it.kind === 'space') {
      if (it.fill) {
        page.fillAt = page.items.length;
        continue;
      }
      if (page.items.length === 0 && !it.keep) continue;
      if (y + it.height > cap) {
        page = open(rest);
        continue;
      }
      y += it.height;
      continue;
    }
    if (it.kind === 'row' && !it.header && page.items.length === 0) {
      // A table goes on: its header row comes first again. Its index sorts it just before
      // the row, so backtracking keeps or drops the two together.
      page.items.push({ item: it.table.header, y, index: i - 0.5, repeat: true });
      y += it.table.header.height;
    }
    if (y + it.height + tailOf(it) <= cap || page.items.length === 0 || (page.items.length === 1 && page.items[0]!.repeat)) {
      page.items.push({ item: it, y, index: i });
      y += it.height;
      continue;
    }
    // The page is full: find the latest legal break at or before item i.
    const k = legalBreak(page.items, i, it, orphans, widows);
    page.items = page.items.filter((p) => p.index < k);
    page = open(rest);
    i = k - 1;
  }

  const destPages = new Map<string, number>();
  for (const p of pages) {
    if (p.fillAt !== undefined) {
      const used = p.items.reduce((m, x) => Math.max(m, x.y + x.item.height), 0);
      const delta = style.geometry.blockHeight - used;
      for (let j = p.fillAt; j < p.items.length; j++) p.items[j]!.y += Math.max(0, delta);
    }
    for (const placed of p.items) {
      if (placed.repeat) continue;
      for (const m of placed.item.marks ?? []) if (m.kind === 'dest' && !destPages.has(m.name)) destPages.set(m.name, p.number);
      // Anchors inside lines and table rows (note references, note numbers) are destinations too:
      // links check against this map, so a name missing here would silently lose every link to it.
      for (const a of anchorsOf(placed.item)) if (!destPages.has(a)) destPages.set(a, p.number);
    }
  }
  return { pages, destPages };
}

/**
 * The flow index where the next page should start, given that `current`
 * (flow index `i`) does not fit. Candidates run from i backwards over the
 * items already on the page; the first one that leaves a legal page wins.
 */
function legalBreak(placed: Placed[], i: number, current: Content, orphans: number, widows: number): number {
  const candidates: { index: number; item: Content }[] = [{ index: i, item: current }];
  for (let j = placed.length - 1; j >= 1; j--) candidates.push({ index: placed[j]!.index, item: placed[j]!.item });
  for (const c of candidates) {
    const before = placed.filter((p) => p.index < c.index);
    const last = before[before.length - 1];
    if (!last) continue;
    if (last.item.keepWithNext) continue;
    const next = c.item;
    if (last.item.kind === 'line' && next.kind === 'line' && last.item.group && next.group && last.item.group.id === next.group.id) {
      const g = next.group;
      const onPage = before.filter((p) => p.item.kind === 'line' && p.item.group?.id === g.id).length;
      if (onPage < orphans) continue;
      if (g.count - g.index < widows) continue;
    }
    return c.index;
  }
  return i;
}
