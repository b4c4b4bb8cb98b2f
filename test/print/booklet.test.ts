/**
 * `edition build --format pdf,booklet` through the real CLI: every side of
 * every sheet holds the two pages the saddle-stitch order asks for (the text
 * of each half equals the text of that interior page), blank halves where the
 * book is padded to a multiple of 4, signatures, trim size under a print
 * profile, same bytes on a second build, and `--signature` validated.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { germanProse, manifest, source, TempProject } from '../helpers/project.js';
import { qpdfCheck } from '../helpers/validators.js';
import { pageBoxes, pageCount, pageWords } from '../helpers/pdf-pages.js';
import { impose } from '../../src/print/imposition.js';

const ENV = { SOURCE_DATE_EPOCH: '1700000000' };
let p: TempProject;

beforeAll(() => {
  const { body } = germanProse({ bytes: 14000, notesEvery: 6 });
  p = new TempProject({
    'sources/heft.md': source({ title: 'Ein Heft', author: 'A. Autor', date: '1917', lang: 'de' }, body),
    'editions/heft.yaml': manifest({ title: 'Heft', texts: ['heft'], formats: ['pdf', 'booklet'] }),
  }, 'edition-booklet-');
});
afterAll(() => p.remove());

async function build(out: string, extra: string[] = []): Promise<{ interior: string; booklet: string }> {
  const r = await p.run(['build', 'editions/heft.yaml', '--format', 'pdf,booklet', '--out', out, ...extra], { env: ENV });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { interior: p.path(out, 'heft.pdf'), booklet: p.path(out, 'heft.booklet.pdf') };
}

/** Checks every half of every sheet against the interior page the imposition puts there. */
function expectImposed(interior: string, booklet: string, signature?: number): void {
  const pages = pageCount(interior);
  const trim = pageBoxes(interior)[0]!.TrimBox;
  const w = trim[2] - trim[0];
  const h = trim[3] - trim[1];
  const sides = impose(pages, signature).flatMap((s) => s.sides);
  expect(pageCount(booklet)).toBe(sides.length);
  for (const [i, box] of pageBoxes(booklet).entries()) expect(box.MediaBox.map((v) => Math.round(v * 100) / 100), `sheet side ${i + 1}`).toEqual([0, 0, Math.round(2 * w * 100) / 100, Math.round(h * 100) / 100]);
  sides.forEach((side, i) => {
    for (const [half, page] of [['left', side.left], ['right', side.right]] as const) {
      const got = pageWords(booklet, i + 1, { x: half === 'left' ? 0 : w, y: 0, w, h });
      const want = page === null ? '' : pageWords(interior, page + 1);
      expect(got, `sheet side ${i + 1}, ${half} half = ${page === null ? 'blank' : `page ${page + 1}`}`).toBe(want);
    }
  });
}

describe('booklet of one signature', () => {
  let files: { interior: string; booklet: string };
  beforeAll(async () => {
    files = await build('one');
  }, 120_000);

  it('has a page count that needs padding (the fixture is chosen so)', () => {
    expect(pageCount(files.interior) % 4).not.toBe(0);
  });

  it('puts last | 1 on the first side, 2 | last − 1 on the second, and so on; padded halves are blank', () => {
    const pages = pageCount(files.interior);
    const sides = impose(pages).flatMap((s) => s.sides);
    expect(sides.length).toBe(Math.ceil(pages / 4) * 2);
    expect(sides[0]).toEqual({ left: null, right: 0 });
    expectImposed(files.interior, files.booklet);
    expect(qpdfCheck(files.booklet)).toEqual([]);
  });

  it('is the same file when built again', async () => {
    const again = await build('again');
    expect(p.read('again/heft.booklet.pdf').equals(p.read('one/heft.booklet.pdf'))).toBe(true);
    expect(again.booklet).toMatch(/heft\.booklet\.pdf$/);
  }, 120_000);

  it('carries the interior title, dates and the print dialog defaults, and no file /ID', () => {
    // pdf-lib packs the catalog into an object stream: qpdf unpacks it.
    const raw = spawnSync('qpdf', ['--qdf', '--object-streams=disable', p.path('one/heft.booklet.pdf'), '-'], { encoding: 'latin1' }).stdout;
    expect(raw).toMatch(/\/Duplex \/DuplexFlipShortEdge/);
    expect(raw).toMatch(/\/PrintScaling \/None/);
    expect(raw).toMatch(/\/Lang \(de\)/);
    expect(raw).not.toMatch(/\/StructTreeRoot/);
    // No random file identifier: the trailer (an uncompressed cross-reference stream dictionary) has no /ID.
    expect(p.read('one/heft.booklet.pdf').toString('latin1')).not.toMatch(/\/ID\s*\[/);
    const info = spawnSync('pdfinfo', ['-isodates', p.path('one/heft.booklet.pdf')], { encoding: 'utf8' }).stdout;
    const interior = spawnSync('pdfinfo', ['-isodates', p.path('one/heft.pdf')], { encoding: 'utf8' }).stdout;
    const field = (text: string, key: string) => new RegExp(`^${key}:\\s+(.+)$`, 'm').exec(text)?.[1];
    for (const key of ['Title', 'Author', 'CreationDate', 'ModDate']) expect(field(info, key), key).toBe(field(interior, key));
    expect(field(info, 'Title')).toBe('Heft');
  });

  it('shares the interior fonts instead of copying them per page, and is smaller than the interior', () => {
    const fonts = (file: string) => spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 1 << 28 }).stdout.match(/\/Type \/Font\b/g)?.length;
    expect(fonts(p.path('one/heft.booklet.pdf'))).toBe(fonts(p.path('one/heft.pdf')));
    expect(p.read('one/heft.booklet.pdf').length).toBeLessThan(p.read('one/heft.pdf').length);
  });
});

describe('booklet in signatures', () => {
  it('--signature 8 imposes every 8 pages on their own, stacked in order', async () => {
    const files = await build('sig', ['--signature', '8']);
    const pages = pageCount(files.interior);
    expect(pages).toBeGreaterThan(8);
    expect(impose(pages, 8).length).toBe(Math.ceil(pages / 8));
    expectImposed(files.interior, files.booklet, 8);
  }, 120_000);

  it('rejects a signature that is not a multiple of 4 as a usage error', async () => {
    const r = await p.run(['build', 'editions/heft.yaml', '--format', 'booklet', '--signature', '6', '--out', 'bad'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--signature must be a positive multiple of 4');
    expect(p.exists('bad/heft.booklet.pdf')).toBe(false);
  });

  it('takes print: { signature } from the manifest', async () => {
    p.write('editions/heft-sig.yaml', manifest({ title: 'Heft', texts: ['heft'], formats: ['pdf', 'booklet'], print: { signature: 8 } }));
    const r = await p.run(['build', 'editions/heft-sig.yaml', '--out', 'msig'], { env: ENV });
    expect(r.code).toBe(0);
    expectImposed(p.path('msig/heft-sig.pdf'), p.path('msig/heft-sig.booklet.pdf'), 8);
  }, 120_000);
});

describe('booklet of a print profile', () => {
  it('uses trim-size pages: no bleed and no crop marks on the sheet', async () => {
    const files = await build('shop', ['--print-profile', 'copyshop']);
    const boxes = pageBoxes(files.interior)[0]!;
    expect(boxes.MediaBox[0]).toBeLessThan(0);
    expectImposed(files.interior, files.booklet);
  }, 120_000);
});
