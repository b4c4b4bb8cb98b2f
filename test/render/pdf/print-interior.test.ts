/**
 * The interior PDF under a print profile, through the real CLI: page boxes on
 * every page (pdfinfo -box), MediaBox = trim + bleed with the text where it
 * was relative to the trim, KDP's print file without bookmarks and link
 * annotations but still tagged, blank padding pages, crop marks for a copy
 * shop (rendered and sampled), and the margin warning.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { germanProse, manifest, source, TempProject } from '../../helpers/project.js';
import { formatFinding, preflightA1b, PREFLIGHT_INSTALL, qpdfCheck, skipUnlessTool } from '../../helpers/validators.js';
import { pageBoxes, pageCount, pageWords, renderGray } from '../../helpers/pdf-pages.js';
import { PT_PER_IN, PT_PER_MM } from '../../../src/print/profiles.js';

const ENV = { SOURCE_DATE_EPOCH: '1700000000' };
const A5 = { w: (148 * 72) / 25.4, h: (210 * 72) / 25.4 };
const grown = (d: number) => [-d, -d, A5.w + d, A5.h + d];
/** pdfinfo prints boxes to 0.01 pt. */
function expectBox(got: number[], want: number[], what: string): void {
  got.forEach((v, i) => expect(Math.abs(v - want[i]!), `${what}: ${got.join(' ')} ≠ ${want.map((w) => w.toFixed(2)).join(' ')}`).toBeLessThan(0.011));
}
let p: TempProject;

beforeAll(() => {
  const { body } = germanProse({ bytes: 9000, notesEvery: 6 });
  p = new TempProject({
    'sources/heft.md': source({ title: 'Ein Heft', author: 'A. Autor', date: '1917', lang: 'de' }, `Siehe [die Quelle](https://example.org/quelle).\n\n${body}`),
    'editions/heft.yaml': manifest({ title: 'Heft', texts: ['heft'], formats: ['pdf'] }),
    'editions/eng.yaml': manifest({ title: 'Eng', texts: ['heft'], formats: ['pdf'], template: 'eng' }),
    'templates/eng/template.yaml': 'description: Schmaler Bundsteg\nextends: buch\n',
    'templates/eng/pdf.yaml': '# too narrow for KDP\nmargins: { top: 20, bottom: 22, inner: 8, outer: 15 }\n',
    'editions/hoch.yaml': manifest({ title: 'Hoch', texts: ['heft'], formats: ['pdf'], template: 'hoch' }),
    'templates/hoch/template.yaml': 'description: Kopfzeile nah am Rand\nextends: buch\n',
    'templates/hoch/pdf.yaml': 'margins: { top: 14, bottom: 22, inner: 20, outer: 15 }\nrunningHead: { family: serif, style: italic, size: 8.75, leading: 11, offset: 7 }\n',
  }, 'edition-print-');
});
afterAll(() => p.remove());

async function build(out: string, args: string[], manifestFile = 'editions/heft.yaml'): Promise<{ file: string; stderr: string }> {
  const r = await p.run(['build', manifestFile, '--format', 'pdf', '--out', out, ...args], { env: ENV });
  expect(r.code, r.stderr).toBe(0);
  return { file: p.path(out, manifestFile.replace(/^editions\/(.*)\.yaml$/, '$1.pdf')), stderr: r.stderr };
}

/** The file with object streams unpacked, to look at dictionaries. */
const unpacked = (file: string) => spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 1 << 28 }).stdout;

/** Top-left corner of the first word on a page (pdftotext -bbox, pt from the MediaBox's top-left). */
function firstWord(file: string, page: number): [number, number] {
  const out = spawnSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).stdout;
  const m = /<word xMin="([\d.]+)" yMin="([\d.]+)"/.exec(out)!;
  return [Number(m[1]), Number(m[2])];
}

describe('no profile', () => {
  it('writes no print boxes', async () => {
    const { file } = await build('plain', []);
    expect(p.read('plain/heft.pdf').toString('latin1')).not.toMatch(/\/TrimBox|\/BleedBox/);
    expect(unpacked(file)).toMatch(/\/Annots/);
    expect(unpacked(file)).toMatch(/\/Outlines/);
  }, 120_000);
});

describe('--print-profile kdp', () => {
  let file: string;
  let plain: string;
  beforeAll(async () => {
    plain = (await build('plain', [])).file;
    file = (await build('kdp', ['--print-profile', 'kdp'])).file;
  }, 240_000);

  it('sets TrimBox = A5 and BleedBox = MediaBox = trim + 0.125 in on every page', () => {
    const bleed = 0.125 * PT_PER_IN;
    const boxes = pageBoxes(file);
    expect(boxes.length).toBe(pageCount(file));
    for (const [i, b] of boxes.entries()) {
      expectBox(b.TrimBox, grown(0), `page ${i + 1} TrimBox`);
      expectBox(b.BleedBox, grown(bleed), `page ${i + 1} BleedBox`);
      expectBox(b.MediaBox, grown(bleed), `page ${i + 1} MediaBox`);
    }
  });

  it('keeps the text where it was relative to the trim', () => {
    const [x0, y0] = firstWord(plain, 5);
    const [x1, y1] = firstWord(file, 5);
    expect(x1 - x0).toBeCloseTo(0.125 * PT_PER_IN, 1);
    expect(y1 - y0).toBeCloseTo(0.125 * PT_PER_IN, 1);
  });

  it('pads to an even count of at least 24 pages with blank pages (no folio)', () => {
    const before = pageCount(plain);
    const after = pageCount(file);
    expect(before).toBeLessThan(24);
    expect(after).toBe(24);
    for (let n = before + 1; n <= after; n++) expect(pageWords(file, n), `page ${n}`).toBe('');
    for (let n = 1; n <= before; n++) expect(pageWords(file, n), `page ${n}`).toBe(pageWords(plain, n));
  });

  it('has no bookmarks and no annotations, stays tagged and valid', () => {
    const raw = unpacked(file);
    expect(raw).not.toMatch(/\/Outlines/);
    expect(raw).not.toMatch(/\/Annots/);
    expect(raw).not.toMatch(/\/Subtype \/Link/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/S \/Link/);
    expect(qpdfCheck(file)).toEqual([]);
  });
});

describe('--print-profile copyshop', () => {
  let file: string;
  const bleed = 3 * PT_PER_MM;
  const area = 10 * PT_PER_MM;
  beforeAll(async () => {
    file = (await build('shop', ['--print-profile', 'copyshop'])).file;
  }, 120_000);

  it('puts the page with 3 mm bleed on a sheet 10 mm larger on each side, links kept', () => {
    for (const [i, b] of pageBoxes(file).entries()) {
      expectBox(b.TrimBox, grown(0), `page ${i + 1} TrimBox`);
      expectBox(b.BleedBox, grown(bleed), `page ${i + 1} BleedBox`);
      expectBox(b.MediaBox, grown(bleed + area), `page ${i + 1} MediaBox`);
    }
    const raw = unpacked(file);
    expect(raw).toMatch(/\/Annots/);
    // Registration colour (all separations), marks outside the structure tree.
    expect(raw).toMatch(/\/CSRegistration \[\s*\/Separation\s+\/All\s+\/DeviceGray\s+\d+ 0 R\s*\]/);
    expect(raw).toMatch(/\/Artifact BMC\nq 1 0 0 -1 0 [\d.]+ cm\n\/CSRegistration CS 1 SCN 0\.25 w/);
    expect(qpdfCheck(file)).toEqual([]);
  });

  it('draws trim marks outside the bleed at each corner, nothing inside the bleed', () => {
    const dpi = 288;
    const s = dpi / 72;
    const img = renderGray(file, 3, dpi);
    // Sheet pixel of a point in trim coordinates (PDF y up, origin at the trim's lower-left).
    const px = (x: number, y: number): [number, number] => [(x + bleed + area) * s, (A5.h + bleed + area - y) * s];
    const darkest = (x: number, y: number, r = 2) => {
      const [cx, cy] = px(x, y);
      let min = 255;
      for (let dx = -r; dx <= r; dx++) for (let dy = -r; dy <= r; dy++) min = Math.min(min, img.at(cx + dx, cy + dy));
      return min;
    };
    const mid = bleed + area / 2;
    for (const [cx, sx] of [[0, -1], [A5.w, 1]] as const) {
      for (const [cy, sy] of [[0, -1], [A5.h, 1]] as const) {
        const corner = `corner (${Math.round(cx)}, ${Math.round(cy)})`;
        expect(darkest(cx + sx * mid, cy), `${corner}: horizontal mark`).toBeLessThan(100);
        expect(darkest(cx, cy + sy * mid), `${corner}: vertical mark`).toBeLessThan(100);
        expect(darkest(cx + (sx * bleed) / 2, cy), `${corner}: bleed stays clear`).toBe(255);
        expect(darkest(cx + sx * mid, cy + sy * mid), `${corner}: between the marks`).toBe(255);
      }
    }
  });
});

describe('a print profile with PDF/A-1b', () => {
  it.skipIf(skipUnlessTool('preflight', PREFLIGHT_INSTALL))('passes PDFBox Preflight with crop marks in registration colour', async () => {
    const { file } = await build('shop-a1b', ['--print-profile', 'copyshop', '--pdf-standard', 'PDF/A-1b']);
    expect(preflightA1b(file).map(formatFinding)).toEqual([]);
  }, 120_000);
});

describe('margins against the service', () => {
  it('warns once per margin narrower than the minimum, at its pdf.yaml line', async () => {
    const { stderr, file } = await build('eng', ['--print-profile', 'kdp'], 'editions/eng.yaml');
    const lines = stderr.trim().split('\n').filter((l) => l.includes('[print-margin]'));
    expect(lines).toEqual([expect.stringMatching(/templates\/eng\/pdf\.yaml:2:33: warning: margins\.inner is 8 mm; Amazon KDP asks for at least 9\.5 mm \(0\.375 in\) for 24 pages \[print-margin\]$/)]);
    expect(pageCount(file)).toBe(24);
  }, 120_000);

  it('checks the running head in a margin that is wide enough itself', async () => {
    const { stderr } = await build('hoch', ['--print-profile', 'kdp'], 'editions/hoch.yaml');
    const lines = stderr.trim().split('\n').filter((l) => l.includes('[print-margin]'));
    expect(lines).toEqual([expect.stringMatching(/templates\/hoch\/pdf\.yaml:2:\d+: warning: runningHead\.offset: the running head is [34]\.\d mm from the top edge; Amazon KDP asks for at least 9\.5 mm \(0\.375 in\) \[print-margin\]$/)]);
  }, 120_000);
});
