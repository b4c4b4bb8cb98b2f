/**
 * The template's margins against the minimum a print service demands
 * (src/print/profiles.ts minMargins). A violation is a warning, not an
 * error: the file is still written, and the user decides whether to widen
 * the margins in pdf.yaml or to send it anyway.
 */
import { minMargins, printProfile, PT_PER_IN, PT_PER_MM, type PrintProfileName } from './profiles.js';

export type MarginSide = 'top' | 'bottom' | 'inner' | 'outer';

export interface MarginViolation {
  side: MarginSide;
  /** The template's margin, in pt. */
  actual: number;
  /** The service's minimum, in pt. */
  minimum: number;
  /** One line for the user: what is too small and what the service asks. */
  reason: string;
}

const SIDES: MarginSide[] = ['top', 'bottom', 'inner', 'outer'];
const mm = (pt: number): string => (pt / PT_PER_MM).toFixed(1).replace(/\.0$/, '');
const inch = (pt: number): string => String(Math.round((pt / PT_PER_IN) * 1000) / 1000);

/** The margins (pt) narrower than the profile allows for a book of `pages` pages. */
export function marginViolations(profileName: PrintProfileName, pages: number, margins: Record<MarginSide, number>): MarginViolation[] {
  const profile = printProfile(profileName);
  const min = minMargins(profileName, pages);
  // Compared in hundredths of a pt: a template in mm that matches the minimum exactly must pass.
  return SIDES.filter((side) => Math.round(margins[side] * 100) < Math.round(min[side] * 100)).map((side) => ({
    side,
    actual: margins[side],
    minimum: min[side],
    reason: `margins.${side} is ${mm(margins[side])} mm; ${profile.label} asks for at least ${mm(min[side])} mm (${inch(min[side])} in) for ${pages} pages`,
  }));
}

/**
 * A running head or page number drawn in the margin must also keep the
 * service's distance from the trim (the services measure the live area, not
 * the text block). `distance` is from the trim edge on `side` to the ink's
 * nearest edge, in pt; undefined when it is far enough.
 */
export function liveAreaViolation(profileName: PrintProfileName, pages: number, side: MarginSide, what: string, distance: number): string | undefined {
  const min = minMargins(profileName, pages)[side];
  if (Math.round(distance * 100) >= Math.round(min * 100)) return undefined;
  return `${what} is ${mm(distance)} mm from the ${side} edge; ${printProfile(profileName).label} asks for at least ${mm(min)} mm (${inch(min)} in)`;
}
