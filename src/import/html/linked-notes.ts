/**
 * Notes linked by their targets: a reference `<a href="endnotes.xhtml#note-3"
 * epub:type="noteref">3</a>` (Standard Ebooks, EPUB) or `<a href="#fn3"
 * class="footnote-ref">` / `role="doc-noteref"` (pandoc, WordPress, most
 * web footnotes) points at the element that holds the note, in the same file
 * or another file of the same command line. The notes are taken out of the
 * page before the article is extracted, so no furniture rule can drop them;
 * their backlinks (↩) are dropped, as the build writes its own.
 */
import path from 'node:path';
import { type Document, Element, elements, isTag, lineOf, textOf, tokens } from './dom.js';

export interface HtmlFile {
  file: string;
  source: string;
  doc: Document;
}

export interface LinkedNote {
  /** file#id of the note element. */
  key: string;
  label: string;
  el: Element;
  file: HtmlFile;
  line: number;
}

const NOTEREF = (a: Element) => tokens(a, 'epub:type').includes('noteref') || a.attribs.role === 'doc-noteref' || tokens(a, 'class').some((c) => /^(footnote-ref|fnref|footnote-reference|noteref)$/.test(c));
const CONTAINER = (e: Element) =>
  tokens(e, 'epub:type').some((t) => ['endnotes', 'footnotes', 'rearnotes'].includes(t)) ||
  ['doc-endnotes', 'doc-footnotes'].includes(e.attribs.role ?? '') ||
  tokens(e, 'class').some((c) => /^(footnotes|endnotes)$/.test(c));

/** Whether an anchor is a backlink from a note to its reference. */
export function isBacklink(a: Element): boolean {
  return a.name === 'a' && (tokens(a, 'epub:type').includes('backlink') || a.attribs.role === 'doc-backlink' || tokens(a, 'class').some((c) => /^(footnote-back|fnback|backlink)$/.test(c)) || /^\s*[↩↑^]\uFE0E?\s*$/.test(textOf(a)));
}

const keyOf = (from: string, href: string): string | undefined => {
  const hash = href.indexOf('#');
  if (hash < 0 || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  const file = href.slice(0, hash) === '' ? from : path.resolve(path.dirname(from), decodeURIComponent(href.slice(0, hash)));
  return `${path.resolve(file)}#${decodeURIComponent(href.slice(hash + 1))}`;
};

/**
 * Finds every note reference and the note elements they point at, across
 * files; notes in an endnotes container without a reference are found too.
 * Returns the notes in order of first reference (then the unreferenced),
 * and the label each reference anchor gets.
 */
export function findLinkedNotes(files: readonly HtmlFile[]): { notes: LinkedNote[]; refs: Map<Element, LinkedNote>; containers: Element[]; foreign: LinkedNote[] } {
  const byId = new Map<string, { el: Element; file: HtmlFile }>();
  for (const f of files) for (const el of elements(f.doc)) if (el.attribs.id) byId.set(`${path.resolve(f.file)}#${el.attribs.id}`, { el, file: f });
  const notes = new Map<string, LinkedNote>();
  const refs = new Map<Element, LinkedNote>();
  const containers = new Set<Element>();
  const foreign: LinkedNote[] = [];
  for (const f of files) {
    for (const a of elements(f.doc)) {
      if (a.name !== 'a' || !a.attribs.href) continue;
      const key = keyOf(f.file, a.attribs.href);
      const target = key ? byId.get(key) : undefined;
      if (!key || !target) continue;
      const container = ancestor(target.el, CONTAINER);
      if (!NOTEREF(a) && !container) continue;
      if (ancestor(a, CONTAINER) || isBacklink(a)) continue;
      let note = notes.get(key);
      if (!note) {
        const label = /^\s*\[?(\d{1,4})\]?\s*$/.exec(textOf(a))?.[1] ?? String(notes.size + 1);
        note = { key, label, el: noteElement(target.el), file: target.file, line: lineOf(target.el, target.file.source) };
        notes.set(key, note);
      }
      refs.set(a, note);
      if (container) containers.add(container);
    }
  }
  // Notes in an endnotes container that nothing refers to are notes all the same.
  for (const f of files) {
    for (const c of [...elements(f.doc)].filter(CONTAINER)) {
      containers.add(c);
      for (const li of [...elements(c)].filter((e) => e.name === 'li' || tokens(e, 'epub:type').some((t) => /note$/.test(t)))) {
        const key = `${path.resolve(f.file)}#${li.attribs.id ?? `${lineOf(li, f.source)}`}`;
        if ([...notes.values()].some((n) => n.el === li || n.el.parent === li || li.parent === n.el)) continue;
        if (ancestor(li.parent as Element, (e) => e.name === 'li' && e !== li)) continue;
        const label = /(\d+)$/.exec(li.attribs.id ?? '')?.[1] ?? String(notes.size + 1);
        const note = { key, label: uniqueLabel(label, notes), el: li, file: f, line: lineOf(li, f.source) };
        // A book's endnotes file holds the notes of every chapter: a note whose backlink goes to a
        // chapter not on the command line belongs to another text.
        const back = [...elements(li)].find((a) => a.name === 'a' && isBacklink(a) && a.attribs.href);
        const backFile = back ? keyOf(f.file, back.attribs.href!)?.split('#')[0] : undefined;
        if (backFile !== undefined && !files.some((x) => path.resolve(x.file) === backFile)) foreign.push(note);
        else notes.set(key, note);
      }
    }
  }
  return { notes: [...notes.values()], refs, containers: [...containers], foreign };
}

function uniqueLabel(label: string, notes: Map<string, LinkedNote>): string {
  const used = new Set([...notes.values()].map((n) => n.label));
  let l = label;
  for (let i = 2; used.has(l); i++) l = `${label}-${i}`;
  return l;
}

/** The element holding the whole note: an `<a id>` or `<span id>` target stands for its paragraph or list item. */
function noteElement(el: Element): Element {
  if (['a', 'span', 'sup'].includes(el.name) && el.parent && isTag(el.parent)) return ancestor(el, (e) => ['li', 'p', 'aside', 'div'].includes(e.name)) ?? el;
  return el;
}

function ancestor(el: Element | null, test: (e: Element) => boolean): Element | undefined {
  for (let p: Element | null = el; p; p = p.parent && isTag(p.parent) ? p.parent : null) if (test(p)) return p;
  return undefined;
}
