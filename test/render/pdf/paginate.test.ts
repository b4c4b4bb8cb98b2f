import { describe, expect, it } from 'vitest';
import { paginate } from '../../../src/render/pdf/paginate.js';
import type { FlowItem, FlowLine } from '../../../src/render/pdf/flow.js';
import { fixture } from './fixture.js';

const f = fixture();
const L = f.style.config.body.leading;
const perPage = Math.floor((f.style.geometry.blockHeight + 0.01) / L);
let gid = 0;

function par(n: number, name: string): FlowLine[] {
  const id = ++gid;
  return Array.from({ length: n }, (_, index) => ({
    kind: 'line', height: L, baseline: 10, x: 0, line: { frags: [], width: 0, hyphenated: false }, group: { id, index, count: n }, marks: index === 0 ? [{ kind: 'dest', name }] : [],
  }));
}
function head(name: string): FlowLine {
  return { kind: 'line', height: L, baseline: 10, x: 0, line: { frags: [], width: 0, hyphenated: false }, keepWithNext: true, marks: [{ kind: 'dest', name }] };
}
/** Group ids and indexes per page. */
function check(flow: FlowItem[]) {
  const { pages, destPages } = paginate(flow, f.style);
  for (const p of pages) {
    const lines = p.items.map((i) => i.item as FlowLine);
    expect(p.items.reduce((h, i) => h + i.item.height, 0)).toBeLessThanOrEqual(f.style.geometry.blockHeight + 0.01);
    if (lines.length === 0) continue;
    const last = lines[lines.length - 1]!;
    const first = lines[0]!;
    if (p !== pages[pages.length - 1]) expect(last.keepWithNext ?? false, `heading at foot of page ${p.number}`).toBe(false);
    if (last.group && last.group.index < last.group.count - 1) {
      const onPage = lines.filter((l) => l.group?.id === last.group!.id).length;
      expect(onPage, `orphan on page ${p.number}`).toBeGreaterThanOrEqual(2);
    }
    if (first.group && first.group.index > 0) expect(first.group.count - first.group.index, `widow on page ${p.number}`).toBeGreaterThanOrEqual(2);
  }
  return { pages, destPages };
}

describe('pagination', () => {
  it('moves a lone first line (orphan) to the next page', () => {
    const { destPages } = check([...par(perPage - 1, 'a'), ...par(5, 'b')]);
    expect(destPages.get('b')).toBe(2);
  });

  it('pulls a line along so no last line stands alone (widow)', () => {
    const { pages } = check([...par(perPage - 4, 'a'), ...par(5, 'b')]);
    expect(pages[1]!.items).toHaveLength(2);
  });

  it('never leaves a heading last on a page', () => {
    for (let k = 1; k <= 4; k++) {
      const { destPages } = check([...par(perPage - k, 'a'), head('h'), ...par(6, 'b')]);
      expect(destPages.get('h')).toBe(destPages.get('b'));
    }
  });

  it('starts right-hand breaks on odd pages, with a blank page between', () => {
    const flow: FlowItem[] = [
      { kind: 'break', odd: true, first: 'plain', rest: 'body' }, ...par(3, 'one'),
      { kind: 'break', odd: true, first: 'plain', rest: 'body', head: 'Zwei' }, ...par(perPage + 5, 'two'),
      { kind: 'break', odd: true, first: 'plain', rest: 'body', head: 'Drei' }, ...par(3, 'three'),
    ];
    const { pages, destPages } = check(flow);
    expect(destPages.get('one')).toBe(1);
    expect(destPages.get('two')).toBe(3);
    expect(pages[1]!.blank).toBe(true);
    expect(destPages.get('three')).toBe(5);
    expect(pages[2]!.style).toBe('plain');
    expect(pages[3]!.style).toBe('body');
    expect(pages[3]!.head).toBe('Zwei');
  });

  it('respects widows and orphans on a long random flow', () => {
    const flow: FlowItem[] = [];
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 300; i++) {
      if (rnd() < 0.1) flow.push({ kind: 'space', height: L }, head(`h${i}`));
      flow.push(...par(1 + Math.floor(rnd() * 9), `p${i}`));
    }
    expect(check(flow).pages.length).toBeGreaterThan(20);
  });
});
