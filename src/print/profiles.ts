/**
 * Print profiles: what a print-on-demand service or a copy shop asks of a
 * print file. Pure data and arithmetic, no rendering — the interior PDF (page
 * boxes, bleed, bookmarks), the print cover (spine width) and the checks of a
 * template's margins all read it from here.
 *
 * Lengths are PDF points (1 in = 72 pt, 1 mm = 72 / 25.4 pt).
 *
 * Sources. The figures are the ones the services publish in their file guides;
 * this machine has no internet access, so they were written from those guides
 * as they stood in 2026 (check the service's current guide before a large run):
 *  - KDP: "Paperback Submission Guidelines" and "Set trim size, bleed, and
 *    margins" (kdp.amazon.com/help/topic/G201834180, G201857950): bleed
 *    0.125 in; spine = pages × 0.002252 in (white), × 0.0025 in (cream); spine
 *    text only from 79 pages; inside margin by page count (24–150 pages
 *    0.375 in … 701–828 pages 0.875 in), outside margins ≥ 0.25 in (no bleed)
 *    or ≥ 0.375 in (bleed); print files without bookmarks or annotations.
 *  - Lulu: "Book Creation Guide": bleed 0.125 in (3.175 mm); spine
 *    = pages / 17.48 mm + 1.524 mm (0.06 in), safety margin 0.5 in.
 *  - IngramSpark: "File Creation Guide": bleed 0.125 in; spine = pages / 444 in
 *    (white, 50 lb) or pages / 400 in (cream / groundwood) + 0.025 in for the
 *    cover; text ≥ 0.5 in from the trim.
 *  - BoD (Books on Demand): "Datenanforderungen Buchblock / Umschlag": 5 mm
 *    bleed where anything runs to the edge; the spine width depends on the
 *    paper chosen and BoD's cover calculator gives it, so BoD takes the paper's
 *    thickness per page as `paper-thickness` (mm) instead of a formula; text
 *    ≥ 10 mm from the trim.
 *  - Copy shop: the German print-shop convention of 3 mm bleed and crop marks
 *    outside the bleed on a larger sheet; spine from `paper-thickness`, by
 *    default 0.05 mm a page (80 g/m² office paper, about 0.1 mm a leaf).
 */

export const PT_PER_IN = 72;
export const PT_PER_MM = 72 / 25.4;

export const PRINT_PROFILES = ['kdp', 'bod', 'lulu', 'ingram', 'copyshop'] as const;
export type PrintProfileName = (typeof PRINT_PROFILES)[number];
export const PAPERS = ['white', 'cream'] as const;
export type Paper = (typeof PAPERS)[number];

/** What a manifest (`print:`) or the command line (`--print-profile`, `--paper`) asks for. */
export interface PrintRequest {
  profile: PrintProfileName;
  /** Default white. */
  paper?: Paper;
  /** Thickness of one page in mm (a leaf is two pages); required by BoD, optional elsewhere (then it wins over the formula). */
  paperThickness?: number;
}

export interface PrintProfile {
  name: PrintProfileName;
  /** Human name for messages. */
  label: string;
  /** Bleed on each outer edge, in pt (0: the service takes trim-size pages). */
  bleed: number;
  /** Whether the interior PDF may keep bookmarks (the outline). */
  bookmarks: boolean;
  /** Whether the interior PDF may keep link annotations. */
  annotations: boolean;
  /** Crop (trim) marks outside the bleed, on a sheet larger by `markArea` on each side. */
  cropMarks: boolean;
  /** Room for the crop marks on each side beyond the bleed, in pt (0 without marks). */
  markArea: number;
  /** The page count is padded to an even number. */
  evenPages: boolean;
  /** Fewest pages the service prints (0: no limit). */
  minPages: number;
  /** Fewest pages for text on the spine. */
  spineTextMinPages: number;
}

const IN = PT_PER_IN;
const MM = PT_PER_MM;

const PROFILES: Record<PrintProfileName, PrintProfile> = {
  kdp: { name: 'kdp', label: 'Amazon KDP', bleed: 0.125 * IN, bookmarks: false, annotations: false, cropMarks: false, markArea: 0, evenPages: true, minPages: 24, spineTextMinPages: 79 },
  lulu: { name: 'lulu', label: 'Lulu', bleed: 0.125 * IN, bookmarks: true, annotations: true, cropMarks: false, markArea: 0, evenPages: true, minPages: 32, spineTextMinPages: 80 },
  ingram: { name: 'ingram', label: 'IngramSpark', bleed: 0.125 * IN, bookmarks: true, annotations: false, cropMarks: false, markArea: 0, evenPages: true, minPages: 18, spineTextMinPages: 48 },
  bod: { name: 'bod', label: 'BoD', bleed: 5 * MM, bookmarks: true, annotations: false, cropMarks: false, markArea: 0, evenPages: true, minPages: 24, spineTextMinPages: 80 },
  copyshop: { name: 'copyshop', label: 'copy shop', bleed: 3 * MM, bookmarks: true, annotations: true, cropMarks: true, markArea: 10 * MM, evenPages: true, minPages: 0, spineTextMinPages: 80 },
};

export function printProfile(name: PrintProfileName): PrintProfile {
  return PROFILES[name];
}

/** Thrown for a request that cannot give a spine width (BoD without paper-thickness); the caller names the manifest line. */
export class PrintProfileError extends Error {}

/** Default thickness of one page for a copy shop, in mm (80 g/m² paper). */
export const COPYSHOP_PAGE_MM = 0.05;

/**
 * Spine width in pt for `pages` interior pages (the padded, even count).
 * A `paperThickness` given by the user wins over a service's formula.
 */
export function spineWidth(request: PrintRequest, pages: number): number {
  const paper = request.paper ?? 'white';
  if (request.paperThickness !== undefined) return pages * request.paperThickness * MM;
  switch (request.profile) {
    case 'kdp':
      return pages * (paper === 'cream' ? 0.0025 : 0.002252) * IN;
    case 'lulu':
      return (pages / 17.48 + 1.524) * MM;
    case 'ingram':
      return (pages / (paper === 'cream' ? 400 : 444) + 0.025) * IN;
    case 'bod':
      throw new PrintProfileError("BoD's spine width depends on the paper: give print: { paper-thickness: <mm per page> } from BoD's cover calculator");
    case 'copyshop':
      return pages * COPYSHOP_PAGE_MM * MM;
  }
}

/** Minimum margins a service asks for, in pt, for a book of `pages` pages (with or without bleed). */
export interface MinMargins {
  inner: number;
  outer: number;
  top: number;
  bottom: number;
}

export function minMargins(name: PrintProfileName, pages: number): MinMargins {
  switch (name) {
    case 'kdp': {
      // Inside (gutter) margin grows with the page count; outside margins are 0.375 in with bleed.
      const inner = pages <= 150 ? 0.375 : pages <= 300 ? 0.5 : pages <= 500 ? 0.625 : pages <= 700 ? 0.75 : 0.875;
      const outer = 0.375;
      return { inner: inner * IN, outer: outer * IN, top: outer * IN, bottom: outer * IN };
    }
    case 'lulu':
    case 'ingram': {
      const m = 0.5 * IN;
      return { inner: m, outer: m, top: m, bottom: m };
    }
    case 'bod': {
      const m = 10 * MM;
      return { inner: m, outer: m, top: m, bottom: m };
    }
    case 'copyshop': {
      // Copiers do not print to the edge: about 5 mm stay white anyway.
      const m = 5 * MM;
      return { inner: m, outer: m, top: m, bottom: m };
    }
  }
}

/** Pages after padding to what the profile asks (even, at least minPages). */
export function paddedPageCount(profile: PrintProfile, pages: number): number {
  let n = Math.max(pages, profile.minPages);
  if (profile.evenPages && n % 2) n++;
  return n;
}

/** Size of the one-page print cover: back + spine + front, bleed all round. */
export function coverSize(request: PrintRequest, trim: { width: number; height: number }, pages: number): { width: number; height: number; spine: number; bleed: number } {
  const profile = printProfile(request.profile);
  const spine = spineWidth(request, pages);
  return { width: 2 * trim.width + spine + 2 * profile.bleed, height: trim.height + 2 * profile.bleed, spine, bleed: profile.bleed };
}
