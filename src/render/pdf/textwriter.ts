/**
 * Writes positioned text straight into a page's content stream.
 *
 * pdfkit's `text()` wraps every call in save/transform/BT/ET/restore and
 * re-measures the string; for ~100 000 words that is most of the run time.
 * We already know where every word goes, so we emit one BT…ET block per page
 * with a `Tm` per word and pdfkit's own glyph encoding (same shaping, same
 * subset, same ToUnicode map, so copy and search keep working).
 */
import type { Face } from './fonts.js';

/**
 * Formats a number for the content stream: 3 decimals at most, no exponent (deterministic).
 * The same string as String(Math.round(v * 1000) / 1000), built from integers: a book has
 * millions of coordinates, and shortest-round-trip formatting of a double was a tenth of
 * drawing. (A decimal with 3 places is the shortest string that gives back its double for any
 * coordinate below 2^53 / 1000, so both ways agree; the test compares them.)
 */
export function num(v: number): string {
  const r = Math.round(v * 1000);
  if (r === 0) return '0';
  if (!Number.isSafeInteger(r)) return String(r / 1000);
  const a = r < 0 ? -r : r;
  const int = Math.floor(a / 1000);
  const frac = a - int * 1000;
  const sign = r < 0 ? '-' : '';
  if (frac === 0) return sign + int;
  // Three digits, trailing zeros dropped.
  const digits = frac % 100 === 0 ? String(frac / 100) : frac % 10 === 0 ? (frac < 100 ? '0' : '') + frac / 10 : (frac < 10 ? '00' : frac < 100 ? '0' : '') + frac;
  return `${sign}${int}.${digits}`;
}

/** The page-level API of pdfkit we need (private but stable across 0.1x). */
export interface ContentHost {
  /** A string gets a newline and is converted byte by byte in JavaScript; bytes are taken as they are. */
  addContent(data: string | Uint8Array): unknown;
  page: { height: number; fonts: Record<string, unknown> };
}

const tjCaches = new WeakMap<Face, Map<string, string>>();
function tjCache(face: Face): Map<string, string> {
  let m = tjCaches.get(face);
  if (!m) {
    m = new Map();
    tjCaches.set(face, m);
  }
  return m;
}

export class TextWriter {
  private ops: string[] = [];
  private face: Face | null = null;
  private size = 0;
  private hscale = 100;

  constructor(private readonly doc: ContentHost) {}

  /** Draws `text` with its baseline at (x, y), top-left page coordinates; `scale` widens glyphs (expansion). */
  text(face: Face, size: number, x: number, y: number, text: string, scale = 1): void {
    if (text === '') return;
    const pdf = face.pdf;
    const hscale = Math.round(scale * 10000) / 100;
    if (hscale !== this.hscale) {
      this.ops.push(`${num(hscale)} Tz`);
      this.hscale = hscale;
    }
    if (this.face !== face || this.size !== size) {
      const fonts = this.doc.page.fonts;
      if (fonts[pdf.id] == null) fonts[pdf.id] = pdf.ref();
      this.ops.push(`/${pdf.id} ${num(size)} Tf`);
      this.face = face;
      this.size = size;
    }
    const H = this.doc.page.height;
    this.ops.push(`1 0 0 1 ${num(x)} ${num(H - y)} Tm`);
    const cached = tjCache(face).get(text);
    if (cached !== undefined) {
      this.ops.push(cached);
      return;
    }
    const [hex, pos] = pdf.encode(text);
    const unit = (size / 1000) * (hscale / 100);
    const parts: string[] = [];
    let cur = '';
    let cx = x;
    let simple = true;
    const start = this.ops.length;
    const flush = (): void => {
      if (cur) parts.push(`<${cur}>`);
      cur = '';
      if (parts.length > 0) this.ops.push(`[${parts.join(' ')}] TJ`);
      parts.length = 0;
    };
    for (let i = 0; i < hex.length; i++) {
      const p = pos[i]!;
      if (p.xOffset || p.yOffset) {
        // Mark positioning (combining accents): place the glyph on its own.
        simple = false;
        flush();
        this.ops.push(`1 0 0 1 ${num(cx + p.xOffset * unit)} ${num(H - y + (p.yOffset * size) / 1000)} Tm`, `<${hex[i]}> Tj`);
        cx += p.xAdvance * unit;
        this.ops.push(`1 0 0 1 ${num(cx)} ${num(H - y)} Tm`);
        continue;
      }
      cur += hex[i];
      const adjust = p.xAdvance - p.advanceWidth;
      if (adjust !== 0) {
        parts.push(`<${cur}> ${num(-adjust)}`);
        cur = '';
      }
      cx += p.xAdvance * unit;
    }
    flush();
    // A TJ array is in font units, independent of size and position: reuse it for the same word.
    if (simple && this.ops.length === start + 1) tjCache(face).set(text, this.ops[start]!);
  }

  /**
   * A filled rule of `width` × `thickness` whose top edge is at y (top-left page
   * coordinates): underlines and strike-throughs. Paths are not allowed inside
   * a text object, so the text object is closed around it; the text state
   * (font, size, scaling) survives ET/BT.
   */
  rule(x: number, y: number, width: number, thickness: number): void {
    // Like Tm above, in unflipped PDF coordinates: a rectangle is given by its lower-left corner.
    this.ops.push('ET', `${num(x)} ${num(this.doc.page.height - y - thickness)} ${num(width)} ${num(thickness)} re f`, 'BT');
  }

  /**
   * Marks what `draw` writes as a pagination artifact (running heads, folios):
   * not part of the text, so tools that honour marked content (screen readers,
   * copy and paste in Acrobat) leave it out of sentences that cross a page.
   */
  artifact(draw: () => void): void {
    this.ops.push('/Artifact <</Type /Pagination>> BDC');
    draw();
    this.ops.push('EMC');
  }

  /** Writes the collected text of the page (in unflipped PDF coordinates). */
  finish(): void {
    if (this.ops.length === 0) return;
    // pdfkit flips the y axis on every new page; undo it for our absolute Tm values.
    // Given as bytes: pdfkit would append the newline and copy the string char by char (a
    // JavaScript loop over some 40 KB a page); the stream is ASCII, so latin1 gives the same bytes.
    this.doc.addContent(Buffer.from(`q\n1 0 0 -1 0 ${num(this.doc.page.height)} cm\nBT\n${this.ops.join('\n')}\nET\nQ\n`, 'latin1'));
    this.ops = [];
    this.face = null;
    this.size = 0;
    this.hscale = 100;
  }
}
