/**
 * Markdown (CommonMark + GFM footnotes and tables) → model blocks and notes.
 * mdast gives positions on every node; we keep them on blocks and note
 * references so later steps can point at the source.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type * as Md from 'mdast';
import type { Block, Inline, Note, Position } from '../../../src/model/types.js';
import type { Reporter } from '../../../src/model/messages.js';
import { classifyHtml, forbiddenTagIn, onlyComments, type StyleTag } from '../../../src/parse/inline-html.js';
import { classifyTarget } from '../../../src/parse/link-target.js';
import { splitHtmlBlock } from '../../../src/parse/html-block.js';
import { checkImage } from '../../../src/parse/image.js';
import { convertTable } from './table-mdast.js';
import { slugify } from '../../../src/util/slug.js';

export interface MarkdownContext {
  file: string;
  /** Lines of front matter before the body. */
  lineOffset: number;
  projectRoot: string;
  reporter: Reporter;
}

export interface ParsedBody {
  blocks: Block[];
  notes: Note[];
}

/** CommonMark with GFM footnotes and tables: the one Markdown dialect of sources. */
function markdownTree(source: string): Md.Root {
  return fromMarkdown(source, {
    extensions: [gfmFootnote(), gfmTable()],
    mdastExtensions: [gfmFootnoteFromMarkdown(), gfmTableFromMarkdown()],
  });
}

/** Parses a Markdown body into blocks and (unnumbered) notes. */
export function parseMarkdown(body: string, ctx: MarkdownContext): ParsedBody {
  const tree = markdownTree(body);
  const converter = new Converter(ctx, collectDefinitions(tree));
  const blocks: Block[] = [];
  const notes: Note[] = [];
  const seenLabels = new Map<string, Position>();
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') {
      const position = converter.pos(node);
      const earlier = seenLabels.get(node.identifier);
      if (earlier) {
        ctx.reporter.error('note-duplicate', `note [^${node.label ?? node.identifier}] is defined twice (first at line ${earlier.line})`, position);
        continue;
      }
      seenLabels.set(node.identifier, position);
      notes.push({ label: node.identifier, number: 0, references: 0, blocks: converter.blocks(node.children), position });
    } else {
      blocks.push(...converter.blocks([node]));
    }
  }
  normaliseHeadingDepths(blocks);
  return { blocks, notes };
}

function collectDefinitions(tree: Md.Root): Map<string, string> {
  const defs = new Map<string, string>();
  const walk = (nodes: Md.RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'definition' && !defs.has(n.identifier)) defs.set(n.identifier, n.url);
      if ('children' in n) walk(n.children as Md.RootContent[]);
    }
  };
  walk(tree.children);
  return defs;
}

/** Sources may use `#` or `##` for their sections: depth 1 is always the top level inside a text. */
function normaliseHeadingDepths(blocks: Block[]): void {
  const depths = blocks.filter((b) => b.type === 'heading').map((b) => (b as { depth: number }).depth);
  if (depths.length === 0) return;
  const shift = Math.min(...depths) - 1;
  for (const b of blocks) if (b.type === 'heading') b.depth -= shift;
}

/** An open inline HTML element: its attributes, content so far and where it started. */
type Frame = { tag: StyleTag | 'root'; name: string; lang?: string; href?: string; title?: string; children: Inline[]; position: Position };

class Converter {
  private headingIds = new Set<string>();

  constructor(private ctx: MarkdownContext, private definitions: Map<string, string>) {}

  pos(node: Md.Node): Position {
    const start = node.position?.start;
    return { file: this.ctx.file, line: (start?.line ?? 1) + this.ctx.lineOffset, column: start?.column ?? 1 };
  }

  blocks(nodes: Md.RootContent[]): Block[] {
    const out: Block[] = [];
    for (const node of nodes) this.block(node, out);
    return out;
  }

  private block(node: Md.RootContent, out: Block[]): void {
    const position = this.pos(node);
    switch (node.type) {
      case 'paragraph': {
        const figure = this.figure(node);
        if (figure) return void out.push(figure);
        const children = this.inlines(node.children);
        if (children.some((c) => c.type === 'break')) {
          out.push({ type: 'verse', lines: splitLines(children), position });
        } else if (children.length > 0) {
          out.push({ type: 'paragraph', children, position });
        }
        return;
      }
      case 'heading': {
        const children = this.inlines(node.children);
        out.push({ type: 'heading', depth: node.depth, id: this.headingId(children), children, position });
        return;
      }
      case 'blockquote':
        out.push({ type: 'blockquote', children: this.blocks(node.children), position });
        return;
      case 'list':
        out.push({
          type: 'list',
          ordered: node.ordered === true,
          start: node.start ?? 1,
          items: node.children.map((item) => this.blocks(item.children)),
          position,
        });
        return;
      case 'thematicBreak':
        out.push({ type: 'thematicBreak', position });
        return;
      case 'table':
        out.push(convertTable(node, { inlines: (n) => this.inlines(n), pos: (n) => this.pos(n), reporter: this.ctx.reporter }));
        return;
      case 'code':
        // Code has little place in these editions, but its characters must survive: its
        // lines are kept as lines (never justified) and are never typeset or hyphenated.
        this.ctx.reporter.warn('markdown-code', 'code block printed as verbatim lines of text', position);
        if (node.value.trim()) out.push({ type: 'verse', lines: node.value.split('\n').map((line) => (line ? [codeRun(line)] : [])), position });
        return;
      case 'html': {
        if (onlyComments(node.value)) return;
        const forbidden = forbiddenTagIn(node.value);
        if (forbidden) return void this.ctx.reporter.error('html-forbidden', `raw HTML <${forbidden}> is not allowed in a text`, position);
        const withoutComments = node.value.replace(/<!--[\s\S]*?-->/g, '');
        if (!withoutComments.includes('<')) {
          // A line that starts with a comment is an HTML block to CommonMark, even when the
          // rest is ordinary Markdown ("<!-- Kommentar -->Text _kursiv_"): drop the comment
          // and read the rest as Markdown, with positions from this block's line.
          const inner = new Converter({ ...this.ctx, lineOffset: position.line - 1 }, this.definitions);
          inner.headingIds = this.headingIds; // heading ids stay unique across the whole text
          const tree = markdownTree(withoutComments);
          return void out.push(...inner.blocks(tree.children));
        }
        const split = splitHtmlBlock(withoutComments);
        if (split && split.dropped.length) {
          this.ctx.reporter.warn('html-unsupported', `raw HTML block: its tags (${split.dropped.map((t) => `<${t}>`).join(', ')}) are dropped and its text is kept`, position);
          for (const chunk of split.chunks) {
            const inner = new Converter({ ...this.ctx, lineOffset: position.line - 1 + chunk.lineOffset }, this.definitions);
            inner.headingIds = this.headingIds;
            out.push(...inner.blocks(markdownTree(chunk.text).children));
          }
          return;
        }
        this.ctx.reporter.warn('html-unsupported', 'raw HTML block kept as visible text', position);
        out.push({ type: 'paragraph', children: [{ type: 'text', value: node.value, verbatim: true }], position });
        return;
      }
      case 'definition':
        return; // resolved into the links that use it
      case 'footnoteDefinition':
        this.ctx.reporter.error('note-nested', 'a note definition must stand at the start of a line, outside lists and quotes', position);
        return;
      default:
        this.ctx.reporter.warn('markdown-unsupported', `unsupported Markdown (${node.type}) printed as text`, position);
        out.push({ type: 'paragraph', children: [{ type: 'text', value: textOf(node) }], position });
    }
  }

  /** A paragraph that holds only an image becomes a figure. */
  private figure(node: Md.Paragraph): Block | undefined {
    const only = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (only.length !== 1 || (only[0]!.type !== 'image' && only[0]!.type !== 'imageReference')) return undefined;
    const img = only[0] as Md.Image | Md.ImageReference;
    const url = img.type === 'image' ? img.url : this.definitions.get(img.identifier);
    const position = this.pos(img);
    if (url === undefined) return undefined;
    const target = classifyTarget(url, this.ctx.file, this.ctx.projectRoot);
    if (target.kind === 'outside') {
      this.ctx.reporter.error('path-outside-project', `image path leaves the project folder: ${url}`, position);
      return { type: 'paragraph', children: [{ type: 'text', value: img.alt ?? '' }], position };
    }
    if (target.kind !== 'file') {
      this.ctx.reporter.warn('image-remote', `only local images can be printed; kept the description of ${url}`, position);
      return { type: 'paragraph', children: [{ type: 'text', value: img.alt ?? '' }], position };
    }
    const check = checkImage(target.file);
    if (!check.ok) {
      this.ctx.reporter.error('image-invalid', check.reason, position);
      return { type: 'paragraph', children: [{ type: 'text', value: img.alt ?? '' }], position };
    }
    if (!img.alt) this.ctx.reporter.warn('image-alt', 'image without a description (alt text); readers of the EPUB will miss it', position);
    return { type: 'figure', src: target.file, mediaType: check.mediaType, alt: img.alt ?? '', position };
  }

  private headingId(children: Inline[]): string {
    const base = `h-${slugify(plainText(children)) || 'abschnitt'}`;
    let id = base;
    for (let i = 2; this.headingIds.has(id); i++) id = `${base}-${i}`;
    this.headingIds.add(id);
    return id;
  }

  /** Phrasing content → inlines; raw inline HTML is matched into a small stack of frames. */
  inlines(nodes: Md.PhrasingContent[]): Inline[] {
    const stack: Frame[] = [{ tag: 'root', name: '', children: [], position: { file: this.ctx.file, line: 0, column: 0 } }];
    const top = () => stack[stack.length - 1]!;
    for (const node of nodes) {
      if (node.type !== 'html') {
        top().children.push(...this.inline(node));
        continue;
      }
      const position = this.pos(node);
      const token = classifyHtml(node.value);
      switch (token.kind) {
        case 'comment':
        case 'forbiddenEnd':
          break;
        case 'break':
          top().children.push({ type: 'break' });
          break;
        case 'forbidden':
          this.ctx.reporter.error('html-forbidden', `raw HTML <${token.tag}> is not allowed in a text`, position);
          break;
        case 'open': {
          const name = node.value.slice(1).split(/[\s/>]/)[0];
          if (token.tag === 'link' && !token.href) this.ctx.reporter.warn('html-attribute', `<${name}> without href is not a link; its text is kept`, position);
          else if (token.dropped.length) this.ctx.reporter.warn('html-attribute', `ignored attribute(s) ${token.dropped.join(', ')} on <${name}>`, position);
          const { lang, href, title } = token;
          stack.push({ tag: token.tag, name: name ?? token.tag, ...(lang ? { lang } : {}), ...(href ? { href } : {}), ...(title ? { title } : {}), children: [], position });
          break;
        }
        case 'close': {
          const index = stack.map((f) => f.tag).lastIndexOf(token.tag);
          if (index <= 0) {
            this.ctx.reporter.warn('html-unbalanced', `closing tag ${node.value} without an opening tag; ignored`, position);
            break;
          }
          while (stack.length > index) this.closeFrame(stack);
          break;
        }
        case 'image':
          this.ctx.reporter.warn('image-inline', 'a raw <img> is not printed; its description (alt) is kept. Use a Markdown image in a paragraph of its own', position);
          if (token.alt) top().children.push({ type: 'text', value: token.alt });
          break;
        case 'unsupported':
          // The closing tag of an element whose opening tag was reported says nothing new.
          if (!token.closing) this.ctx.reporter.warn('html-unsupported', `raw HTML <${token.tag}> has no meaning in an edition; its tags are dropped and its text is kept`, position);
          break;
        default:
          this.ctx.reporter.warn('html-unsupported', `raw HTML ${node.value} is not an HTML element; kept as visible text`, position);
          top().children.push({ type: 'text', value: node.value, verbatim: true });
      }
    }
    while (stack.length > 1) {
      this.ctx.reporter.warn('html-unbalanced', `<${top().name}> is never closed; closed at the end of the paragraph`, top().position);
      this.closeFrame(stack);
    }
    return mergeText(stack[0]!.children);
  }

  private inline(node: Md.PhrasingContent): Inline[] {
    switch (node.type) {
      case 'text':
        return this.textWithUndefinedRefs(node);
      case 'emphasis':
        return [{ type: 'emphasis', children: this.inlines(node.children) }];
      case 'strong':
        return [{ type: 'strong', children: this.inlines(node.children) }];
      case 'break':
        return [{ type: 'break' }];
      case 'inlineCode':
        return [codeRun(node.value)];
      case 'footnoteReference':
        return [{ type: 'noteRef', label: node.identifier, occurrence: 0, position: this.pos(node) }];
      case 'link':
        return this.link(node.url, this.inlines(node.children), this.pos(node));
      case 'linkReference': {
        const url = this.definitions.get(node.identifier);
        const children = this.inlines(node.children);
        return url === undefined ? children : this.link(url, children, this.pos(node));
      }
      case 'image':
      case 'imageReference':
        this.ctx.reporter.warn('image-inline', 'an image inside running text is not printed; give it a paragraph of its own', this.pos(node));
        return node.alt ? [{ type: 'text', value: node.alt }] : [];
      case 'delete':
        return this.inlines(node.children);
      default:
        return [{ type: 'text', value: textOf(node) }];
    }
  }

  private link(url: string, children: Inline[], position: Position): Inline[] {
    const target = classifyTarget(url, this.ctx.file, this.ctx.projectRoot);
    switch (target.kind) {
      case 'external':
        return [{ type: 'link', href: target.href, children }];
      case 'file':
        if (!target.file.endsWith('.md')) {
          this.ctx.reporter.warn('link-target', `link to ${url} is not a text of the library; printed as plain text`, position);
          return children;
        }
        return [{ type: 'xref', textId: '', targetFile: target.file, ...(target.fragment ? { fragment: target.fragment } : {}), children, position }];
      case 'outside':
        this.ctx.reporter.error('path-outside-project', `link leaves the project folder: ${url}`, position);
        return children;
      case 'unsafe':
        this.ctx.reporter.warn('link-unsafe', `${target.reason}; printed as plain text`, position);
        return children;
    }
  }

  /** Closes the innermost raw HTML element into the model node it means. */
  private closeFrame(stack: Frame[]): void {
    const frame = stack.pop()!;
    const children = mergeText(frame.children);
    const parent = stack[stack.length - 1]!.children;
    switch (frame.tag) {
      case 'root':
        return;
      case 'lang':
        // A span whose language was refused (inline-html.ts) keeps only its words.
        return void parent.push(...(frame.lang ? [{ type: 'lang' as const, lang: frame.lang, children }] : children));
      case 'link':
        // The same policy as a Markdown link: http(s) and mailto stay links, the rest becomes text.
        return void parent.push(...(frame.href ? this.link(frame.href, children, frame.position) : children));
      case 'abbreviation':
        return void parent.push(...(frame.title ? [{ type: 'abbreviation' as const, title: frame.title, children }] : children));
      case 'quote':
        return void parent.push({ type: 'quote', children });
      case 'code':
        // Markdown inside <code> was parsed already; code shows the characters as typed.
        return void parent.push(codeRun(plainText(children)));
      default:
        parent.push({ type: frame.tag, children });
    }
  }

  /**
   * micromark only turns `[^x]` into a reference when a definition exists;
   * otherwise the marker stays literal text. Find those and report them.
   */
  private textWithUndefinedRefs(node: Md.Text): Inline[] {
    const re = /\[\^([^\]\s]+)\]/g;
    for (const m of node.value.matchAll(re)) {
      const before = node.value.slice(0, m.index);
      const lines = before.split('\n');
      const start = this.pos(node);
      const line = start.line + lines.length - 1;
      const column = lines.length === 1 ? start.column + before.length : lines[lines.length - 1]!.length + 1;
      this.ctx.reporter.error('note-undefined', `note reference [^${m[1]}] has no definition`, { file: this.ctx.file, line, column });
    }
    return [{ type: 'text', value: node.value }];
  }
}


/** Code: verbatim text that typography and hyphenation leave alone. */
function codeRun(value: string): Inline {
  return { type: 'code', children: [{ type: 'text', value, verbatim: true }] };
}

/** Adjacent text runs merge, so transforms see words whole (verbatim runs stay apart). */
function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    const prev = out[out.length - 1];
    if (node.type === 'text' && prev?.type === 'text' && !node.verbatim && !prev.verbatim) prev.value += node.value;
    else out.push(node);
  }
  return out;
}

/** Splits inlines at hard breaks into verse lines (a break inside emphasis splits it too). */
function splitLines(inlines: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const node of inlines) {
    if (node.type === 'break') lines.push([]);
    else lines[lines.length - 1]!.push(node);
  }
  return lines.filter((line, i) => line.length > 0 || i < lines.length - 1);
}

function textOf(node: Md.Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return (node.children as Md.Node[]).map(textOf).join('');
  return '';
}

/** The visible text of inlines (for ids, titles and word counts). */
export function plainText(inlines: Inline[]): string {
  return inlines
    .map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? ' ' : n.type === 'noteRef' ? '' : plainText(n.children)))
    .join('');
}
