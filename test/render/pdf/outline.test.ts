/** Outline /Count as the PDF spec defines it (12.3.3), on pdfkit-shaped nodes. */
import { describe, expect, it } from 'vitest';
import { setOutlineCounts, type OutlineNode } from '../../../src/render/pdf/outline.js';

const node = (expanded: boolean, children: OutlineNode[] = []): OutlineNode => ({ children, options: { expanded }, outlineData: {} });

describe('setOutlineCounts', () => {
  it('counts visible items on the root, visible descendants on open items, and a negative count on closed ones', () => {
    // Part I (open) › Text A (closed) › 2 headings; Text B (no children). Part II (open) › Text C (open) › 1 heading.
    const textA = node(false, [node(false), node(false)]);
    const textB = node(false);
    const textC = node(true, [node(false)]);
    const part1 = node(true, [textA, textB]);
    const part2 = node(true, [textC]);
    const root = node(false, [part1, part2]);
    expect(setOutlineCounts(root)).toBe(6); // part1, A, B, part2, C, C's heading
    expect(root.outlineData.Count).toBe(6);
    expect(part1.outlineData.Count).toBe(2);
    expect(textA.outlineData.Count).toBe(-2);
    expect(textB.outlineData.Count).toBeUndefined();
    expect(part2.outlineData.Count).toBe(2);
    expect(textC.outlineData.Count).toBe(1);
  });

  it("clears pdfkit's expanded flags so its own (shallower) count does not overwrite ours", () => {
    const shared = { expanded: true };
    const child = { children: [node(false)], options: shared, outlineData: {} };
    const root = node(false, [child]);
    setOutlineCounts(root);
    expect(child.options.expanded).toBe(false);
    expect(shared.expanded).toBe(true); // pdfkit's default options object is shared: not mutated
  });

  it('writes no count on an empty outline', () => {
    const root = node(false);
    expect(setOutlineCounts(root)).toBe(0);
    expect(root.outlineData.Count).toBeUndefined();
  });
});
