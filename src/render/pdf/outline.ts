/**
 * PDF bookmarks (the outline): parts, texts, their headings, notes sections.
 * pdfkit points an outline item at the current page, so items are added
 * while their page is drawn; levels are turned into nesting here.
 */

/** pdfkit's outline node, as far as we use it. */
export interface OutlineRoot {
  addItem(title: string, options?: { expanded?: boolean }): OutlineRoot;
}

export class Outline {
  private stack: { level: number; node: OutlineRoot }[] = [];

  constructor(private readonly root: OutlineRoot) {}

  /** Adds a bookmark at `level` (0 = top) under the nearest shallower one. */
  add(title: string, level: number): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    const parent = this.stack[this.stack.length - 1]?.node ?? this.root;
    const node = parent.addItem(title.replace(/\u00AD/g, ''), { expanded: level === 0 });
    this.stack.push({ level, node });
  }
}

/** pdfkit's outline item, as far as the /Count repair reads and writes it. */
export interface OutlineNode {
  children: OutlineNode[];
  options: { expanded?: boolean };
  outlineData: { Count?: number };
}

/**
 * Sets /Count on every outline item with children and on the root, as the PDF
 * spec asks (12.3.3): an open item counts its visible descendants, a closed
 * one the negative number it would show when opened, and the root the items
 * visible at the start. pdfkit writes no /Count on the root (PDFBox Preflight
 * rejects the outline of such a PDF/A file) and counts only direct children of
 * an open item. Call before `doc.end()`; returns the root's count.
 */
export function setOutlineCounts(root: OutlineNode): number {
  // Visible descendants of a node when it is open.
  const visible = (node: OutlineNode): number => {
    let n = 0;
    for (const child of node.children) {
      n += 1;
      const below = visible(child);
      if (child.children.length > 0) child.outlineData.Count = child.options.expanded ? below : -below;
      if (child.options.expanded) n += below;
    }
    return n;
  };
  const count = visible(root);
  if (root.children.length > 0) root.outlineData.Count = count;
  // pdfkit would overwrite the counts with its own for open items; the flags have done their job.
  const clear = (node: OutlineNode): void => {
    node.options = { ...node.options, expanded: false };
    node.children.forEach(clear);
  };
  clear(root);
  return count;
}
