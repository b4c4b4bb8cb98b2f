/**
 * Markdown (CommonMark + GFM footnotes and tables) → model blocks and notes.
 * md-tree.ts gives an mdast-shaped tree with positions; we keep them on
 * blocks and note references so later steps can point at the source.
 */
import { markdownTree, type MdBlock, type Phrasing, type Where } from './md-tree.js';
import type { Block, Inline, Note, Position } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import { classifyHtml, forbiddenTagIn, onlyComments, type StyleTag } from './inline-html.js';
import { classifyTarget } from './link-target.js';
import { splitHtmlBlock } from './html-block.js';
import { checkImage } from './image.js';
import { convertTable } from './table.js';
import { slugify } from '../util/slug.js';

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

/** Parses a Markdown body into blocks and (unnumbered) notes. */
export function parseMarkdown(body: string, ctx: MarkdownContext): ParsedBody {
  const tree = markdownTree(body);
  const converter = new Converter(ctx);
  const blocks: Block[] = [];
  const notes: Note[] = [];
  const seenLabels = new Map<string, Position>();
  for (const node of tree) {
    if (node.type === 'footnoteDefinition') {
      const position = converter.pos(node.at);
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

  constructor(private ctx: MarkdownContext) {}

  /** A position in the parsed text → a position in the source file. */
  pos(at: Where): Position {
    return { file: this.ctx.file, line: at.line + this.ctx.lineOffset, column: at.column };
  }

  blocks(nodes: MdBlock[]): Block[] {
    const out: Block[] = [];
    for (const node of nodes) this.block(node, out);
    return out;
  }

  private block(node: MdBlock, out: Block[]): void {
    const position = this.pos(node.at);
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
          ordered: node.ordered,
          start: node.start,
          items: node.items.map((item) => this.blocks(item)),
          position,
        });
        return;
      case 'thematicBreak':
        out.push({ type: 'thematicBreak', position });
        return;
      case 'table':
        out.push(convertTable(node, { inlines: (n) => this.inlines(n), pos: (at) => this.pos(at), reporter: this.ctx.reporter }));
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
          const inner = new Converter({ ...this.ctx, lineOffset: position.line - 1 });
          inner.headingIds = this.headingIds; // heading ids stay unique across the whole text
          return void out.push(...inner.blocks(markdownTree(withoutComments)));
        }
        const split = splitHtmlBlock(withoutComments);
        if (split && split.dropped.length) {
          this.ctx.reporter.warn('html-unsupported', `raw HTML block: its tags (${split.dropped.map((t) => `<${t}>`).join(', ')}) are dropped and its text is kept`, position);
          for (const chunk of split.chunks) {
            const inner = new Converter({ ...this.ctx, lineOffset: position.line - 1 + chunk.lineOffset });
            inner.headingIds = this.headingIds;
            out.push(...inner.blocks(markdownTree(chunk.text)));
          }
          return;
        }
        this.ctx.reporter.warn('html-unsupported', 'raw HTML block kept as visible text', position);
        out.push({ type: 'paragraph', children: [{ type: 'text', value: node.value, verbatim: true }], position });
        return;
      }
      case 'footnoteDefinition':
        this.ctx.reporter.error('note-nested', 'a note definition must stand at the start of a line, outside lists and quotes', position);
        return;
    }
  }

  /** A paragraph that holds only an image becomes a figure. */
  private figure(node: { children: Phrasing[] }): Block | undefined {
    const only = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (only.length !== 1 || only[0]!.type !== 'image') return undefined;
    const img = only[0];
    const url = img.url;
    const position = this.pos(img.at());
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
  inlines(nodes: Phrasing[]): Inline[] {
    const stack: Frame[] = [{ tag: 'root', name: '', children: [], position: { file: this.ctx.file, line: 0, column: 0 } }];
    const top = () => stack[stack.length - 1]!;
    for (const node of nodes) {
      if (node.type !== 'html') {
        top().children.push(...this.inline(node));
        continue;
      }
      const position = this.pos(node.at());
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

  private inline(node: Exclude<Phrasing, { type: 'html' }>): Inline[] {
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
        return [{ type: 'noteRef', label: node.identifier, occurrence: 0, position: this.pos(node.at()) }];
      case 'link':
        return this.link(node.url, this.inlines(node.children), this.pos(node.at()));
      case 'image':
        this.ctx.reporter.warn('image-inline', 'an image inside running text is not printed; give it a paragraph of its own', this.pos(node.at()));
        return node.alt ? [{ type: 'text', value: node.alt }] : [];
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
  private textWithUndefinedRefs(node: { value: string; at: () => Where }): Inline[] {
    // Most text has no `[^`: skip the regular expression and the position.
    if (!node.value.includes('[^')) return [{ type: 'text', value: node.value }];
    const re = /\[\^([^\]\s]+)\]/g;
    for (const m of node.value.matchAll(re)) {
      const before = node.value.slice(0, m.index);
      const lines = before.split('\n');
      const start = this.pos(node.at());
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

/** The visible text of inlines (for ids, titles and word counts). */
export function plainText(inlines: Inline[]): string {
  return inlines
    .map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? ' ' : n.type === 'noteRef' ? '' : plainText(n.children)))
    .join('');
}
