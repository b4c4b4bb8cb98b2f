import { describe, expect, it } from 'vitest';
import type { ColumnAlign, Inline, Table, Text } from '../../../src/model/types.js';
import { bodyEnv, layoutBlocks } from '../../../src/render/pdf/blocks.js';
import type { FlowItem, FlowLine, FlowRow } from '../../../src/render/pdf/flow.js';
import { noteDest, refDest } from '../../../src/render/pdf/names.js';
import { paginate } from '../../../src/render/pdf/paginate.js';
import { resolveStyle } from '../../../src/render/pdf/style.js';
import { layoutTable } from '../../../src/render/pdf/table.js';
import type { Line } from '../../../src/render/pdf/linebreak.js';
import { hyphenateEdition } from '../../../src/transforms/hyphenate.js';
import { edition } from '../../helpers/model-builders.js';
import { noteRef, para, str, text as makeText } from '../../helpers/model-builders.js';
import { fixture } from './fixture.js';
import { pdfConfig, root, templateDir } from './helpers.js';

const f = fixture();
const cfg = f.style.config.table;
const cell = (...children: Inline[]) => ({ children });
const table = (align: ColumnAlign[], head: string[], rows: Inline[][][]): Table => ({
  type: 'table', align, head: head.map((h) => cell(str(h))), rows: rows.map((r) => r.map((c) => cell(...c))),
});
const rowsOf = (items: FlowItem[]) => items.filter((i): i is FlowRow => i.kind === 'row');
const lay = (t: Table, text?: Text) => {
  const out: FlowItem[] = [];
  layoutTable(t, bodyEnv(f.ctx, text), f.ctx, out);
  return out;
};
/** A line's text as printed: fragments that touch belong to one word. */
const lineText = (line: Line) =>
  line.frags.map((fr, i) => (i > 0 && fr.x > line.frags[i - 1]!.x + line.frags[i - 1]!.width + 0.5 ? ' ' : '') + fr.text).join('');
const long = 'Kommunistische Internationale gegründet, mit Delegierten aus vielen Ländern und langen Debatten über Organisationsfragen';

describe('table layout (booktabs)', () => {
  const t = table(['left', null, 'right'], ['Jahr', 'Ereignis', 'Zahl'], [
    [[str('1917')], [str('Die Oktoberrevolution')], [str('240 000')]],
    [[str('1919')], [str(long)], [str('52')]],
  ]);
  const items = lay(t);
  const rows = rowsOf(items);

  it('makes one flow item per row: a header with the top and middle rules, the last row with the bottom rule', () => {
    expect(rows.map((r) => r.header)).toEqual([true, false, false]);
    expect(rows[0]).toMatchObject({ ruleAbove: cfg.rules.top, ruleBelow: cfg.rules.mid, keepWithNext: true });
    expect(rows[1]!.ruleBelow ?? 0).toBe(0);
    expect(rows[2]!.ruleBelow).toBe(cfg.rules.bottom);
    expect(items.every((i) => i.kind === 'row')).toBe(true);
  });

  it('stands between paragraphs with the template’s space around it, and the text after it goes on without an indent', () => {
    const out: FlowItem[] = [];
    layoutBlocks([para('Davor.'), t, para('Danach.')], bodyEnv(f.ctx), f.ctx, out);
    const first = out.findIndex((i) => i.kind === 'row');
    const last = out.findLastIndex((i) => i.kind === 'row');
    const space = cfg.space * f.style.config.body.leading;
    expect(out[first - 1]).toEqual({ kind: 'space', height: space });
    expect(out[last + 1]).toEqual({ kind: 'space', height: space });
    const after = out[last + 2] as FlowLine;
    expect(after.line.frags[0]).toMatchObject({ text: 'Danach.', x: 0 });
  });

  it('spans the measure and keeps every cell line inside its column', () => {
    const measure = f.style.geometry.measure;
    expect(rows[0]!.table.width).toBeCloseTo(measure, 6);
    const xs = [...new Set(rows.flatMap((r) => r.lines.map((l) => l.line.x)))].sort((a, b) => a - b);
    expect(xs).toHaveLength(3);
    const gap = 2 * cfg.padding.x * (72 / 25.4);
    const widths = xs.map((x, i) => (xs[i + 1] ?? measure + gap) - gap - x);
    for (const r of rows) for (const { line } of r.lines) {
      const col = xs.indexOf(line.x);
      expect(line.line.width).toBeLessThanOrEqual(widths[col]! + 0.03);
    }
  });

  it('sets long cells ragged (never justified) and right-aligned columns flush right', () => {
    const longLines = rows[2]!.lines.filter((l) => l.line.x === rows[2]!.lines[1]!.line.x);
    expect(longLines.length).toBeGreaterThan(1);
    for (const { line } of longLines) expect(line.line.frags.every((fr) => fr.scale === 1)).toBe(true);
    // Ragged: the lines of the long cell do not all end at the same place.
    expect(new Set(longLines.map((l) => Math.round(l.line.line.width))).size).toBeGreaterThan(1);
    const num = rows[1]!.lines[2]!.line;
    const header = rows[0]!.lines[2]!.line;
    const rightOf = (l: typeof num) => l.x + l.line.frags[l.line.frags.length - 1]!.x + l.line.frags[l.line.frags.length - 1]!.width;
    expect(rightOf(num)).toBeCloseTo(rightOf(header), 3);
  });

  it('sets the header in the header style and the body in the table size', () => {
    expect(rows[0]!.lines[0]!.line.line.frags[0]!.face).toBe(f.fonts.face(cfg.family, cfg.headerStyle));
    expect(rows[1]!.lines[0]!.line.line.frags[0]!.size).toBe(cfg.size);
  });

  it('turns a note reference in a cell into a link to the note and the destination of its backlink', () => {
    const text = makeText({ id: 'tab', blocks: [], notes: [{ label: 'a', number: 1, references: 1, blocks: [] }] });
    const r = rowsOf(lay(table([null, null], ['A', 'B'], [[[str('x')], [str('Umsturz'), noteRef('a')]]]), text));
    const frag = r[1]!.lines.flatMap((l) => l.line.line.frags).find((fr) => fr.link?.kind === 'dest');
    expect(frag).toMatchObject({ text: '1', link: { kind: 'dest', name: noteDest('tab', 1) }, anchor: refDest('tab', 1, 1) });
  });

  it('cuts a row taller than a page into pieces that fit below a repeated header', () => {
    const huge = Array.from({ length: 400 }, (_, i) => `Wort${i}`).join(' ');
    const r = rowsOf(lay(table([null, null], ['A', 'B'], [[[str('kurz')], [str(huge)]]])));
    expect(r.length).toBeGreaterThan(2);
    const room = f.style.geometry.blockHeight;
    for (const row of r) expect(row.height + r[0]!.height + row.table.breakSpace).toBeLessThanOrEqual(room + 0.01);
    // Every word is still there, in order.
    const words = r.slice(1).flatMap((row) => row.lines.filter((l) => l.line.x > 0).flatMap((l) => l.line.line.frags.map((fr) => fr.text))).join(' ');
    expect(words.replace(/-\s/g, '')).toContain('Wort0 Wort1');
    expect(words).toContain('Wort399');
  });
});

describe('table width', () => {
  const small = table([null, 'right'], ['Jahr', 'Zahl'], [[[str('1917')], [str('240')]]]);

  it('keeps a table that fits at its natural width, centred in the measure', () => {
    const r = rowsOf(lay(small));
    const measure = f.style.geometry.measure;
    expect(r[0]!.table.width).toBeLessThan(measure / 2);
    expect(r[0]!.table.x).toBeCloseTo((measure - r[0]!.table.width) / 2, 6);
    // The first column's text starts at the table's left edge.
    expect(r[0]!.lines[0]!.line.x).toBeCloseTo(r[0]!.table.x, 6);
    // At natural width no word is broken: one line per cell, each word whole.
    expect(r.map((row) => row.lines.map((l) => l.line.line.frags.map((fr) => fr.text).join('')))).toEqual([['Jahr', 'Zahl'], ['1917', '240']]);
  });

  it('spans the measure with `width: measure`', () => {
    const g = fixture((c) => (c.table.width = 'measure'));
    const out: FlowItem[] = [];
    layoutTable(small, bodyEnv(g.ctx), g.ctx, out);
    expect(rowsOf(out)[0]!.table).toMatchObject({ x: 0, width: g.style.geometry.measure });
  });
});

describe('hyphenation in cells', () => {
  it('hyphenates cell text (the last word too) and breaks narrow columns at the hyphens', () => {
    const words = 'Arbeiterorganisationen Gewerkschaftsbewegung Selbstverwaltungsorgane Fabrikkomitees';
    const t = table(Array(4).fill(null), ['A', 'B', 'C', 'D'], [Array.from({ length: 4 }, () => [str(words)])]);
    const hyphenated = hyphenateEdition(edition({ texts: [makeText({ id: 'h', blocks: [t] })] }));
    const cellText = (hyphenated.parts[0]!.texts[0]!.blocks[0] as Table).rows[0]![3]!.children[0];
    expect(cellText).toMatchObject({ type: 'text', value: expect.stringContaining('Fa\u00adbrik\u00adko\u00admi\u00adtees') });
    const rows = rowsOf(lay(hyphenated.parts[0]!.texts[0]!.blocks[0] as Table));
    const ends = rows[1]!.lines.map((l) => l.line.line.frags[l.line.line.frags.length - 1]!.text);
    expect(ends.some((e) => e.endsWith('-'))).toBe(true);
    // No soft hyphen reaches the page.
    expect(rows[1]!.lines.flatMap((l) => l.line.line.frags.map((fr) => fr.text)).join('')).not.toContain('\u00ad');
  });
});

describe('ragged cells without needless hyphens', () => {
  it('divides no word in a cell whose words all fit their column', () => {
    const t = table([null, null], ['Jahr', 'Ereignis'], [[[str('1917')], [str(long)]]]);
    const h = hyphenateEdition(edition({ texts: [makeText({ id: 'r', blocks: [t] })] })).parts[0]!.texts[0]!.blocks[0] as Table;
    expect(JSON.stringify(h)).toContain('\u00ad');
    const lines = rowsOf(lay(h))[1]!.lines.filter((l) => l.line.x > 0).map((l) => lineText(l.line.line));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).not.toMatch(/-$/);
    expect(lines.join(' ')).toBe(long);
  });
});

describe('a table wider than the measure', () => {
  it('breaks words only at hyphenation points, never between letters', () => {
    const head = ['Spalte eins', 'Spalte zwei', 'Spalte drei', 'Spalte vier', 'Spalte fünf', 'Spalte sechs', 'Spalte sieben'];
    const body = ['Donaudampfschifffahrtsgesellschaft', 'Arbeiterorganisationen', 'Gewerkschaftsbewegung', 'Selbstverwaltungsorgane', 'Fabrikkomitees', 'Klassenkampf', 'Übergangszeit'];
    const t = table(head.map(() => null), head, [body.map((w) => [str(w)])]);
    const h = hyphenateEdition(edition({ texts: [makeText({ id: 'w', blocks: [t] })] })).parts[0]!.texts[0]!.blocks[0] as Table;
    const rows = rowsOf(lay(h));
    const xs = [...new Set(rows[0]!.lines.map((l) => l.line.x))];
    expect(xs).toHaveLength(7);
    [head, body].forEach((cells, r) =>
      cells.forEach((word, c) => {
        const lines = rows[r]!.lines.filter((l) => l.line.x === xs[c]).map((l) => lineText(l.line.line));
        // Each broken line ends at a hyphen or a space, and the pieces make the words again.
        lines.slice(0, -1).forEach((line) => expect(line, word).toMatch(/-$|\p{L}$/u));
        expect(lines.join(' ').replace(/- /g, ''), `column ${c}`).toBe(word);
      }),
    );
    // Every header word fits whole: "Spalte" does not hyphenate (3 letters must follow a break).
    for (const l of rows[0]!.lines) expect(lineText(l.line.line)).not.toMatch(/-$/);
  });
});

describe('a long table across pages', () => {
  const text = makeText({ id: 'lang', blocks: [], notes: [{ label: 'n', number: 1, references: 1, blocks: [] }] });
  const rows = Array.from({ length: 80 }, (_, i) => [[str(String(1900 + i))], i === 40 ? [str('Mit Anmerkung'), noteRef('n')] : [str(`Ereignis ${i}`)]]);
  const flow = lay(table([null, 'right'], ['Jahr', 'Ereignis'], rows), text);
  const { pages, destPages } = paginate(flow, f.style);
  const used = pages.filter((p) => p.items.length > 0);

  it('spans several pages, each starting with the header row and holding whole rows', () => {
    expect(used.length).toBeGreaterThanOrEqual(2);
    for (const p of used) {
      const first = p.items[0]!.item as FlowRow;
      expect(first.kind).toBe('row');
      expect(first.header).toBe(true);
      const bottom = Math.max(...p.items.map((i) => i.y + i.item.height));
      expect(bottom).toBeLessThanOrEqual(f.style.geometry.blockHeight + 0.01);
    }
    const bodyRows = used.flatMap((p) => p.items.filter((i) => !(i.item as FlowRow).header));
    expect(bodyRows).toHaveLength(80);
  });

  it('repeats the header without placing its anchors twice, and leaves room for the rule under a cut', () => {
    expect(used.slice(1).every((p) => p.items[0]!.repeat === true)).toBe(true);
    expect(used[0]!.items[0]!.repeat).toBeUndefined();
    for (const p of used.slice(0, -1)) {
      const last = p.items[p.items.length - 1]!;
      const row = last.item as FlowRow;
      expect(last.y + row.height + row.table.breakSpace).toBeLessThanOrEqual(f.style.geometry.blockHeight + 0.01);
    }
    // The note reference in row 41 is a destination on the page that holds it (for the backlink).
    const page = used.find((p) => p.items.some((i) => (i.item as FlowRow).lines.some((l) => l.line.line.frags.some((fr) => fr.anchor))));
    expect(destPages.get(refDest('lang', 1, 1))).toBe(page!.number);
  });

  it('never carries the last row alone over to a new page', () => {
    const short = lay(table([null, null], ['A', 'B'], Array.from({ length: 6 }, (_, i) => [[str(String(i))], [str('Zeile')]])));
    const line: FlowItem = { kind: 'line', height: 10, baseline: 8, x: 0, line: { frags: [], width: 0, hyphenated: false } };
    let cases = 0;
    // Slide the table down the page in 1 pt steps, so every row in turn is the first that does not fit.
    for (let h = 0; h < f.style.geometry.blockHeight - 10; h += 1) {
      const p = paginate([line, { kind: 'space', height: h }, ...short], f.style).pages.filter((pg) => pg.items.length > 0);
      if (p.length < 2) continue;
      cases++;
      const rowsThere = p[p.length - 1]!.items.filter((i) => i.item.kind === 'row' && !i.item.header).length;
      expect(rowsThere, `space ${h}`).not.toBe(1);
    }
    expect(cases).toBeGreaterThan(10);
  });

  it('never leaves the header alone at the foot of a page', () => {
    const filler: FlowItem[] = Array.from({ length: 33 }, () => ({ kind: 'line', height: f.style.config.body.leading, baseline: 10, x: 0, line: { frags: [], width: 0, hyphenated: false } }));
    const p = paginate([...filler, ...flow], f.style).pages;
    for (const page of p) {
      const last = page.items[page.items.length - 1]!.item as FlowRow;
      if (page !== p[p.length - 1]) expect(last.kind === 'row' && last.header).toBe(false);
    }
  });
});

describe('table geometry in pdf.yaml', () => {
  it('comes from the template, and a template without a table key gets the defaults', () => {
    const raw = structuredClone(pdfConfig()) as Record<string, unknown>;
    expect(raw.table).toBeDefined();
    delete raw.table;
    const style = resolveStyle(raw, templateDir);
    expect(style.config.table).toMatchObject({ size: 9, rules: { top: 0.8, mid: 0.5, bottom: 0.8 } });
    expect((pdfConfig(`${root}templates/a4`) as Record<string, unknown>).table).toBeDefined();
  });

  it('names a wrong key with its path', () => {
    const raw = structuredClone(pdfConfig()) as Record<string, any>;
    raw.table.rules.top = -1;
    expect(() => resolveStyle(raw, templateDir)).toThrow(/table\.rules\.top/);
  });
});
