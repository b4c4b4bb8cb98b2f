/**
 * PDF/A (archival PDF) on top of pdfkit's own `subset` option.
 *
 * pdfkit writes the output intent (sRGB ICC profile), the pdfaid XMP entry
 * and, for PDF/A-1, the CIDSet of subset fonts. Two of its defects are
 * repaired here, without changing what the user wrote:
 *  - its XMP packet interpolates Title, Author, Subject, Keywords, Creator and
 *    Producer into XML unescaped ("Krieg & Frieden" is not well-formed XML);
 *    `escapeXmpInfo` replaces the method that writes that part;
 *  - its XMP has no xmp:ModifyDate although the info dictionary has a ModDate,
 *    which PDF/A requires to agree (ISO 19005-1, 6.7.3).
 * pdfkit's `subset` takes one value, so a PDF/A file cannot also declare
 * PDF/UA (see README).
 */
import type { PdfStandard } from '../../model/pdf-standard.js';

export type { PdfStandard };

/** pdfkit constructor options for a standard. PDF/A-1 is defined on PDF 1.4, PDF/A-2 on PDF 1.7. */
export function standardOptions(standard: PdfStandard): { pdfVersion: '1.4' | '1.7'; subset?: 'PDF/A-1b' | 'PDF/A-2b' } {
  if (standard === 'PDF/A-1b') return { pdfVersion: '1.4', subset: 'PDF/A-1b' };
  if (standard === 'PDF/A-2b') return { pdfVersion: '1.7', subset: 'PDF/A-2b' };
  return { pdfVersion: '1.7' };
}

/** Escapes text for XML character data (the XMP packet). */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** XMP dates: ISO 8601 in UTC without milliseconds, as pdfkit writes CreateDate. */
const xmpDate = (d: Date): string => d.toISOString().split('.')[0] + 'Z';

interface InfoFields {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate: Date;
  ModDate?: Date;
}

/** The info part of the XMP packet: the info dictionary's values, escaped, with the same dates. */
export function infoXmp(info: InfoFields): string {
  const e = (s: string | undefined): string => escapeXml(s ?? '');
  const xmp = [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`,
    ...(info.ModDate ? [`<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>`, `<xmp:MetadataDate>${xmpDate(info.ModDate)}</xmp:MetadataDate>`] : []),
    ...(info.Creator !== undefined ? [`<xmp:CreatorTool>${e(info.Creator)}</xmp:CreatorTool>`] : []),
    '</rdf:Description>',
  ];
  const dc: string[] = [];
  if (info.Title) dc.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.Title)}</rdf:li></rdf:Alt></dc:title>`);
  // The info dictionary has one Author string; PDF/A wants dc:creator to hold exactly that string.
  if (info.Author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${e(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject) dc.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.Subject)}</rdf:li></rdf:Alt></dc:description>`);
  if (dc.length) xmp.push('<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">', ...dc, '</rdf:Description>');
  xmp.push('<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">');
  if (info.Producer !== undefined) xmp.push(`<pdf:Producer>${e(info.Producer)}</pdf:Producer>`);
  // Written even when empty: the info dictionary carries the (empty) Keywords too, and both must agree.
  if (info.Keywords !== undefined) xmp.push(`<pdf:Keywords>${e(info.Keywords)}</pdf:Keywords>`);
  xmp.push('</rdf:Description>');
  return xmp.join('\n');
}

/** The part of a pdfkit document this module touches. */
export interface XmpDoc {
  info: InfoFields;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

/**
 * Replaces pdfkit's `_addInfo` (called from `endMetadata` while the document
 * ends) on this one document with one that escapes every value. pdfkit adds
 * the pdfaid entry through the same `appendXML`, so it stays in the packet.
 */
export function escapeXmpInfo(doc: XmpDoc): void {
  doc._addInfo = function addEscapedInfo(this: XmpDoc) {
    this.appendXML(infoXmp(this.info));
  };
}

/** What pdfkit's openImage returns, as far as PDF/A cares. */
export interface OpenedImage {
  /** PNG: pdfkit's decoded PNG; absent for JPEG. */
  image?: { hasAlphaChannel?: boolean; transparency?: { indexed?: unknown } };
  /** JPEG: DeviceGray, DeviceRGB or DeviceCMYK. */
  colorSpace?: string;
}

/**
 * Why an image cannot go into a file of this standard, or undefined. PDF/A-1
 * forbids soft masks, which pdfkit writes for PNG alpha channels (ISO 19005-1,
 * 6.4); a CMYK JPEG has no output intent to match in either standard (pdfkit's
 * is sRGB). Better a clear error than a file that claims a conformance it lacks.
 */
export function imageProblem(img: OpenedImage, standard: PdfStandard): string | undefined {
  if (standard === 'none') return undefined;
  if (img.colorSpace === 'DeviceCMYK') return `is CMYK, which ${standard} allows only with a CMYK output intent (this PDF has sRGB): convert it to RGB`;
  const png = img.image;
  if (standard === 'PDF/A-1b' && png && (png.hasAlphaChannel || png.transparency?.indexed)) {
    return 'has an alpha channel (transparency), which PDF/A-1b forbids: flatten it or use PDF/A-2b';
  }
  return undefined;
}
