/**
 * Drawing with tags: turns the layout's structure nodes (structure.ts) into
 * pdfkit structure elements and wraps what is drawn in marked content that
 * points to them (MCIDs), or marks it as an artifact.
 *
 * Our text goes through TextWriter, which buffers a page's text and writes
 * it as one text object; pdfkit's `markStructureContent` writes its BDC to
 * the page at once. So every switch of element first flushes the writer,
 * which keeps BDC/EMC and the text they enclose in order.
 */
import type { StructNode } from './structure.js';
import type { TextWriter } from './textwriter.js';

/** A pdfkit structure element (PDFStructureElement; pdfkit's typings lack the structure API). */
export interface StructElement {
  add(child: unknown): StructElement;
  end(): void;
  dictionary: { data: { S: string } };
}

/** What tagging needs of the pdfkit document. */
export interface TagDoc {
  struct(type: string, options?: { lang?: string; alt?: string; scope?: string }): StructElement;
  addStructure(element: StructElement): unknown;
  markStructureContent(tag: string): unknown;
  endMarkedContent(): unknown;
  addContent(data: string | Uint8Array): unknown;
}

/** Where drawn content goes: into an element's marked content, or out of the text as an artifact. */
export type Target = StructElement | 'artifact';

/** A Link element for one link annotation; `done` ends it on the annotation's page. */
export interface LinkTag {
  element: StructElement;
  done(): void;
}

export class ContentTagger {
  private open: Target | null = null;
  private readonly elements = new Map<StructNode, StructElement>();
  private readonly root: StructElement | undefined;

  /** Without a structure (`root` undefined) nothing is tagged and every call is a no-op. */
  constructor(
    private readonly doc: TagDoc,
    private readonly writer: TextWriter,
    root?: StructNode,
  ) {
    if (!root) return;
    // The whole tree is created up front, in reading order; content is added as pages are drawn.
    this.root = this.create(root);
    doc.addStructure(this.root);
  }

  get enabled(): boolean {
    return this.root !== undefined;
  }

  private create(node: StructNode): StructElement {
    const o: { lang?: string; alt?: string; scope?: string } = {};
    if (node.lang) o.lang = node.lang;
    if (node.alt) o.alt = node.alt;
    if (node.scope) o.scope = node.scope;
    const el = this.doc.struct(node.type, o);
    this.elements.set(node, el);
    for (const c of node.children) el.add(this.create(c));
    return el;
  }

  /** The target of a flow item's (or fragment's) node; content the layout left untagged stays in the Document. */
  target(node: StructNode | undefined): Target {
    if (node?.type === 'Artifact') return 'artifact';
    return (node && this.elements.get(node)) ?? this.root!;
  }

  /** Makes what is drawn next belong to `t` (a no-op when it already does). */
  enter(t: Target): void {
    if (!this.enabled || t === this.open) return;
    this.close();
    this.writer.finish();
    if (t === 'artifact') this.doc.addContent('/Artifact BMC');
    else t.add(this.doc.markStructureContent(t.dictionary.data.S));
    this.open = t;
  }

  /** Ends the open marked content (before a page ends and before running heads). */
  close(): void {
    if (!this.enabled || this.open === null) return;
    this.writer.finish();
    if (this.open === 'artifact') this.doc.addContent('EMC');
    else this.doc.endMarkedContent();
    this.open = null;
  }

  /** A Span with /Lang in `owner` for a run in another language (`owner` itself without one). */
  span(owner: Target, lang: string | undefined): Target {
    if (!this.enabled || !lang || owner === 'artifact') return owner;
    const span = this.doc.struct('Span', { lang });
    owner.add(span);
    return span;
  }

  /**
   * A Link element in `owner` for one annotation: inside a Reference for a
   * link within the book (note references, backlinks, contents entries).
   */
  link(owner: Target, internal: boolean): LinkTag | undefined {
    if (!this.enabled) return undefined;
    const parent = owner === 'artifact' ? this.root! : owner;
    const link = this.doc.struct('Link');
    // A Reference laid out as such (a contents entry) takes its Links directly.
    if (!internal || parent.dictionary.data.S === 'Reference') {
      parent.add(link);
      return { element: link, done: () => link.end() };
    }
    const ref = this.doc.struct('Reference');
    parent.add(ref);
    ref.add(link);
    // pdfkit writes the page of an OBJR (the annotation's reference) when the
    // element is flushed, taking whatever page is current then (its issue
    // #1591): ending the Link right after its annotation, on the same page,
    // flushes it there, so /Pg names the annotation's own page.
    return {
      element: link,
      done: () => {
        link.end();
        ref.end();
      },
    };
  }
}
