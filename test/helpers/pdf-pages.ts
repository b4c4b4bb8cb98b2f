/**
 * Reading a PDF page by page with poppler, for print-production tests: page
 * boxes (pdfinfo -box), the text of a page or of a rectangle on it
 * (pdftotext -x/-y/-W/-H at 72 dpi, so pixels are points), and a page
 * rendered to gray pixels (pdftoppm -gray, a PGM read here).
 */
import { spawnSync } from 'node:child_process';

function run(cmd: string, args: string[]): Buffer {
  const r = spawnSync(cmd, args, { maxBuffer: 256 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.error?.message ?? r.stderr.toString()}`);
  return r.stdout;
}

export type Box = [number, number, number, number];
export interface PageBoxes {
  MediaBox: Box;
  CropBox: Box;
  BleedBox: Box;
  TrimBox: Box;
}

/** Every page's boxes as pdfinfo reports them (a missing box is reported as its default by pdfinfo). */
export function pageBoxes(file: string): PageBoxes[] {
  const out = run('pdfinfo', ['-box', '-f', '1', '-l', '100000', file]).toString('utf8');
  const pages: PageBoxes[] = [];
  for (const m of out.matchAll(/^Page\s+(\d+) (MediaBox|CropBox|BleedBox|TrimBox):\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/gm)) {
    const i = Number(m[1]) - 1;
    pages[i] ??= {} as PageBoxes;
    pages[i]![m[2] as keyof PageBoxes] = [Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
  }
  return pages;
}

/** Number of pages (pdfinfo). */
export function pageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]).toString('utf8'))?.[1]);
}

/** Words of a page (1-based), or of the rectangle `crop` (pt from the top-left corner of the MediaBox), joined by single spaces. */
export function pageWords(file: string, page: number, crop?: { x: number; y: number; w: number; h: number }): string {
  const area = crop ? ['-r', '72', '-x', String(Math.floor(crop.x)), '-y', String(Math.floor(crop.y)), '-W', String(Math.ceil(crop.w)), '-H', String(Math.ceil(crop.h))] : [];
  return run('pdftotext', ['-f', String(page), '-l', String(page), ...area, file, '-']).toString('utf8').replace(/\s+/g, ' ').trim();
}

export interface GrayImage {
  width: number;
  height: number;
  /** 0 black … 255 white, row by row. */
  at(x: number, y: number): number;
}

/** A page rendered in gray at `dpi` (pdftoppm -gray writes a binary PGM). */
export function renderGray(file: string, page: number, dpi: number): GrayImage {
  const pgm = run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, at: (x, y) => pgm[offset + Math.round(y) * width + Math.round(x)]! };
}
