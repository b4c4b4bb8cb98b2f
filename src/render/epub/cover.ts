/**
 * The EPUB's cover: the manifest's own image, or one drawn from the
 * template's design; and the cover page that shows it.
 *
 * The cover page is the first item of the spine and stays linear (read in
 * order): Apple Books, Kobo and epub.js open a book at its first linear item,
 * and a book that opens on its cover is what readers expect from a printed one.
 * It is listed in the landmarks (epub:type="cover", which Kindle conversion
 * and Calibre read) but not in the table of contents: it is no chapter.
 */
import fs from 'node:fs';
import type { Edition } from '../../model/types.js';
import type { Reporter } from '../../model/messages.js';
import type { Template } from '../../templates/load.js';
import type { Labels } from '../../templates/labels.js';
import { cachedEbookCover, startEbookCover } from '../../cover/render.js';
import type { ContentCache } from '../../cache/types.js';
import { escapeXml } from '../xhtml/escape.js';
import type { EpubDocument, Landmark } from './documents.js';

export interface EbookCover {
  /** Drawn in the background while the rest of the book is set (see startEbookCover). */
  bytes: Promise<Buffer>;
  /** Name inside OEBPS. */
  href: string;
  mediaType: 'image/png' | 'image/jpeg';
}

/** The cover image of an edition (own file, checked at assembly, or drawn from the template). */
export function ebookCover(edition: Edition, template: Template, reporter?: Reporter, cache?: ContentCache): EbookCover {
  const own = edition.meta.cover;
  if (own) return { bytes: Promise.resolve(fs.readFileSync(own.file)), href: own.mediaType === 'image/png' ? 'images/cover.png' : 'images/cover.jpg', mediaType: own.mediaType };
  const bytes = cache ? cachedEbookCover(edition, template, reporter, cache) : startEbookCover(edition, template, reporter);
  // Awaited when the book is packed; if setting the texts fails first, the drawing's own failure must not surface as an unhandled rejection.
  bytes.catch(() => {});
  return { bytes, href: 'images/cover.png', mediaType: 'image/png' };
}

export const COVER_FILE = 'cover.xhtml';

/** The cover page (an image whose alt text is the title) and its landmark. */
export function coverPage(edition: Edition, cover: EbookCover, labels: Labels): { document: EpubDocument; landmark: Landmark } {
  const { meta } = edition;
  const label = labels.cover ?? meta.title;
  const body = `<section class="cover" epub:type="cover" aria-label="${escapeXml(label)}">\n<img src="${cover.href}" alt="${escapeXml(meta.title)}"/>\n</section>`;
  return {
    document: { id: 'cover', filename: COVER_FILE, title: meta.title, lang: meta.lang, beforeToc: true, body },
    landmark: { type: 'cover', href: COVER_FILE, label },
  };
}
