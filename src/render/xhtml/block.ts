/** Block handlers: model blocks → XHTML. */
import type { Block } from '../../model/types.js';
import { escapeXml } from './escape.js';
import type { XhtmlContext } from './context.js';
import { inlinesToXhtml } from './inline.js';
import { tableToXhtml } from './table.js';

type Handler<T extends Block['type']> = (node: Extract<Block, { type: T }>, ctx: XhtmlContext, headingOffset: number) => string;
export type BlockHandlers = { [T in Block['type']]: Handler<T> };

export const blockHandlers: BlockHandlers = {
  paragraph: (node, ctx) => `<p>${inlinesToXhtml(node.children, ctx)}</p>`,
  verse: (node, ctx) => `<p class="verse">${node.lines.map((line) => `<span class="line">${inlinesToXhtml(line, ctx)}</span>`).join('<br/>')}</p>`,
  heading: (node, ctx, offset) => {
    const level = Math.min(6, node.depth + offset);
    return `<h${level} id="${node.id}">${inlinesToXhtml(node.children, ctx)}</h${level}>`;
  },
  blockquote: (node, ctx, offset) => `<blockquote>${blocksToXhtml(node.children, ctx, offset)}</blockquote>`,
  list: (node, ctx, offset) => {
    const tag = node.ordered ? 'ol' : 'ul';
    const start = node.ordered && node.start !== 1 ? ` start="${node.start}"` : '';
    return `<${tag}${start}>${node.items.map((item) => `<li>${blocksToXhtml(item, ctx, offset)}</li>`).join('')}</${tag}>`;
  },
  thematicBreak: () => '<hr/>',
  table: (node, ctx) => tableToXhtml(node, ctx),
  figure: (node, ctx) => `<figure><img src="${escapeXml(ctx.imageHref(node.src))}" alt="${escapeXml(node.alt)}"/></figure>`,
};

/**
 * Blocks → XHTML. `headingOffset` shifts heading levels: a section heading of
 * depth 1 sits below the text's own title (h1 or h2 when parts exist).
 */
export function blocksToXhtml(blocks: Block[], ctx: XhtmlContext, headingOffset: number, handlers: BlockHandlers = blockHandlers): string {
  return blocks.map((b) => (handlers[b.type] as Handler<typeof b.type>)(b as never, ctx, headingOffset)).join('\n');
}
