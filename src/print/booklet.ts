/**
 * The interior imposed for saddle stitching, dist/<name>.booklet.pdf: the
 * finished interior's pages (embedded as form XObjects with pdf-lib, never
 * laid out again) two on a sheet twice as wide, in the order of
 * imposition.ts. Under a print profile each page is cut to its TrimBox: a
 * booklet is printed on a desktop or copy-shop printer and folded, not
 * trimmed by a service, so bleed and crop marks have no place on its sheets.
 */
import { concatTransformationMatrix, drawObject, Duplex, PDFDocument, PDFHexString, PDFName, PDFString, popGraphicsState, PrintScaling, pushGraphicsState, type PDFPage } from 'pdf-lib';
import { embedTrimmedPages, type EmbeddedPage } from './embed-pages.js';
import type { Reporter } from '../model/messages.js';
import type { Template } from '../templates/load.js';
import { impose } from './imposition.js';
import type { PrintSettings } from './settings.js';

export interface BookletInput {
  /** The finished interior PDF. */
  interior: Buffer;
  template: Template;
  reporter: Reporter;
  print: PrintSettings;
}

/** Imposes the interior; `pages` is the number of sheet sides (pages of the booklet file). */
export async function imposeBooklet(input: BookletInput): Promise<{ bytes: Buffer; pages: number }> {
  const source = await PDFDocument.load(input.interior, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const embedded = await embedTrimmedPages(source, out);
  const { width, height } = embedded[0]!;
  const signatures = impose(embedded.length, input.print.signature);
  for (const signature of signatures) {
    for (const side of signature.sides) {
      const sheet = out.addPage([2 * width, height]);
      if (side.left !== null) place(sheet, embedded[side.left]!, 0);
      if (side.right !== null) place(sheet, embedded[side.right]!, width);
    }
  }
  copyInfo(source, out, signatures.length);
  // The print dialog's defaults: both sides flipped on the short edge, and no "fit to page"
  // (scaling would shift the fold away from the middle of the sheet).
  const prefs = out.catalog.getOrCreateViewerPreferences();
  prefs.setDuplex(Duplex.DuplexFlipShortEdge);
  prefs.setPrintScaling(PrintScaling.None);
  // Object streams and no /ID: pdf-lib's output then depends on the input alone.
  const bytes = Buffer.from(await out.save({ useObjectStreams: true }));
  return { bytes, pages: out.getPageCount() };
}

/** Draws an embedded page on a sheet with its trim's lower-left corner at (x, 0). */
function place(sheet: PDFPage, page: EmbeddedPage, x: number): void {
  const name = sheet.node.newXObject('Page', page.ref);
  sheet.pushOperators(pushGraphicsState(), concatTransformationMatrix(1, 0, 0, 1, x, 0), drawObject(name), popGraphicsState());
}

/**
 * Title, author, language and dates of the interior (which holds the
 * edition's fixed dates, never "now"), so the booklet is reproducible too.
 */
function copyInfo(source: PDFDocument, out: PDFDocument, signatures: number): void {
  const title = source.getTitle();
  if (title) out.setTitle(title);
  const author = source.getAuthor();
  if (author) out.setAuthor(author);
  out.setSubject(`Saddle-stitch booklet${signatures > 1 ? ` in ${signatures} signatures` : ''}: print duplex, flip on the short edge`);
  const keywords = source.getKeywords();
  if (keywords) out.setKeywords([keywords]);
  out.setCreator('edition (pdf-lib)');
  out.setProducer('edition (pdf-lib)');
  const created = source.getCreationDate();
  if (created) out.setCreationDate(created);
  const modified = source.getModificationDate() ?? created;
  if (modified) out.setModificationDate(modified);
  const lang = source.catalog.lookup(PDFName.of('Lang'));
  if (lang instanceof PDFString || lang instanceof PDFHexString) out.setLanguage(lang.decodeText());
}
