/**
 * The one-page print cover, dist/<name>.cover.pdf: back + spine + front, with
 * bleed all round, sized by the print profile's arithmetic (profiles.ts
 * coverSize) for the interior's page count padded as the service asks.
 *
 * - Front: the template's cover design (the same cover.svg.ejs as the ebook
 *   cover) laid out on the trim size, its background running into the bleed,
 *   rasterised by resvg at 300 dpi of the panel (the dpi KDP, BoD and Lulu ask
 *   for images) — resvg draws the SVG exactly as the ebook cover; a vector
 *   route would need a second SVG interpreter that draws text differently.
 * - Spine: title and author, rotated, only from the profile's
 *   spineTextMinPages pages and only where the type fits the spine.
 * - Back: the manifest's description and, with an ISBN, its EAN-13 barcode
 *   (vector, barcode.ts); the publisher at the foot.
 *
 * Without a print profile the cover has no bleed (a home printer or a shop
 * that trims nothing) and the spine is the copy shop's 0.05 mm a page, or
 * `paper-thickness` when given. TrimBox and BleedBox are in the page
 * dictionary either way.
 */
import PDFDocument from 'pdfkit';
import type { Edition } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import type { Template } from '../templates/load.js';
import type { PrintSettings } from './settings.js';
import { COPYSHOP_PAGE_MM, PT_PER_MM, coverSize, paddedPageCount, printProfile } from './profiles.js';
import { coverKit, coverSvg, coverTexts, rasterize, type CoverKit } from '../cover/render.js';
import { infoOf } from '../render/pdf/metadata.js';
import { barcodeLayout, drawBarcode } from './barcode.js';
import { drawSpine } from './spine.js';

export interface PrintCoverInput {
  edition: Edition;
  template: Template;
  reporter: Reporter;
  print: PrintSettings;
  /** Page count of the interior as laid out (before any padding the profile asks for). */
  pages: number;
}

/** Resolution of the front panel's image. */
export const FRONT_DPI = 300;
/** Fewest pages for spine text without a profile (as the copy shop profile). */
const SPINE_TEXT_MIN_PAGES = 80;

export interface CoverGeometry {
  width: number;
  height: number;
  spine: number;
  bleed: number;
  trim: { width: number; height: number };
  /** Pages the spine is computed for (the interior's, padded). */
  pages: number;
  spineTextMinPages: number;
}

/** Size of the cover of `pages` interior pages on the template's trim (pdf.yaml `page`, mm). */
export function coverGeometry(template: Template, print: PrintSettings, pages: number): CoverGeometry {
  const page = (template.pdfConfig as { page?: { width?: number; height?: number } } | undefined)?.page;
  const trim = { width: (page?.width ?? 148) * PT_PER_MM, height: (page?.height ?? 210) * PT_PER_MM };
  if (print.profile) {
    const profile = printProfile(print.profile);
    const padded = paddedPageCount(profile, pages);
    const size = coverSize({ profile: print.profile, ...(print.paper ? { paper: print.paper } : {}), ...(print.paperThickness !== undefined ? { paperThickness: print.paperThickness } : {}) }, trim, padded);
    return { ...size, trim, pages: padded, spineTextMinPages: profile.spineTextMinPages };
  }
  const padded = pages + (pages % 2);
  const spine = padded * (print.paperThickness ?? COPYSHOP_PAGE_MM) * PT_PER_MM;
  return { width: 2 * trim.width + spine, height: trim.height, spine, bleed: 0, trim, pages: padded, spineTextMinPages: SPINE_TEXT_MIN_PAGES };
}

export async function renderPrintCover(input: PrintCoverInput): Promise<{ bytes: Buffer; pages: number }> {
  const { edition, template, reporter } = input;
  const g = coverGeometry(template, input.print, input.pages);
  const kit = coverKit(template);
  const info = infoOf(edition);
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { ...info, Title: `${info.Title} (Umschlag)` }, lang: edition.meta.lang });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, font] of kit.fonts) doc.registerFont(`cover-${name}`, font.bytes);
  doc.addPage({ size: [g.width, g.height], margin: 0 });
  // pdfkit has no page-box options; PDF boxes count from the bottom left, and the cover is symmetric in y.
  const page = doc.page as unknown as { dictionary: { data: Record<string, unknown> } };
  page.dictionary.data.TrimBox = [g.bleed, g.bleed, g.width - g.bleed, g.height - g.bleed].map(round);
  page.dictionary.data.BleedBox = [0, 0, g.width, g.height].map(round);
  doc.rect(0, 0, g.width, g.height).fill(kit.design.colors.background!);

  drawFront(doc, kit, edition, template, g, reporter);
  const spineX = g.bleed + g.trim.width;
  if (g.pages >= g.spineTextMinPages) drawSpine(doc, kit, coverTexts(edition, template), { x: spineX, width: g.spine, height: g.height }, reporter, edition.meta.origin);
  drawBack(doc, kit, edition, g, reporter);
  doc.end();
  return { bytes: await done, pages: 1 };
}

/** The front panel: the design on the trim, its canvas reaching into the bleed at top, bottom and outer edge. */
function drawFront(doc: PDFKit.PDFDocument, kit: CoverKit, edition: Edition, template: Template, g: CoverGeometry, reporter: Reporter): void {
  const canvas = { width: g.trim.width + g.bleed, height: g.height };
  const svg = coverSvg({ kit, texts: coverTexts(edition, template), lang: edition.meta.lang, canvas, trim: { x: 0, y: g.bleed, ...g.trim }, reporter, origin: edition.meta.origin });
  const png = rasterize(svg, kit, (canvas.width / 72) * FRONT_DPI);
  doc.image(png, g.width - canvas.width, 0, { width: canvas.width, height: canvas.height });
}

/** The back panel: description at the top, barcode and publisher at the foot, inside the design's margin. */
function drawBack(doc: PDFKit.PDFDocument, kit: CoverKit, edition: Edition, g: CoverGeometry, reporter: Reporter): void {
  const back = kit.design.print.back;
  const ink = kit.design.colors[back.color]!;
  const margin = back.margin * PT_PER_MM;
  const x = g.bleed + margin;
  const width = g.trim.width - 2 * margin;
  const top = g.bleed + margin;
  const foot = g.bleed + g.trim.height - margin;
  const { meta } = edition;
  const barcode = meta.isbn ? barcodeLayout() : undefined;
  const room = foot - top - (barcode ? barcode.height + back.leading : 0);
  if (meta.description) {
    doc.font(`cover-${back.font}`).fontSize(back.size).fillColor(ink);
    const options = { width, lineGap: back.leading - back.size, align: 'left' as const };
    if (doc.heightOfString(meta.description, options) > room) {
      reporter.warn('cover-description-cut', `the description is too long for the back cover (${Math.round(room / PT_PER_MM)} mm of height); it was cut with "…"`, { file: meta.origin });
    }
    doc.text(meta.description, x, top, { ...options, height: room, ellipsis: '…' });
  }
  if (meta.isbn && barcode) drawBarcode(doc as never, meta.isbn, x + width - barcode.width, foot - barcode.height, `cover-${back.font}`, '#000000');
  if (meta.publisher) {
    doc.font(`cover-${back.font}`).fontSize(back.size * 0.85).fillColor(ink);
    doc.text(meta.publisher, x, foot - back.size, { lineBreak: false });
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
