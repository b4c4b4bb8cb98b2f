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
