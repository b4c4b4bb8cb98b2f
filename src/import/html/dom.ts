/**
 * The few DOM helpers the HTML importer needs, over htmlparser2's tree
 * (a forgiving HTML parser: web pages are rarely well-formed, and it also
 * reads XHTML such as Standard Ebooks chapters).
 */
import { type ChildNode, type Document, Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { ChildNode, Document };
export { Element, isTag, isText };

export function parseHtml(html: string): Document {
  return parseDocument(html, { withStartIndices: true, decodeEntities: true });
}

/** Elements below `node` (depth first, document order). */
export function* elements(node: Document | Element): Generator<Element> {
  for (const c of node.children) {
    if (isTag(c)) {
      yield c;
      yield* elements(c);
    }
  }
}

/** Tags whose content is never text a reader sees. */
export const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'object', 'iframe']);

/** The visible text of a node. */
export function textOf(node: ChildNode | Document): string {
  if (isText(node)) return node.data;
  if (isTag(node) && INVISIBLE.has(node.name)) return '';
  if ('children' in node) return (node.children as ChildNode[]).map(textOf).join(isTag(node) && BLOCK.has(node.name) ? ' ' : '');
  return '';
}

export const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'pre', 'hr', 'body', 'html', 'dl', 'dt', 'dd', 'address', 'hgroup', 'form']);

/** Space-separated tokens of an attribute (`epub:type`, `class`, `role`). */
export function tokens(el: Element, attr: string): string[] {
  return (el.attribs[attr] ?? '').split(/\s+/).filter(Boolean);
}

// Offsets of line starts of the last source asked about: pages have thousands of elements.
let indexed: { source: string; starts: number[] } | undefined;

/** 1-based line of an element in its file (binary search over line starts). */
export function lineOf(node: ChildNode, source: string): number {
  if (indexed?.source !== source) {
    const starts = [0];
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    indexed = { source, starts };
  }
  const at = node.startIndex ?? 0;
  const { starts } = indexed;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
