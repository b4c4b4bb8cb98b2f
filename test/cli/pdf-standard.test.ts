/**
 * PDF/A through the real CLI: `--pdf-standard`, a manifest's `pdf.standard`
 * and a template's pdf.yaml `standard` (command line > manifest > template).
 * Every PDF/A-1b file is checked with Apache PDFBox Preflight; locally a
 * missing Preflight skips those checks, under CI they fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, source, TempProject } from '../helpers/project.js';
import { tinyPngWithAlpha } from '../helpers/png.js';
import { formatFinding, pdfXmp, preflightA1b, PREFLIGHT_INSTALL, qpdfCheck, skipUnlessTool } from '../helpers/validators.js';

const SKIP_PREFLIGHT = skipUnlessTool('preflight', PREFLIGHT_INSTALL);
const ENV = { SOURCE_DATE_EPOCH: '1700000000' };

let p: TempProject;
beforeAll(() => {
  const files: Record<string, string | Buffer> = {
    'editions/krieg.yaml': 'title: Krieg & Frieden\nsubtitle: <Band 1> "Roman"\ntexts: [erster]\nformats: [pdf]\npdf:\n  standard: PDF/A-1b\n',
    'editions/plain.yaml': 'title: Schlicht\ntexts: [erster]\nformats: [pdf]\n',
    'editions/archiv.yaml': 'title: Archiv\ntexts: [erster]\nformats: [pdf]\ntemplate: archiv\n',
    'editions/archiv-1b.yaml': 'title: Archiv\ntexts: [erster]\nformats: [pdf]\ntemplate: archiv\npdf: { standard: PDF/A-1b }\n',
    'editions/bild.yaml': 'title: Mit Bild\ntexts: [bild]\nformats: [pdf]\npdf: { standard: PDF/A-1b }\n',
    'editions/falsch.yaml': 'title: Falsch\ntexts: [erster]\nformats: [pdf]\npdf: { standard: PDF/A-3u }\n',
    'templates/archiv/template.yaml': 'description: Archivausgabe\nextends: buch\n',
    'templates/archiv/pdf.yaml': 'standard: PDF/A-2b\n',
    'templates/kaputt/template.yaml': 'description: Kaputt\nextends: buch\n',
    'templates/kaputt/pdf.yaml': '# PDF/A-3 is not offered\nstandard: PDF/A-3b\n',
    'editions/kaputt.yaml': 'title: Kaputt\ntexts: [erster]\nformats: [pdf]\ntemplate: kaputt\n',
    'sources/erster.md': source({ id: 'erster', title: 'Erster Teil & Schluss', author: 'L. Tolstoi & A. N. Other', date: '1869', lang: 'de', tags: ['krieg', 'frieden'] },
      '## Anfang\n\nEin Absatz mit einer Anmerkung.[^1]\n\n## Ende\n\nNoch ein Absatz.\n\n[^1]: Die Anmerkung.\n'),
    'sources/bild.png': tinyPngWithAlpha(),
    'sources/bild.md': source({ id: 'bild', title: 'Bild', date: '1900', lang: 'de' }, 'Text.\n\n![Ein halb durchsichtiges Quadrat](bild.png)\n'),
  };
  p = new TempProject(files, 'edition-pdfa-');
  // The sample's texts (only the .md sources: sources/ also holds import recipes).
  for (const f of fs.readdirSync(path.join(REPO, 'sources')).filter((f) => f.endsWith('.md'))) fs.copyFileSync(path.join(REPO, 'sources', f), p.path('sources', f));
  fs.copyFileSync(path.join(REPO, 'editions/russische-revolution.yaml'), p.path('editions/russische-revolution.yaml'));
});
afterAll(() => p.remove());

/** The dictionary of the outline root (pdfkit writes dictionaries uncompressed, outside object streams). */
function outlineRoot(pdf: Buffer): string | undefined {
  const text = pdf.toString('latin1');
  const ref = /\/Outlines (\d+) 0 R/.exec(text)?.[1];
  if (!ref) return undefined;
  const start = text.indexOf(`\n${ref} 0 obj\n`);
  return start < 0 ? undefined : text.slice(start, text.indexOf('endobj', start));
}

/** The pdfaid part ("1", "2") the PDF declares in its XMP, or undefined for a plain PDF. */
function pdfaPart(pdf: Buffer): string | undefined {
  return /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(pdfXmp(pdf) ?? '')?.[1];
}

async function build(args: string[]): Promise<Buffer> {
  const r = await runCli(p.dir, ['build', ...args, '--out', 'out'], { env: ENV });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const name = path.basename(args[0]!).replace(/\.yaml$/, '.pdf');
  return fs.readFileSync(p.path('out', name));
}

describe('--pdf-standard PDF/A-1b on the sample edition', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await build(['editions/russische-revolution.yaml', '--format', 'pdf', '--pdf-standard', 'PDF/A-1b']);
  }, 120_000);

  it.skipIf(SKIP_PREFLIGHT)('passes PDFBox Preflight', () => {
    expect(preflightA1b(p.path('out/russische-revolution.pdf')).map(formatFinding)).toEqual([]);
  });

  it('declares PDF/A-1b on PDF 1.4 with an sRGB output intent and an outline root /Count', () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdfaPart(pdf)).toBe('1');
    expect(pdfXmp(pdf)).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(pdf.toString('latin1')).toMatch(/\/S \/GTS_PDFA1/);
    expect(outlineRoot(pdf)).toMatch(/\/Count \d+/);
    expect(qpdfCheck(p.path('out/russische-revolution.pdf'))).toEqual([]);
  });

  it('stays tagged (a structure tree, /MarkInfo) but does not declare PDF/UA', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(pdfXmp(pdf)).not.toContain('pdfuaid');
  });

  it('is byte-identical when built again (XMP dates and file ID come from SOURCE_DATE_EPOCH)', async () => {
    const again = await build(['editions/russische-revolution.yaml', '--format', 'pdf', '--pdf-standard', 'PDF/A-1b']);
    expect(again.equals(pdf)).toBe(true);
    expect(pdfXmp(pdf)).toContain('<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>');
  }, 120_000);
});

describe('metadata with XML specials ("Krieg & Frieden")', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await build(['editions/krieg.yaml']);
  }, 120_000);

  it("writes well-formed XMP whose title is the manifest's, unchanged", () => {
    const errors: string[] = [];
    const xmp = pdfXmp(pdf)!;
    const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(msg); } }).parseFromString(xmp.replace(/<\?xpacket[^>]*\?>/g, ''), 'text/xml');
    expect(errors).toEqual([]);
    const li = Array.from(doc.getElementsByTagName('rdf:li')).map((e) => e.textContent);
    expect(li).toContain('Krieg & Frieden. <Band 1> "Roman"');
    expect(li).toContain('L. Tolstoi & A. N. Other');
  });

  it.skipIf(SKIP_PREFLIGHT)('passes PDFBox Preflight', () => {
    expect(preflightA1b(p.path('out/krieg.pdf')).map(formatFinding)).toEqual([]);
  });
});

describe('where the standard comes from', () => {
  it('a plain PDF by default: no PDF/A claim, no output intent', async () => {
    const pdf = await build(['editions/plain.yaml']);
    expect(pdfaPart(pdf)).toBeUndefined();
    expect(pdf.toString('latin1')).not.toContain('GTS_PDFA1');
  }, 120_000);

  it("the template's pdf.yaml, then the manifest, then the command line", async () => {
    expect(pdfaPart(await build(['editions/archiv.yaml']))).toBe('2');
    expect(pdfaPart(await build(['editions/archiv-1b.yaml']))).toBe('1');
    expect(pdfaPart(await build(['editions/archiv-1b.yaml', '--pdf-standard', 'PDF/A-2b']))).toBe('2');
    expect(pdfaPart(await build(['editions/archiv.yaml', '--pdf-standard', 'none']))).toBeUndefined();
  }, 240_000);
});

describe('bad input', () => {
  it('an unknown standard in a manifest: file:line and the allowed values, nothing written', async () => {
    const r = await runCli(p.dir, ['build', 'editions/falsch.yaml', '--out', 'bad1'], { env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^editions\/falsch\.yaml:4:\d+: error: .*PDF\/A-1b.*PDF\/A-2b/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(p.path('bad1', 'falsch.pdf'))).toBe(false);
  });

  it("an unknown standard in a template's pdf.yaml: its file and line", async () => {
    const r = await runCli(p.dir, ['build', 'editions/kaputt.yaml', '--out', 'bad4'], { env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^templates\/kaputt\/pdf\.yaml:2:\d+: error: invalid pdf\.yaml key standard: .*"PDF\/A-1b"\|"PDF\/A-2b" \[pdf-config\]$/m);
    expect(fs.existsSync(p.path('bad4'))).toBe(false);
  });

  it('an unknown --pdf-standard is a usage error', async () => {
    const r = await runCli(p.dir, ['build', 'editions/plain.yaml', '--pdf-standard', 'PDF/X-1a', '--out', 'bad2'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pdf-standard/);
  });

  it('an image with an alpha channel in PDF/A-1b: an error at the image, nothing written; PDF/A-2b takes it', async () => {
    const r = await runCli(p.dir, ['build', 'editions/bild.yaml', '--out', 'bad3'], { env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sources\/bild\.md:\d+:\d+: error: image \S*bild\.png has an alpha channel .*PDF\/A-1b forbids.* \[pdf-image\]$/m);
    expect(fs.existsSync(p.path('bad3', 'bild.pdf'))).toBe(false);
    expect(pdfaPart(await build(['editions/bild.yaml', '--pdf-standard', 'PDF/A-2b']))).toBe('2');
  }, 120_000);
});
