/**
 * The interior PDF under a print profile (issue 10): page boxes and bleed on
 * every page, crop marks for a copy shop, blank pages up to the count the
 * service asks for, no bookmarks or link annotations where the service
 * forbids them, and a warning for each margin narrower than its minimum.
 * renderPdf calls `applyPrintProfile` once, between pagination and drawing.
 */
import type { Reporter } from '../../model/messages.js';
import { marginViolations } from '../../print/margins.js';
import { paddedPageCount, printProfile, type PrintProfileName } from '../../print/profiles.js';
import type { OutlineRoot } from './outline.js';
import type { Pagination } from './paginate.js';
import { pageBoxes } from './print-boxes.js';
import { cropMarkOperators } from './print-marks.js';
import type { Style } from './style.js';

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

/** Prepares `doc` and `pagination` (before drawing) for the print service `name`. */
export function applyPrintProfile(doc: PrintDoc, style: Style, pagination: Pagination, name: PrintProfileName, reporter: Reporter): void {
  const profile = printProfile(name);
  const g = style.geometry;

  // Padding pages are blank and 'plain': no running head, no folio.
  const pages = pagination.pages;
  for (let n = pages.length + 1; n <= paddedPageCount(profile, pages.length); n++) pages.push({ number: n, style: 'plain', blank: true, items: [] });

  for (const v of marginViolations(name, pages.length, { top: g.top, bottom: g.bottom, inner: g.inner, outer: g.outer })) {
    reporter.warn('print-margin', v.reason, style.at(['margins', v.side]));
  }

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
