/**
 * Page boxes of a print file (PDF 32000 14.11.2): TrimBox is the finished
 * page, BleedBox the trim plus the bleed a service cuts away, MediaBox the
 * sheet the page is set on (the bleed, and for crop marks the room for them).
 * The boxes grow outwards around the trim: the layout's coordinates (origin at
 * the trim's corner) stay as they are, so nothing moves relative to the trim.
 */
import type { PrintProfile } from '../../print/profiles.js';

/** A PDF rectangle [llx lly urx ury] in pt. */
export type Box = [number, number, number, number];

export interface PageBoxes {
  media: Box;
  bleed: Box;
  trim: Box;
}

/** The boxes of a trim-size page of `width` × `height` pt under a profile. */
export function pageBoxes(profile: PrintProfile, width: number, height: number): PageBoxes {
  // 0 - d, not -d: a trim box of [-0 -0 …] would print as such.
  const grow = (d: number): Box => [0 - d, 0 - d, width + d, height + d];
  return { trim: grow(0), bleed: grow(profile.bleed), media: grow(profile.bleed + (profile.cropMarks ? profile.markArea : 0)) };
}
