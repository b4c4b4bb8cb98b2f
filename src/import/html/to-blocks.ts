/**
 * The article's elements → blocks of inline Markdown: headings, paragraphs,
 * block quotes, lists, rules; emphasis, strong, web links and note
 * references inline. Anything else keeps its text, so no word is lost.
 */
import { escapeInline } from '../../cleaning/escape.js';
import type { ImportBlock, ImportContext } from '../model.js';
import { typographyOf } from '../inline.js';
import { BLOCK, type ChildNode, type Document, Element, INVISIBLE, isTag, isText, lineOf, textOf, tokens } from './dom.js';
import { isBacklink } from './linked-notes.js';

export interface BlockContext {
  ctx: ImportContext;
  source: string;
  /** Label of each note-reference anchor. */
  refLabel: (a: Element) => string | undefined;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function toBlocks(node: Element | Document, b: BlockContext): ImportBlock[] {
  const out: ImportBlock[] = [];
  let pending: ChildNode[] = [];
  const flush = () => {
    const text = inlineOf(pending, b).trim();
    if (text !== '') out.push({ kind: 'paragraph', text, line: lineOf(pending[0]!, b.source) });
    pending = [];
  };
  for (const c of node.children) {
    if (!isTag(c) || !BLOCK.has(c.name)) {
      pending.push(c);
      continue;
    }
    flush();
    out.push(...blockOf(c, b));
  }
  flush();
  return out;
}

function blockOf(el: Element, b: BlockContext): ImportBlock[] {
  const line = lineOf(el, b.source);
  const name = el.name;
  if (/^h[1-6]$/.test(name)) {
    const text = inlineOf(el.children, b).trim();
    return text ? [{ kind: 'heading', depth: Number(name[1]), text, line }] : [];
  }
  if (name === 'p' || name === 'dt' || name === 'dd' || name === 'figcaption' || name === 'address') {
    const brs = el.children.filter((c) => isTag(c) && c.name === 'br').length;
    if (brs >= 2 || (brs === 1 && inPoem(el))) {
      // Lines broken by <br>: verse (or an address), kept line by line.
      const lines = splitAtBreaks(el.children).map((part) => inlineOf(part, b).trim()).filter((l) => l !== '');
      b.ctx.report.count('verse');
      return [{ kind: 'verse', lines, line }];
    }
    const text = inlineOf(el.children, b).trim();
    return text ? [{ kind: 'paragraph', text, line }] : [];
  }
  if (name === 'blockquote') {
    b.ctx.report.count('block-quote');
    const inner = toBlocks(el, b);
    // A poem in a block quote (Standard Ebooks: z3998:poem) is verse, which is printed set off already.
    if (inner.length > 0 && inner.every((x) => x.kind === 'verse')) return inner;
    return inner.length ? [{ kind: 'quote', blocks: inner, line }] : [];
  }
  if (name === 'ul' || name === 'ol') {
    const items = el.children.filter((c): c is Element => isTag(c) && c.name === 'li').map((li) => inlineOf(li.children, b).replace(/\s+/g, ' ').trim());
    return items.length ? [{ kind: 'list', ordered: name === 'ol', items, line }] : [];
  }
  if (name === 'hr') return [{ kind: 'rule', line }];
  if (name === 'pre' || name === 'tr') {
    const text = escapeInline(textOf(el).replace(/\s+/g, ' ').trim());
    return text ? [{ kind: 'paragraph', text, line }] : [];
  }
  return toBlocks(el, b);
}

/** Inside a poem or song (Standard Ebooks z3998:poem, or a class saying so), every line break is a verse line. */
function inPoem(el: Element): boolean {
  for (let p = el.parent; p && isTag(p); p = p.parent) {
    if (tokens(p, 'epub:type').some((t) => /z3998:(poem|song|verse|hymn|lyrics)/.test(t)) || tokens(p, 'class').some((c) => /^(poem|verse|lyrics|stanza)$/.test(c))) return true;
  }
  return false;
}

function splitAtBreaks(nodes: readonly ChildNode[]): ChildNode[][] {
  const parts: ChildNode[][] = [[]];
  for (const n of nodes) {
    if (isTag(n) && n.name === 'br') parts.push([]);
    else parts[parts.length - 1]!.push(n);
  }
  return parts;
}

/** Inline Markdown of a run of nodes: text escaped and typeset, markup mapped. */
export function inlineOf(nodes: readonly ChildNode[], b: BlockContext): string {
  let out = '';
  for (const n of nodes) {
    if (isText(n)) out += typographyOf(escapeInline(n.data.replace(/\s+/g, ' ')), b.ctx);
    else if (isTag(n)) out += inlineElement(n, b);
  }
  return out.replace(/ {2,}/g, ' ');
}

function inlineElement(el: Element, b: BlockContext): string {
  if (INVISIBLE.has(el.name)) return '';
  const label = el.name === 'a' ? b.refLabel(el) : undefined;
  if (label !== undefined) return `[^${label}]`;
  if (el.name === 'a' && isBacklink(el)) return '';
  // A <sup> holding only a note reference is the reference.
  if (el.name === 'sup') {
    const only = el.children.filter((c) => !(isText(c) && c.data.trim() === ''));
    if (only.length === 1 && isTag(only[0]!) && b.refLabel(only[0]) !== undefined) return `[^${b.refLabel(only[0])}]`;
    const t = textOf(el).trim();
    // Plain superscript digits become superscript characters, which the notes step can read as marks.
    if (/^\d{1,3}$/.test(t)) return [...t].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('');
  }
  if (el.name === 'br') return ' ';
  const inner = inlineOf(el.children, b);
  if (inner.trim() === '') return inner;
  // A block inside running text (a nested list in an item) still separates words.
  if (BLOCK.has(el.name)) return ` ${inner} `;
  const wrap = (mark: string) => {
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
    return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
  };
  switch (el.name) {
    case 'em':
    case 'i':
    case 'cite':
      return wrap('*');
    case 'strong':
    case 'b':
      return wrap('**');
    case 'a': {
      const href = el.attribs.href ?? '';
      return /^(https?:|mailto:)/i.test(href) ? `[${inner.trim()}](${href.replace(/[()\s]/g, encodeURIComponent)})` : inner;
    }
    default:
      return inner;
  }
}
