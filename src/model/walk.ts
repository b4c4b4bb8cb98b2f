/** Generic traversal of model content, so transforms stay small. */
import type { Block, Inline } from './types.js';

/** Calls `visit` on every inline list of `blocks`, in reading order (depth first). */
export function forEachInlineList(blocks: Block[], visit: (inlines: Inline[]) => void): void {
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        visit(b.children);
        break;
      case 'verse':
        b.lines.forEach(visit);
        break;
      case 'blockquote':
        forEachInlineList(b.children, visit);
        break;
      case 'list':
        b.items.forEach((item) => forEachInlineList(item, visit));
        break;
      case 'table':
        // Header first, then row by row: the reading order, which numbers notes in cells.
        for (const row of [b.head, ...b.rows]) for (const cell of row) visit(cell.children);
        break;
      default:
    }
  }
}

/** Calls `visit` on every inline node, in reading order, with its parent list. */
export function forEachInline(blocks: Block[], visit: (node: Inline, parent: Inline[], index: number) => void): void {
  const walk = (list: Inline[]) => {
    list.forEach((node, i) => {
      visit(node, list, i);
      if ('children' in node) walk(node.children);
    });
  };
  forEachInlineList(blocks, walk);
}

/** Returns a deep copy of a model value (transforms that must not touch the shared library copy use it). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
