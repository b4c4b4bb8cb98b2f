import { describe, expect, it } from 'vitest';
import type { ColumnAlign, Note, Table } from '../../../src/model/types.js';
import type { XhtmlContext } from '../../../src/render/xhtml/context.js';
import { AnchorMap } from '../../../src/render/xhtml/anchors.js';
import { blocksToXhtml } from '../../../src/render/xhtml/block.js';
import { tableToXhtml } from '../../../src/render/xhtml/table.js';
import { em, link, noteRef, str } from '../../helpers/model-builders.js';
import { labelsFor } from '../pdf/helpers.js';

const cell = (...children: Table['head'][number]['children']) => ({ children });
const table = (align: ColumnAlign[], head: string[], rows: Table['rows']): Table => ({ type: 'table', align, head: head.map((h) => cell(str(h))), rows });

const note: Note = { label: 'a', number: 1, references: 1, blocks: [{ type: 'paragraph', children: [str('n')] }] };
const anchors = new AnchorMap();
anchors.place('note-t-1', 'text-t.xhtml');
anchors.place('ref-t-1', 'text-t.xhtml');
const ctx: XhtmlContext = { textId: 't', lang: 'de', notes: new Map([['a', note]]), currentFile: 'text-t.xhtml', anchors, labels: labelsFor('de'), imageHref: (s) => s };

describe('tables in XHTML', () => {
  const t = table(['left', null, 'right'], ['Jahr', 'Ereignis', 'Zahl'], [
    [cell(str('1917')), cell(str('Die '), em('Revolution'), noteRef('a')), cell(str('240 000'))],
    [cell(str('1918')), cell(link('https://example.org/', str('KPD'))), cell()],
  ]);
  const html = tableToXhtml(t, ctx);

  it('writes a header row of <th scope="col"> in <thead> and the rows as <td> in <tbody>', () => {
    expect(html).toContain('<thead>\n<tr><th scope="col" class="align-left">Jahr</th><th scope="col">Ereignis</th><th scope="col" class="align-right">Zahl</th></tr>\n</thead>');
    expect(html).toContain('<tbody>\n<tr><td class="align-left">1917</td>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html.match(/<td/g)).toHaveLength(6);
  });

  it('aligns by class, never by inline style', () => {
    expect(html).not.toContain('style=');
    expect(html).toContain('<td class="align-right">240 000</td>');
  });

  it('renders inline content of cells with the ordinary handlers (emphasis, links, note references)', () => {
    expect(html).toContain('<td>Die <em>Revolution</em><sup><a class="noteref" epub:type="noteref" role="doc-noteref" id="ref-t-1" href="#note-t-1"');
    expect(html).toContain('<td><a href="https://example.org/">KPD</a></td><td class="align-right"></td>');
  });

  it('wraps the table so a wide one scrolls on a narrow screen, and is reached through the block handlers', () => {
    expect(html.startsWith('<div class="table-wrap">\n<table class="table">')).toBe(true);
    expect(blocksToXhtml([t], ctx, 1)).toBe(html);
  });

  it('writes no empty <tbody> for a table with a header only', () => {
    expect(tableToXhtml(table([null], ['Nur Kopf'], []), ctx)).not.toContain('tbody');
  });
});
