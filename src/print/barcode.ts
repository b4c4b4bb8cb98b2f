/**
 * The EAN-13 barcode of a book's ISBN, drawn as vector bars: bwip-js (the
 * port of BWIPP, the reference barcode writer) gives the bar pattern, we draw
 * the rectangles and the human-readable digits in the cover's font, so they
 * stay sharp at any resolution and remain text a reader (and pdftotext) finds.
 *
 * Dimensions: GS1 General Specifications §5.2.1.4: an EAN-13 at 100 % has
 * 0.33 mm modules and 22.85 mm bars; book covers commonly print it at 80–90 %
 * and shorter (Bookland practice). Quiet zones: 11 modules left, 7 right.
 */
import bwipjs from 'bwip-js';
import { normalizeIsbn } from '../manifest/isbn.js';
import { PT_PER_MM } from './profiles.js';

/** The 13 digits of an ISBN (an ISBN-10 becomes 978… with a new check digit). */
export function isbn13(isbn: string): string {
  const s = normalizeIsbn(isbn);
  if (s.length === 13) return s;
  const twelve = `978${s.slice(0, 9)}`;
  const sum = [...twelve].reduce((n, d, i) => n + Number(d) * (i % 2 ? 3 : 1), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

/** Widths in modules, bar first, alternating bar and space (95 modules in all). */
export function ean13Pattern(digits: string): number[] {
  const [symbol] = bwipjs.raw('ean13', digits, {}) as { sbs: number[] }[];
  return symbol!.sbs;
}

export interface BarcodeLayout {
  /** Module width and bar height in pt. */
  module: number;
  barHeight: number;
  /** Size of the white box that holds bars, digits and quiet zones. */
  width: number;
  height: number;
}

const MAGNIFICATION = 0.85;
const MODULE = 0.33 * MAGNIFICATION * PT_PER_MM;
const BAR_HEIGHT = 18 * PT_PER_MM;
const QUIET_LEFT = 11;
const QUIET_RIGHT = 7;
const GUARD_EXTRA = 5;
/** The label above the bars ("ISBN 978-…") and the digits below, in pt. */
const LABEL_SIZE = 8;
const DIGIT_SIZE = 8.5;

export function barcodeLayout(): BarcodeLayout {
  return { module: MODULE, barHeight: BAR_HEIGHT, width: (QUIET_LEFT + 95 + QUIET_RIGHT) * MODULE, height: LABEL_SIZE * 1.6 + BAR_HEIGHT + GUARD_EXTRA * MODULE + DIGIT_SIZE * 0.9 + 4 };
}

/** What drawing the barcode needs of a pdfkit document. */
interface Canvas {
  rect(x: number, y: number, w: number, h: number): Canvas;
  fill(color?: string): Canvas;
  font(name: string): Canvas;
  fontSize(size: number): Canvas;
  fillColor(color: string): Canvas;
  text(text: string, x: number, y: number, options?: object): Canvas;
  widthOfString(text: string): number;
}

/** Draws the barcode of `isbn` in a white box whose top left corner is (x, y); `font` is a registered font name. */
export function drawBarcode(doc: Canvas, isbn: string, x: number, y: number, font: string, ink: string): BarcodeLayout {
  const layout = barcodeLayout();
  const digits = isbn13(isbn);
  doc.rect(x, y, layout.width, layout.height).fill('#ffffff');
  doc.fillColor(ink).font(font).fontSize(LABEL_SIZE);
  const label = `ISBN ${isbn.trim()}`;
  doc.text(label, x + (layout.width - doc.widthOfString(label)) / 2, y + 2, { lineBreak: false });
  const top = y + LABEL_SIZE * 1.6;
  const left = x + QUIET_LEFT * MODULE;
  let module = 0;
  ean13Pattern(digits).forEach((width, i) => {
    if (i % 2 === 0) {
      // Start, centre and end guards reach below the digits' baseline.
      const guard = module < 3 || (module >= 45 && module < 50) || module >= 92;
      doc.rect(left + module * MODULE, top, width * MODULE, BAR_HEIGHT + (guard ? GUARD_EXTRA * MODULE : 0)).fill(ink);
    }
    module += width;
  });
  doc.fillColor(ink).fontSize(DIGIT_SIZE);
  const below = top + BAR_HEIGHT + 1;
  const centred = (s: string, from: number, to: number) => doc.text(s, left + ((from + to) / 2) * MODULE - doc.widthOfString(s) / 2, below, { lineBreak: false });
  doc.text(digits[0]!, left - 2 - doc.widthOfString(digits[0]!), below, { lineBreak: false });
  centred(digits.slice(1, 7), 3, 45);
  centred(digits.slice(7), 50, 92);
  return layout;
}
