/**
 * The spine of the print cover: author and title in one line, rotated, centred
 * on the spine. Top-to-bottom is the reading direction ISO 6357 and the
 * English-speaking trade use (the title reads when the book lies face up);
 * bottom-to-top, the older German custom, is the template's choice
 * (cover.print.spine.direction).
 */
import type { Reporter } from '../model/messages.js';
import type { CoverKit } from '../cover/render.js';
import type { CoverTexts } from '../cover/layout.js';
import { measure } from '../cover/fit.js';
import { PT_PER_IN } from './profiles.js';

/** Space kept free at each long edge of the spine (KDP asks for 0.0625 in) and at its ends. */
const SIDE = 0.0625 * PT_PER_IN;
const END = 0.5 * PT_PER_IN;
const SEPARATOR = '  ·  ';

/** Draws the spine text, or nothing when the spine is too thin for the smallest size the design allows. Returns the size used. */
export function drawSpine(doc: PDFKit.PDFDocument, kit: CoverKit, texts: CoverTexts, spine: { x: number; width: number; height: number }, reporter: Reporter, origin: string): number | undefined {
  const s = kit.design.print.spine;
  const font = kit.fonts.get(s.font)!;
  const face = font.face;
  // The capitals must fit between the side margins (descenders may reach into them: KDP's margin is a safety zone, not a hard edge).
  const cap = (face.capHeight ?? 0.7 * face.unitsPerEm) / face.unitsPerEm;
  let size = Math.min(s.size, (spine.width - 2 * SIDE) / cap);
  if (size < s.minSize) return undefined;
  let text = [texts.authors, texts.title].filter(Boolean).join(SEPARATOR);
  const length = spine.height - 2 * END;
  while (measure(face, text, size) > length && size > s.minSize) size = Math.max(s.minSize, size - 0.25);
  if (measure(face, text, size) > length) {
    reporter.warn('cover-spine-cut', 'author and title are too long for the spine even at the smallest size; the spine shows them cut with "…"', { file: origin });
    while (text.length > 1 && measure(face, `${text}…`, size) > length) text = text.slice(0, -1);
    text = `${text.trimEnd()}…`;
  }
  const width = measure(face, text, size);
  doc.save();
  doc.translate(spine.x + spine.width / 2, spine.height / 2);
  // pdfkit's y axis points down, so a positive angle turns clockwise: the text then runs top to bottom.
  doc.rotate(s.direction === 'top-to-bottom' ? 90 : -90);
  doc.font(`cover-${s.font}`).fontSize(size).fillColor(kit.design.colors[s.color]!);
  // pdfkit places text by its top (the ascender line); the capitals are centred on the spine's axis.
  doc.text(text, -width / 2, ((cap / 2) * face.unitsPerEm - face.ascent) / face.unitsPerEm * size, { lineBreak: false });
  doc.restore();
  return size;
}
