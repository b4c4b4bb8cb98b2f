/** Inline handlers: one per model node type, overridable by merging a table. */
import type { Inline } from '../../model/types.js';
import { escapeXml } from './escape.js';
import type { XhtmlContext } from './context.js';
import { noteId, refId, textAnchor } from './ids.js';

type Handler<T extends Inline['type']> = (node: Extract<Inline, { type: T }>, ctx: XhtmlContext) => string;
export type InlineHandlers = { [T in Inline['type']]: Handler<T> };

const wrap = (tag: string) => (node: { children: Inline[] }, ctx: XhtmlContext) => `<${tag}>${inlinesToXhtml(node.children, ctx)}</${tag}>`;

export const inlineHandlers: InlineHandlers = {
  text: (node) => escapeXml(node.value),
  emphasis: wrap('em'),
  strong: wrap('strong'),
  superscript: wrap('sup'),
  subscript: wrap('sub'),
  small: wrap('small'),
  code: wrap('code'),
  cite: wrap('cite'),
  underline: wrap('u'),
  strikethrough: wrap('s'),
  abbreviation: (node, ctx) => `<abbr title="${escapeXml(node.title)}">${inlinesToXhtml(node.children, ctx)}</abbr>`,
  // Only reached when the typography step did not run (it turns quotes into marks).
  quote: wrap('q'),
  lang: (node, ctx) => `<span xml:lang="${escapeXml(node.lang)}" lang="${escapeXml(node.lang)}">${inlinesToXhtml(node.children, { ...ctx, lang: node.lang })}</span>`,
  link: (node, ctx) => `<a href="${escapeXml(node.href)}">${inlinesToXhtml(node.children, ctx)}</a>`,
  xref: (node, ctx) => {
    const href = node.fragment ? ctx.anchors.headingHref(ctx.currentFile, node.textId, node.fragment) : ctx.anchors.href(ctx.currentFile, textAnchor(node.textId));
    return `<a href="${escapeXml(href)}">${inlinesToXhtml(node.children, ctx)}</a>`;
  },
  break: () => '<br/>',
  // DAISY: the link sits inside <sup>, carries epub:type noteref and role doc-noteref;
  // the class is what the style sheet selects on (epub.js parses chapters as HTML,
  // where an `epub|type` selector never matches).
  noteRef: (node, ctx) => {
    const note = ctx.notes.get(node.label);
    if (!note) return '';
    const href = ctx.anchors.href(ctx.currentFile, noteId(ctx.textId, note.number));
    return `<sup><a class="noteref" epub:type="noteref" role="doc-noteref" id="${refId(ctx.textId, note.number, node.occurrence)}" href="${escapeXml(href)}" aria-label="${escapeXml(`${ctx.labels.noteRef} ${note.number}`)}">${note.number}</a></sup>`;
  },
};

export function inlinesToXhtml(nodes: Inline[], ctx: XhtmlContext, handlers: InlineHandlers = inlineHandlers): string {
  return nodes.map((n) => (handlers[n.type] as Handler<typeof n.type>)(n as never, ctx)).join('');
}
