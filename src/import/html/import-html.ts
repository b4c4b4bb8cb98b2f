/**
 * HTML and XHTML files → one text: notes linked by their targets (across
 * the files), then each page's article, then notes typed as text.
 */
import type { ImportBlock, ImportContext, ImportedBody, ImportNote } from '../model.js';
import { takeBlockNotes } from '../block-notes.js';
import { Element, isTag, lineOf, parseHtml, textOf } from './dom.js';
import { extractArticle, squash } from './extract.js';
import { findLinkedNotes, type HtmlFile } from './linked-notes.js';
import { toBlocks, type BlockContext } from './to-blocks.js';

export function importHtml(inputs: readonly { file: string; text: string }[], ctxFor: (file: string) => ImportContext): ImportedBody {
  const files: HtmlFile[] = inputs.map((i) => ({ file: i.file, source: i.text, doc: parseHtml(i.text) }));
  const { notes: linked, refs, containers, foreign } = findLinkedNotes(files);
  for (const n of foreign) {
    ctxFor(n.file.file).report.cut('notes-other-chapter', n.file.file, n.line, squash(textOf(n.el)));
    detach(n.el);
  }
  const refLabel = (a: Element) => refs.get(a)?.label;

  // Notes first, so no furniture rule can drop them; then they leave the page.
  const notes: ImportNote[] = linked.map((n) => {
    const ctx = ctxFor(n.file.file);
    const blocks = toBlocks(n.el, { ctx, source: n.file.source, refLabel });
    const paragraphs = blocks.flatMap(flatText).filter((p) => p !== '');
    ctx.report.count('notes-linked-by-target');
    return { label: n.label, paragraphs: paragraphs.length ? paragraphs : [''], line: n.line };
  });
  for (const n of linked) detach(n.el);
  for (const c of containers) {
    // What is left of a notes section once its notes are out: its heading ("Endnotes"), reported as cut.
    const f = files.find((x) => rootOf(c) === x.doc) ?? files[0]!;
    const rest = squash(textOf(c));
    if (rest) ctxFor(f.file).report.cut('notes-heading', f.file, lineOf(c, f.source), rest);
    detach(c);
  }

  const blocks: ImportBlock[] = [];
  let title: string | undefined;
  for (const f of files) {
    const ctx = ctxFor(f.file);
    if (squash(textOf(f.doc)) === '' || bodyText(f) === '') continue;
    const article = extractArticle(f.doc, f.source, f.file, ctx.report);
    const b: BlockContext = { ctx, source: f.source, refLabel };
    const fileBlocks = toBlocks(article.root, b);
    const first = fileBlocks[0];
    if (title === undefined && first?.kind === 'heading' && first.depth === 1 && !fileBlocks.slice(1).some((x) => x.kind === 'heading' && x.depth === 1)) {
      title = first.text.replace(/[*\\]/g, '');
      ctx.report.count('title-line');
      fileBlocks.shift();
    }
    if (title === undefined && article.title !== undefined && !/^(?:[IVXLC]+|\d+|Chapter \w+)\.?$/i.test(article.title)) {
      // A page title usually ends with the site's name: "Der Titel – Rote Hefte".
      title = article.title.replace(/\s+[|–—-]\s+[^|–—-]{1,40}$/, '');
      ctx.report.doubt('import-title', `title taken from the page's <title>: ${title}`, f.file, 1);
    }
    blocks.push(...fileBlocks);
  }
  const ctx = ctxFor(files[0]!.file);
  if (title !== undefined && ctx.found.title === undefined) ctx.found.title = title;
  const plain = takeBlockNotes(blocks, ctx, notes);
  ctx.report.count('notes-found', notes.length + plain.notes.length);
  return { blocks: plain.blocks, notes: [...notes, ...plain.notes] };
}

function flatText(b: ImportBlock): string[] {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return [b.text];
    case 'verse':
      return [b.lines.join(' ')];
    case 'list':
      return b.items;
    case 'quote':
      return b.blocks.flatMap(flatText);
    case 'rule':
      return [];
  }
}

function bodyText(f: HtmlFile): string {
  const body = [...f.doc.children].flatMap(function walk(n): Element[] {
    return isTag(n) ? (n.name === 'body' ? [n] : n.children.flatMap(walk)) : [];
  })[0];
  return squash(textOf(body ?? f.doc));
}

/** The document a node belongs to. */
function rootOf(el: Element): unknown {
  let node: { parent: unknown } = el;
  while (node.parent) node = node.parent as { parent: unknown };
  return node;
}

function detach(el: Element): void {
  const parent = el.parent as Element | null;
  if (parent) parent.children = parent.children.filter((c) => c !== el);
  el.parent = null;
}
