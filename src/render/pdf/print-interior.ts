/**
 * The interior PDF under a print profile (issue 10): page boxes and bleed on
 * every page, crop marks for a copy shop, blank pages up to the count the
 * service asks for, no bookmarks or link annotations where the service
 * forbids them, and a warning for each margin narrower than its minimum.
 * renderPdf calls `applyPrintProfile` once, between pagination and drawing.
 */
import type { Reporter } from '../../model/messages.js';
import { liveAreaViolation, marginViolations } from '../../print/margins.js';
import { paddedPageCount, printProfile, type PrintProfileName } from '../../print/profiles.js';
import type { OutlineRoot } from './outline.js';
import type { Pagination } from './paginate.js';
import { pageBoxes } from './print-boxes.js';
import { cropMarkOperators } from './print-marks.js';
import type { FontSet } from './fonts.js';
import { mm, type Style } from './style.js';

/** The pdfkit document as far as print production touches it. */
export interface PrintDoc {
  page: { dictionary: { data: Record<string, unknown> }; resources: { data: Record<string, unknown> } };
  on(event: 'pageAdded', listener: () => void): unknown;
  ref(data: object): { end(): void };
  addContent(operators: string): unknown;
  link: (...args: never[]) => unknown;
  goTo: (...args: never[]) => unknown;
  outline: OutlineRoot;
}

/** Name of the registration colour space in each page's resources. */
const REGISTRATION = 'CSRegistration';

export interface PrintInterior {
  doc: PrintDoc;
  style: Style;
  fonts: FontSet;
  pagination: Pagination;
  profile: PrintProfileName;
  reporter: Reporter;
}

/** Prepares `doc` and `pagination` (before drawing) for the print service `profile`. */
export function applyPrintProfile({ doc, style, fonts, pagination, profile: name, reporter }: PrintInterior): void {
  const profile = printProfile(name);
  const g = style.geometry;

  // Padding pages are blank and 'plain': no running head, no folio.
  const pages = pagination.pages;
  for (let n = pages.length + 1; n <= paddedPageCount(profile, pages.length); n++) pages.push({ number: n, style: 'plain', blank: true, items: [] });

  checkMargins(style, fonts, name, pages.length, reporter);

  // KDP (and others) reject print files with bookmarks or annotations. The text of a
  // link stays in its Link structure element; only the clickable annotation goes.
  if (!profile.annotations) {
    doc.link = () => doc;
    doc.goTo = () => doc;
  }
  if (!profile.bookmarks) {
    const sink: OutlineRoot = { addItem: () => sink };
    doc.outline.addItem = () => sink;
  }

  const boxes = pageBoxes(profile, g.width, g.height);
  // Registration colour for the marks: Separation /All, shown as black by DeviceGray (tint 1 → gray 0).
  const allSeparations = profile.cropMarks ? ['Separation', 'All', 'DeviceGray', doc.ref({ FunctionType: 2, Domain: [0, 1], C0: [1], C1: [0], N: 1 })] : undefined;
  if (allSeparations) (allSeparations[3] as { end(): void }).end();
  doc.on('pageAdded', () => {
    const page = doc.page.dictionary.data;
    page.MediaBox = boxes.media;
    page.BleedBox = boxes.bleed;
    page.TrimBox = boxes.trim;
    if (!allSeparations) return;
    const resources = doc.page.resources.data;
    resources.ColorSpace = { ...(resources.ColorSpace as object | undefined), [REGISTRATION]: allSeparations };
    // pdfkit has flipped the y axis already; the marks are drawn in PDF's own coordinates, as an artifact.
    doc.addContent(`/Artifact BMC\nq 1 0 0 -1 0 ${g.height} cm\n${cropMarkOperators(profile, g.width, g.height, REGISTRATION)}\nQ\nEMC`);
  });
}

/**
 * One `print-margin` warning per margin of pdf.yaml narrower than the
 * service's minimum; where the margin is wide enough, the running head and a
 * page number at the foot (which sit in the margin) are checked too.
 */
function checkMargins(style: Style, fonts: FontSet, name: PrintProfileName, pages: number, reporter: Reporter): void {
  const g = style.geometry;
  const narrow = marginViolations(name, pages, { top: g.top, bottom: g.bottom, inner: g.inner, outer: g.outer });
  for (const v of narrow) reporter.warn('print-margin', v.reason, style.at(['margins', v.side]));
  const { runningHead: rh, folio } = style.config;
  const checks: [side: 'top' | 'bottom', key: string, what: string, distance: number][] = [
    // Baseline `offset` above the text block; the tallest glyphs reach `ascent` above it.
    ['top', 'runningHead', 'the running head', g.top - mm(rh.offset) - fonts.face(rh.family, rh.style).ascent * rh.size],
  ];
  if (folio.position === 'foot') checks.push(['bottom', 'folio', 'the page number', g.bottom - mm(folio.offset) + fonts.face(folio.family, folio.style).descent * folio.size]);
  for (const [side, key, what, distance] of checks) {
    if (narrow.some((v) => v.side === side)) continue;
    const reason = liveAreaViolation(name, pages, side, what, distance);
    if (reason) reporter.warn('print-margin', `${key}.offset: ${reason}`, style.at([key, 'offset']));
  }
}
