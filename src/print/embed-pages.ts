/**
 * The pages of one PDF as form XObjects in another, cut to their TrimBox.
 * pdf-lib's own `embedPages` copies each page object whole (annotations and
 * all, written although nothing refers to them) and decompresses and
 * recompresses every content stream: on a 2,000-page book that made the
 * booklet 40 % larger than the interior and took half a minute. Here one
 * copier carries the shared resources (fonts, images) over once, and a page's
 * compressed content stream becomes the form's stream as it is.
 */
import { PDFArray, PDFName, PDFObjectCopier, PDFRawStream, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

export interface EmbeddedPage {
  /** The form XObject. */
  ref: PDFRef;
  /** Trim size in pt. */
  width: number;
  height: number;
}

/** Embeds every page of `source` into `out`, clipped to its TrimBox (the MediaBox when it has none). */
export async function embedTrimmedPages(source: PDFDocument, out: PDFDocument): Promise<EmbeddedPage[]> {
  const copier = PDFObjectCopier.for(source.context, out.context);
  const result: EmbeddedPage[] = [];
  for (const page of source.getPages()) {
    const trim = page.getTrimBox();
    const box = { left: trim.x, bottom: trim.y, right: trim.x + trim.width, top: trim.y + trim.height };
    const stream = singleStream(page);
    let ref: PDFRef;
    if (stream) {
      const form = copier.copy(stream);
      // Read without pdf-lib's normalize(): it would wrap the contents in q/Q streams and inline the resources.
      const resources = page.node.getInheritableAttribute(PDFName.of('Resources'));
      form.dict.set(PDFName.of('Type'), PDFName.of('XObject'));
      form.dict.set(PDFName.of('Subtype'), PDFName.of('Form'));
      form.dict.set(PDFName.of('BBox'), out.context.obj([box.left, box.bottom, box.right, box.top]));
      // The trim's lower-left corner becomes the form's origin.
      form.dict.set(PDFName.of('Matrix'), out.context.obj([1, 0, 0, 1, -box.left, -box.bottom]));
      if (resources) form.dict.set(PDFName.of('Resources'), copier.copy(resources));
      ref = out.context.register(form);
    } else {
      // Several content streams, or an unusual filter: pdf-lib joins and recompresses them.
      ref = (await out.embedPage(page, box)).ref;
    }
    result.push({ ref, width: trim.width, height: trim.height });
  }
  return result;
}

/** The page's one Flate-compressed content stream (how pdfkit writes pages), or undefined. */
function singleStream(page: PDFPage): PDFRawStream | undefined {
  let stream = page.node.lookup(PDFName.of('Contents'));
  if (stream instanceof PDFArray) stream = stream.size() === 1 ? stream.lookup(0) : undefined;
  if (!(stream instanceof PDFRawStream)) return undefined;
  const filter = stream.dict.get(PDFName.of('Filter'));
  return filter === undefined || filter === PDFName.of('FlateDecode') ? stream : undefined;
}
