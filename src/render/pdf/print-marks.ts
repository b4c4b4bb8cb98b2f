/**
 * Crop (trim) marks for a copy shop: at each corner of the trim, two short
 * lines that continue the trim edges outside the bleed, so the guillotine
 * operator can cut the stack at the trim. They stay out of the bleed: a mark
 * inside it would show on the cut edge.
 */
import type { PrintProfile } from '../../print/profiles.js';
import { PT_PER_MM } from '../../print/profiles.js';

/** Mark weight in pt: the hairline that the print trade uses for marks. */
const MARK_WEIGHT = 0.25;
/** White gap between a mark's outer end and the sheet edge, in pt: copiers do not print to the very edge. */
const EDGE_GAP = 2 * PT_PER_MM;

/**
 * The content-stream operators (PDF default coordinates, origin at the
 * trim's lower-left corner) that stroke the eight marks of a page.
 * `colorSpace` names a resource of the page that paints all separations.
 */
export function cropMarkOperators(profile: PrintProfile, width: number, height: number, colorSpace: string): string {
  const from = profile.bleed;
  const to = profile.bleed + profile.markArea - EDGE_GAP;
  const f = (n: number): string => String(Math.round(n * 1000) / 1000);
  const line = (x1: number, y1: number, x2: number, y2: number): string => `${f(x1)} ${f(y1)} m ${f(x2)} ${f(y2)} l`;
  const ops: string[] = [];
  for (const [x, sx] of [[0, -1], [width, 1]] as const) {
    for (const [y, sy] of [[0, -1], [height, 1]] as const) {
      ops.push(line(x + sx * from, y, x + sx * to, y)); // along the horizontal trim edge
      ops.push(line(x, y + sy * from, x, y + sy * to)); // along the vertical trim edge
    }
  }
  // Registration colour (Separation /All, tint 1): the marks print on every plate.
  return [`/${colorSpace} CS 1 SCN ${MARK_WEIGHT} w 0 J`, ...ops, 'S'].join('\n');
}
