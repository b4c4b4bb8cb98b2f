/**
 * markdown-it's flat token stream → a small tree shaped like mdast (the
 * shape the converter in markdown.ts reads), with source positions: blocks
 * carry theirs, inline nodes compute theirs on demand from the offsets
 * recorded in markdown-it.ts — most inline nodes never need one.
 */
import type { PosToken } from './markdown-it.js';
import { markdownTokens } from './markdown-it.js';
import { locateInline, locateCell, splitRow, type Where, type RowCell } from './md-locate.js';

export type { Where } from './md-locate.js';

export type Align = 'left' | 'right' | 'center' | null;

export interface Cell { at: Where; children: Phrasing[] }
export interface Row { at: Where; cells: Cell[]; /** Cells beyond the header's count (not parsed). */ extra: Where[] }

export type MdBlock =
  | { type: 'paragraph'; children: Phrasing[]; at: Where }
  | { type: 'heading'; depth: number; children: Phrasing[]; at: Where }
  | { type: 'blockquote'; children: MdBlock[]; at: Where }
  | { type: 'list'; ordered: boolean; start: number; items: MdBlock[][]; at: Where }
  | { type: 'thematicBreak'; at: Where }
  | { type: 'table'; align: Align[]; rows: Row[]; at: Where }
  | { type: 'code'; value: string; at: Where }
  | { type: 'html'; value: string; at: Where }
  | { type: 'footnoteDefinition'; label: string; identifier: string; children: MdBlock[]; at: Where };

export type Phrasing =
  | { type: 'text'; value: string; at: () => Where }
  | { type: 'emphasis' | 'strong'; children: Phrasing[] }
  | { type: 'break' }
  | { type: 'inlineCode'; value: string }
  | { type: 'footnoteReference'; identifier: string; at: () => Where }
  | { type: 'link'; url: string; children: Phrasing[]; at: () => Where }
  | { type: 'image'; url: string; alt: string; at: () => Where }
  | { type: 'html'; value: string; at: () => Where };

/** Parses one Markdown text into blocks; positions are 1-based within `source`. */
export function markdownTree(source: string): MdBlock[] {
  const tokens = markdownTokens(source);
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return new TreeBuilder(source, tokens, lineStarts).blocks(tokens.length);
}

class TreeBuilder {
  private i = 0;

  constructor(private src: string, private tokens: PosToken[], private lineStarts: number[]) {}

  private at(token: PosToken): Where {
    const line = token.map![0];
    return { line: line + 1, column: (token.srcStart ?? this.lineStarts[line]!) - this.lineStarts[line]! + 1 };
  }

  /** Blocks up to the closing token at nesting level 0 (or `end`). */
  blocks(end: number): MdBlock[] {
    const out: MdBlock[] = [];
    while (this.i < end) {
      const t = this.tokens[this.i]!;
      if (t.nesting < 0) {
        this.i++;
        return out;
      }
      const b = this.block(t);
      if (b) out.push(b);
    }
    return out;
  }

  private block(t: PosToken): MdBlock | undefined {
    const at = this.at(t);
    switch (t.type) {
      case 'paragraph_open': {
        const inline = this.tokens[this.i + 1]!;
        this.i += 3;
        return { type: 'paragraph', children: this.inline(inline), at };
      }
      case 'heading_open': {
        const inline = this.tokens[this.i + 1]!;
        this.i += 3;
        const depth = Number(t.tag.slice(1));
        if (t.markup.startsWith('#') && inline.srcLines) {
          // ATX: the content starts after the marker, not at the line's first character.
          const found = this.src.indexOf(inline.content, inline.srcLines[0]! + depth);
          if (found >= 0) inline.srcLines = [found];
        }
        return { type: 'heading', depth, children: this.inline(inline), at };
      }
      case 'blockquote_open':
        this.i++;
        return { type: 'blockquote', children: this.blocks(this.tokens.length), at };
      case 'bullet_list_open':
      case 'ordered_list_open': {
        this.i++;
        const items: MdBlock[][] = [];
        while (this.tokens[this.i]!.type === 'list_item_open') {
          this.i++;
          items.push(this.blocks(this.tokens.length));
        }
        this.i++; // list close
        const start = t.attrGet('start');
        return { type: 'list', ordered: t.type === 'ordered_list_open', start: start === null ? 1 : Number(start), items, at };
      }
      case 'hr':
        this.i++;
        return { type: 'thematicBreak', at };
      case 'code_block':
      case 'fence':
        this.i++;
        return { type: 'code', value: t.content.replace(/\n$/, ''), at };
      case 'html_block':
        this.i++;
        return { type: 'html', value: t.content.replace(/\n$/, ''), at };
      case 'footnote_open': {
        this.i++;
        const label = (t.meta as { label: string }).label;
        const children = this.blocks(this.tokens.length);
        return { type: 'footnoteDefinition', label, identifier: footnoteId(label), children, at };
      }
      case 'table_open':
        return this.table(t, at);
      default:
        // Nothing else is enabled; skip what cannot occur rather than loop.
        this.i++;
        return undefined;
    }
  }

  private table(open: PosToken, at: Where): MdBlock {
    const align: Align[] = [];
    const rows: Row[] = [];
    const spans = open.rowSpans ?? [];
    const firstLine = open.map![0];
    let cells: Cell[] = [];
    let rowCells: RowCell[] = [];
    let rowAt: Where = at;
    let rowLine = 0;
    let inHead = false;
    for (this.i++; this.i < this.tokens.length; this.i++) {
      const t = this.tokens[this.i]!;
      if (t.type === 'table_close') break;
      if (t.type === 'thead_open') inHead = true;
      else if (t.type === 'thead_close') inHead = false;
      else if (t.type === 'tr_open') {
        rowLine = t.map![0];
        const span = spans[rowLine - firstLine] ?? [this.lineStarts[rowLine]!, this.lineStarts[rowLine]!];
        rowCells = splitRow(this.src, span[0], span[1]);
        rowAt = { line: rowLine + 1, column: span[0] - this.lineStarts[rowLine]! + 1 };
        cells = [];
      } else if (t.type === 'tr_close') {
        const extra = rowCells.slice(cells.length).map((c) => this.where(rowLine, c.at));
        rows.push({ at: rowAt, cells, extra: inHead ? [] : extra });
      } else if (t.type === 'th_open' || t.type === 'td_open') {
        if (inHead) {
          const style = t.attrGet('style');
          align.push(style ? (style.slice('text-align:'.length) as Align) : null);
        }
        const inline = this.tokens[this.i + 1]!;
        const cell = rowCells[cells.length];
        if (cell) {
          const line = rowLine; // the position is computed later, after the loop moved on
          cells.push({ at: this.where(line, cell.at), children: this.inline(inline, (off) => this.where(line, locateCell(this.src, cell, off))) });
        } else {
          cells.push({ at: rowAt, children: [] }); // a short row, padded
        }
        this.i += 2;
      }
    }
    this.i++;
    return { type: 'table', align, rows, at };
  }

  private where(line: number, offset: number): Where {
    return { line: line + 1, column: offset - this.lineStarts[line]! + 1 };
  }

  /** The phrasing content of one inline token. */
  private inline(token: PosToken, locate?: (offset: number) => Where): Phrasing[] {
    const lines = token.srcLines;
    const map = token.map;
    const where =
      locate ??
      ((offset: number): Where => {
        if (!lines || !map) return { line: (map?.[0] ?? 0) + 1, column: 1 };
        const { line, source } = locateInline(token.content, lines, offset);
        return this.where(map[0] + line, source);
      });
    return phrasing(token.children as PosToken[] ?? [], where);
  }
}

function footnoteId(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase();
}

/** Flat inline tokens → nested phrasing; text, escapes, references and soft breaks join into runs as in mdast. */
function phrasing(tokens: PosToken[], where: (offset: number) => Where): Phrasing[] {
  const root: Phrasing[] = [];
  const stack: Phrasing[][] = [root];
  const lazy = (offset: number) => () => where(offset);
  for (const t of tokens) {
    const out = stack[stack.length - 1]!;
    switch (t.type) {
      case 'text':
      case 'text_special':
      case 'softbreak': {
        const value = t.type === 'softbreak' ? '\n' : t.content;
        if (value === '') break; // what is left of a delimiter run that became emphasis
        const prev = out[out.length - 1];
        if (prev?.type === 'text') prev.value += value;
        else out.push({ type: 'text', value, at: lazy(t.srcStart ?? 0) });
        break;
      }
      case 'hardbreak':
        out.push({ type: 'break' });
        break;
      case 'code_inline':
        out.push({ type: 'inlineCode', value: t.content });
        break;
      case 'em_open':
      case 'strong_open': {
        const children: Phrasing[] = [];
        out.push({ type: t.type === 'em_open' ? 'emphasis' : 'strong', children });
        stack.push(children);
        break;
      }
      case 'link_open': {
        const children: Phrasing[] = [];
        out.push({ type: 'link', url: t.attrGet('href') ?? '', children, at: lazy(t.srcStart ?? 0) });
        stack.push(children);
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        stack.pop();
        break;
      case 'image':
        out.push({ type: 'image', url: t.attrGet('src') ?? '', alt: altText((t.children ?? []) as PosToken[]), at: lazy(t.srcStart ?? 0) });
        break;
      case 'html_inline':
        out.push({ type: 'html', value: t.content, at: lazy(t.srcStart ?? 0) });
        break;
      case 'footnote_ref':
        out.push({ type: 'footnoteReference', identifier: (t.meta as { identifier: string }).identifier, at: lazy(t.srcStart ?? 0) });
        break;
    }
  }
  return root;
}

/** An image's description as mdast gives it: the string value of its label's content. */
function altText(tokens: PosToken[]): string {
  let s = '';
  for (const t of tokens) {
    if (t.type === 'softbreak') s += '\n';
    else if (t.type === 'image') s += altText((t.children ?? []) as PosToken[]);
    else if (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline' || t.type === 'html_inline') s += t.content;
  }
  return s;
}
