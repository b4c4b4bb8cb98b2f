/**
 * The documents of an EPUB edition, built from the model: title page,
 * imprint with the list of sources, optional part openers, one file per text
 * (with its endnotes, or one notes file for the book), and the navigation tree.
 */
import type { Edition, Note, Text } from '../../model/types.js';
import { textsOf } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import { escapeXml } from '../xhtml/escape.js';
import type { XhtmlContext } from '../xhtml/context.js';
import { blocksToXhtml } from '../xhtml/block.js';
import { inlinesToXhtml } from '../xhtml/inline.js';
import { notesSection } from '../xhtml/notes.js';
import { NOTES_FILE, notesAnchor, textAnchor, textFile } from '../xhtml/ids.js';
import { placeAnchors } from './placement.js';
import { bookAuthors, creditsOf } from '../../model/credits.js';
import { formatDate, formatIsoDate } from '../../util/dates.js';

export interface EpubDocument {
  id: string;
  filename: string;
  title: string;
  lang: string;
  /** XHTML of the body, written by us and emitted verbatim by the chapter template. */
  body: string;
  /** Documents before the contents page (title page, imprint). */
  beforeToc: boolean;
}

export interface NavItem {
  label: string;
  href: string;
  children: NavItem[];
}

export interface Landmark {
  type: string;
  href: string;
  label: string;
}

export interface EpubBook {
  documents: EpubDocument[];
  nav: NavItem[];
  landmarks: Landmark[];
  /** Images used by figures: absolute source path → name inside the EPUB. */
  images: Map<string, string>;
}

const authorsOf = (t: Text) => t.meta.authors.join(', ');

/** The navigation document (written by the template's nav.xhtml.ejs); its links come from the same anchor map. */
const NAV_FILE = 'toc.xhtml';

/** The opening of a text: title, subtitle, author, date, source. */
function textHeader(t: Text, level: number, labels: Labels): string {
  const lines = [`<h${level} class="text-title">${escapeXml(t.meta.title)}</h${level}>`];
  if (t.meta.subtitle) lines.push(`<p class="subtitle">${escapeXml(t.meta.subtitle)}</p>`);
  if (t.meta.authors.length) lines.push(`<p class="author">${escapeXml(authorsOf(t))}</p>`);
  const facts = [t.meta.date ? formatDate(t.meta.date, t.meta.lang) : '', t.meta.translator ? `${labels.translatedBy} ${t.meta.translator}` : ''].filter(Boolean);
  if (facts.length) lines.push(`<p class="text-date">${escapeXml(facts.join(' · '))}</p>`);
  if (t.meta.source) lines.push(`<p class="text-source">${escapeXml(t.meta.source)}</p>`);
  return `<header>\n${lines.join('\n')}\n</header>`;
}

export function buildBook(edition: Edition, labelsFor: (lang: string) => Labels): EpubBook {
  const { meta } = edition;
  const labels = labelsFor(meta.lang);
  const texts = textsOf(edition);
  const images = new Map<string, string>();
  const imageHref = (src: string) => {
    if (!images.has(src)) images.set(src, `images/img-${images.size + 1}${src.toLowerCase().endsWith('.png') ? '.png' : '.jpg'}`);
    return images.get(src)!;
  };
  const fileOfText = new Map(texts.map((t) => [t.meta.id, textFile(t.meta.id)]));
  const anchors = placeAnchors(edition);
  const hasParts = edition.parts.some((p) => p.title);
  const titleLevel = hasParts ? 2 : 1;
  const docs: EpubDocument[] = [];
  const nav: NavItem[] = [];
  const landmarks: Landmark[] = [{ type: 'titlepage', href: 'titlepage.xhtml', label: labels.titlePage }, { type: 'toc', href: 'toc.xhtml#toc', label: labels.contents }];

  docs.push({ id: 'titlepage', filename: 'titlepage.xhtml', title: meta.title, lang: meta.lang, beforeToc: true, body: titlePage(edition, labels) });
  docs.push({ id: 'imprint', filename: 'imprint.xhtml', title: labels.imprint, lang: meta.lang, beforeToc: true, body: imprint(edition, labels) });
  nav.push({ label: labels.imprint, href: 'imprint.xhtml', children: [] });

  const ctxFor = (t: Text, currentFile: string): XhtmlContext => ({
    textId: t.meta.id,
    lang: t.meta.lang,
    notes: new Map(t.notes.map((n: Note) => [n.label, n])),
    currentFile,
    anchors,
    labels: labelsFor(t.meta.lang),
    imageHref,
  });

  edition.parts.forEach((part, pi) => {
    let partNav: NavItem[] = nav;
    if (part.title) {
      const filename = `part-${pi + 1}.xhtml`;
      docs.push({
        id: `part-${pi + 1}`, filename, title: part.title, lang: meta.lang, beforeToc: false,
        body: `<section class="part" epub:type="part" role="doc-part" aria-labelledby="part-${pi + 1}-h">\n<h1 id="part-${pi + 1}-h">${escapeXml(part.title)}</h1>\n</section>`,
      });
      const item: NavItem = { label: part.title, href: filename, children: [] };
      nav.push(item);
      partNav = item.children;
    }
    for (const t of part.texts) {
      const filename = fileOfText.get(t.meta.id)!;
      const ctx = ctxFor(t, filename);
      const parts = [
        `<section class="text" epub:type="chapter" role="doc-chapter" id="${textAnchor(t.meta.id)}" aria-labelledby="${textAnchor(t.meta.id)}-h">`,
        textHeader(t, titleLevel, labels).replace(`<h${titleLevel} class="text-title">`, `<h${titleLevel} class="text-title" id="${textAnchor(t.meta.id)}-h">`),
        blocksToXhtml(t.blocks, ctx, titleLevel),
        '</section>',
      ];
      if (meta.notes === 'text' && t.notes.length) parts.push(notesSection(t.notes, ctx, titleLevel + 1, ctx.labels.notes));
      docs.push({ id: `text-${t.meta.id}`, filename, title: t.meta.title, lang: t.meta.lang, beforeToc: false, body: parts.join('\n') });
      if (landmarks.length === 2) landmarks.push({ type: 'bodymatter', href: hasParts ? docs.find((d) => d.id.startsWith('part-'))!.filename : filename, label: labels.start });
      const headings: NavItem[] = [];
      const stack: { depth: number; items: NavItem[] }[] = [{ depth: 0, items: headings }];
      for (const b of t.blocks) {
        if (b.type !== 'heading') continue;
        while (stack.length > 1 && stack[stack.length - 1]!.depth >= b.depth) stack.pop();
        const item: NavItem = { label: plain(inlinesToXhtml(b.children, ctx)), href: anchors.headingHref(NAV_FILE, t.meta.id, b.id), children: [] };
        stack[stack.length - 1]!.items.push(item);
        stack.push({ depth: b.depth, items: item.children });
      }
      if (meta.notes === 'text' && t.notes.length) headings.push({ label: ctx.labels.notes, href: anchors.href(NAV_FILE, notesAnchor(t.meta.id)), children: [] });
      const label = t.meta.authors.length ? `${t.meta.title} (${authorsOf(t)})` : t.meta.title;
      partNav.push({ label, href: filename, children: headings });
    }
  });

  if (meta.notes === 'book' && texts.some((t) => t.notes.length)) {
    const sections = texts
      .filter((t) => t.notes.length)
      .map((t) => `<div xml:lang="${t.meta.lang}" lang="${t.meta.lang}">\n${notesSection(t.notes, ctxFor(t, NOTES_FILE), 2, t.meta.title)}\n</div>`);
    docs.push({ id: 'notes', filename: NOTES_FILE, title: labels.notes, lang: meta.lang, beforeToc: false, body: `<section class="book-notes" epub:type="backmatter">\n<h1>${escapeXml(labels.notes)}</h1>\n${sections.join('\n')}\n</section>` });
    nav.push({
      label: labels.notes, href: NOTES_FILE,
      children: texts.filter((t) => t.notes.length).map((t) => ({ label: t.meta.title, href: anchors.href(NAV_FILE, notesAnchor(t.meta.id)), children: [] })),
    });
  }
  return { documents: docs, nav, landmarks, images };
}

/** Text content of rendered inline XHTML (nav labels carry no markup). */
function plain(xhtml: string): string {
  return xhtml.replace(/<sup>.*?<\/sup>/g, '').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function titlePage(edition: Edition, labels: Labels): string {
  const m = edition.meta;
  // Only the book's own authors: an anthology's title page names its editors, not one of its authors.
  const authors = bookAuthors(creditsOf(edition));
  const lines = [`<section class="titlepage" epub:type="titlepage" aria-label="${escapeXml(labels.titlePage)}">`];
  if (authors.length) lines.push(`<p class="title-authors">${escapeXml(authors.join(', '))}</p>`);
  lines.push(`<h1 class="title">${escapeXml(m.title)}</h1>`);
  if (m.subtitle) lines.push(`<p class="title-subtitle">${escapeXml(m.subtitle)}</p>`);
  if (m.editors.length) lines.push(`<p class="title-editors">${escapeXml(`${labels.editedBy} ${m.editors.join(', ')}`)}</p>`);
  if (m.publisher) lines.push(`<p class="title-publisher">${escapeXml(m.publisher)}</p>`);
  lines.push('</section>');
  return lines.join('\n');
}

function imprint(edition: Edition, labels: Labels): string {
  const m = edition.meta;
  const facts = [m.title + (m.subtitle ? `. ${m.subtitle}` : ''), m.editors.length ? `${labels.editedBy} ${m.editors.join(', ')}` : '', [m.publisher, m.date ? formatIsoDate(m.date, m.lang) : undefined].filter(Boolean).join(', '), m.isbn ? `ISBN ${m.isbn}` : '', m.rights ?? '', m.description ?? '']
    .filter(Boolean)
    .map((s) => `<p>${escapeXml(s)}</p>`);
  const sources = textsOf(edition).map(
    (t) => `<li><span class="source-title">${escapeXml(t.meta.title)}</span>${t.meta.authors.length ? ` (${escapeXml(authorsOf(t))})` : ''}${t.meta.source ? `: ${escapeXml(t.meta.source)}` : ''}${t.meta.rights ? `. ${escapeXml(t.meta.rights)}` : ''}</li>`,
  );
  return [
    `<section class="imprint" epub:type="copyright-page" aria-labelledby="imprint-h">`,
    `<h1 id="imprint-h">${escapeXml(labels.imprint)}</h1>`,
    ...facts,
    `<h2>${escapeXml(labels.sources)}</h2>`,
    `<ul class="sources">${sources.join('\n')}</ul>`,
    '</section>',
  ].join('\n');
}
