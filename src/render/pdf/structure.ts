/**
 * The logical structure of the print PDF (PDF/UA tags), built during layout.
 *
 * Layout knows what each line is (a heading, a paragraph, a note number);
 * pagination later cuts paragraphs across pages and forgets. So every flow
 * item carries the structure node it belongs to, and drawing wraps the
 * item's marked content in that node's element, wherever it lands. One `P`
 * thus owns marked content on several pages and the tree stays in reading
 * order. Nodes are plain data here; struct-tree.ts turns them into pdfkit
 * structure elements.
 */
import type { FlowItem, FlowRow } from './flow.js';

/** A structure element to be: a standard PDF structure type and its attributes. */
export interface StructNode {
  type: string;
  /** Language of the element when it differs from its surroundings (BCP 47). */
  lang?: string;
  /** Alternative text (figures). */
  alt?: string;
  /** A header cell's scope (TH). */
  scope?: 'Column' | 'Row';
  children: StructNode[];
}

export class StructBuilder {
  readonly root: StructNode = { type: 'Document', children: [] };
  private readonly stack: StructNode[] = [this.root];

  /** The element new nodes go into. */
  get current(): StructNode {
    return this.stack[this.stack.length - 1]!;
  }

  /** A new child of the current element (not opened). */
  node(type: string, props: Omit<Partial<StructNode>, 'children' | 'type'> = {}): StructNode {
    const n: StructNode = { type, ...props, children: [] };
    this.current.children.push(n);
    return n;
  }

  /**
   * Runs `fn` with a new element open. Flow items that `fn` appends to `out`
   * and that no inner element claimed belong to this one.
   */
  within<T>(out: FlowItem[], type: string, fn: () => T, o: { lang?: string; alt?: string } = {}): T {
    const n = this.node(type, { ...(o.lang ? { lang: o.lang } : {}), ...(o.alt ? { alt: o.alt } : {}) });
    const start = out.length;
    this.stack.push(n);
    try {
      const result = fn();
      claim(out, start, n);
      return result;
    } finally {
      this.stack.pop();
    }
  }

  /**
   * Runs `fn`, then makes each paragraph group of lines it appended its own
   * element, `type(k)` for the k-th (the strings of a title page or of a
   * text's opening: title H1, then P).
   */
  leaves(out: FlowItem[], type: (index: number) => string, fn: () => void): void {
    const start = out.length;
    fn();
    leafGroups(out, start, this.current, type);
  }
}

/** Tags a layout step's output when the context builds a structure tree (tests may lay out without one). */
export function tagged<T>(tags: StructBuilder | undefined, out: FlowItem[], type: string, fn: () => T, o?: Parameters<StructBuilder['within']>[3]): T {
  return tags ? tags.within(out, type, fn, o) : fn();
}

/** `StructBuilder.leaves` when the context builds a structure tree. */
export function leaves(tags: StructBuilder | undefined, out: FlowItem[], type: (index: number) => string, fn: () => void): void {
  if (tags) tags.leaves(out, type, fn);
  else fn();
}

/** Gives unclaimed items from `start` on to `node` (the lines inside a row too). */
function claim(out: FlowItem[], start: number, node: StructNode): void {
  for (let i = start; i < out.length; i++) {
    const it = out[i]!;
    if (it.kind === 'line' || it.kind === 'figure') it.tag ??= node;
    else if (it.kind === 'row') {
      it.tag ??= node;
      for (const l of it.lines) l.line.tag ??= node;
    }
  }
}

/** One `leaf` element per unclaimed line group, in order; `type(k)` names the k-th. */
function leafGroups(out: FlowItem[], start: number, parent: StructNode, type: (index: number) => string): void {
  let group: number | undefined;
  let node: StructNode | undefined;
  let k = 0;
  for (let i = start; i < out.length; i++) {
    const it = out[i]!;
    if (it.kind !== 'line' || it.tag) continue;
    if (!node || it.group?.id === undefined || it.group.id !== group) {
      node = { type: type(k++), children: [] };
      parent.children.push(node);
      group = it.group?.id;
    }
    it.tag = node;
  }
}

/**
 * TR › TH/TD for the rows of a table (inside its Table element): a cell for
 * every column, empty ones too, so a screen reader keeps columns apart.
 * `xs` are the columns' left edges, which is where their lines are set.
 */
export function tagRows(tags: StructBuilder, rows: FlowRow[], xs: number[]): void {
  for (const row of rows) {
    const tr = tags.node('TR');
    const cells: StructNode[] = xs.map(() => (row.header ? { type: 'TH', scope: 'Column', children: [] } : { type: 'TD', children: [] }));
    tr.children.push(...cells);
    row.tag = tr;
    for (const l of row.lines) l.line.tag = cells[Math.max(0, xs.indexOf(l.line.x))];
  }
}

/** Marks flow items as artifacts: decoration, not text (ornaments of a thematic break). */
export const ARTIFACT: StructNode = { type: 'Artifact', children: [] };
