/** EPUB 3 renderer: Edition → EPUB bytes, through the template's EPUB files. */
import type { Edition } from '../../model/types.js';
import { textsOf } from '../../model/types.js';
import type { Template } from '../../templates/load.js';
import { buildBook, type NavItem } from './documents.js';
import { packageEpub } from './package.js';
import { assertLinksResolve } from './check-links.js';
import { isoDate } from '../../util/dates.js';
import { creditsOf } from '../../model/credits.js';
import type { Reporter } from '../../model/messages.js';
import { canHyphenate, hyphenateEdition } from '../../transforms/hyphenate.js';
import { coverPage, ebookCover } from './cover.js';
import type { ContentCache } from '../../cache/types.js';

export interface EpubResult {
  bytes: Buffer;
  documents: number;
}

/** NCX needs a flat, sequential playOrder over the nav tree. */
function withPlayOrder(items: NavItem[], counter = { n: 0 }): (NavItem & { playOrder: number; id: string })[] {
  return items.map((item) => {
    const playOrder = ++counter.n;
    return { ...item, playOrder, id: `nav-${playOrder}`, children: withPlayOrder(item.children, counter) };
  });
}

function depth(items: NavItem[]): number {
  return items.length ? 1 + Math.max(...items.map((i) => depth(i.children))) : 0;
}

/**
 * The edition as the EPUB shows it: with soft hyphens from the PDF's patterns
 * when the template asks for them (for readers that do not hyphenate), else
 * as it is, leaving hyphenation to the reader's `hyphens: auto`.
 */
function withSoftHyphens(edition: Edition, template: Template, reporter?: Reporter): Edition {
  if (!template.epub.softHyphens) return edition;
  for (const t of textsOf(edition)) {
    if (!canHyphenate(t.meta.lang)) reporter?.warn('epub-hyphenation', `no hyphenation patterns for language "${t.meta.lang}"; text "${t.meta.id}" gets no soft hyphens`, { file: t.file });
  }
  return hyphenateEdition(edition);
}

/** `cache`: the content cache, for the drawn cover (undefined: draw it). */
export async function renderEpub(edition: Edition, template: Template, reporter?: Reporter, cache?: ContentCache): Promise<EpubResult> {
  const { meta } = edition;
  const labels = template.labelsFor(meta.lang);
  // The cover is drawn in the background while the texts are set; its page comes first in the spine and the landmarks, never in the contents.
  const cover = ebookCover(edition, template, reporter, cache);
  const book = buildBook(withSoftHyphens(edition, template, reporter), (lang) => template.labelsFor(lang));
  const page = coverPage(edition, cover, labels);
  book.documents.unshift(page.document);
  book.landmarks.unshift(page.landmark);
  const texts = textsOf(edition);
  const credits = creditsOf(edition);
  const hasImages = book.images.size > 0;
  const data = {
    identifier: meta.identifier,
    title: meta.title,
    subtitle: meta.subtitle ?? '',
    lang: meta.lang,
    description: meta.description ?? '',
    publisher: meta.publisher ?? '',
    series: meta.series ?? '',
    cover: { id: 'cover-image', href: cover.href, mediaType: cover.mediaType },
    rights: meta.rights ?? '',
    date: meta.date ?? (texts.map((t) => (t.meta.date ? isoDate(t.meta.date) : '')).filter(Boolean).sort().pop() ?? ''),
    modified: meta.modified.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    // Each with its MARC relator role: an anthology is by its editors (edt), not by one of its authors.
    creators: credits.creators,
    contributors: credits.contributors,
    // Kept for templates copied before creators carried roles.
    editors: meta.editors,
    sources: texts.flatMap((t) => (t.meta.source ? [t.meta.source] : [])),
    subjects: [...new Set(texts.flatMap((t) => t.meta.tags))],
    accessModes: hasImages ? ['textual', 'visual'] : ['textual'],
    accessFeatures: ['structuralNavigation', 'tableOfContents', 'readingOrder', ...(hasImages ? ['alternativeText'] : [])],
    accessibilitySummary: labels.accessibilitySummary,
    documents: book.documents,
    images: [...book.images.entries()].map(([src, href], i) => ({ id: `img-${i + 1}`, href, src, mediaType: href.endsWith('.png') ? 'image/png' : 'image/jpeg' })),
    nav: withPlayOrder(book.nav),
    navDepth: Math.max(1, depth(book.nav)),
    landmarks: book.landmarks,
    labels,
  };
  const bytes = await packageEpub({
    options: {
      title: meta.title,
      lang: meta.lang,
      // epub-gen-memory's own field; our content.opf.ejs writes the creators from `book`.
      author: credits.creators.length ? credits.creators.map((c) => c.name) : [meta.publisher ?? meta.title],
      publisher: meta.publisher ?? '',
      tocTitle: labels.contents,
      css: template.read('epub/style.css'),
      contentOPF: template.read('epub/content.opf.ejs'),
      chapterXHTML: template.read('epub/chapter.xhtml.ejs'),
      tocXHTML: template.read('epub/nav.xhtml.ejs'),
      tocNCX: template.read('epub/toc.ncx.ejs'),
      date: meta.modified.toISOString(),
      book: data,
    },
    chapters: book.documents.map((d) => ({ title: d.title, filename: d.filename, id: d.id, content: '', body: d.body, docLang: d.lang, beforeToc: d.beforeToc })),
    images: data.images.map((i) => ({ src: i.src, href: i.href })),
    files: [{ href: cover.href, bytes: await cover.bytes }],
    date: meta.modified,
    // Every internal link of the written documents (navigation included) must resolve.
    check: (documents, resources) => assertLinksResolve(documents, resources),
  });
  return { bytes, documents: book.documents.length };
}
