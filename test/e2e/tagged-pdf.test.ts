/**
 * The sample edition's print PDF is a tagged PDF/UA-1 document, built through
 * the real CLI (`edition build --format pdf`): a structure tree with the
 * texts' headings and paragraphs, a Note with its Lbl per endnote, a Link
 * (in a Reference) per note link and backlink, /Lang, DisplayDocTitle and the
 * PDF/UA identification — checked with our qpdf reader and, where present,
 * with the shared audit tool /work/shared/tools/pdf_tags.py.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/project.js';
import { ofType, readStructure, type PdfStructure } from '../helpers/pdf-struct.js';
import { skipUnlessTool } from '../helpers/validators.js';

const SKIP = skipUnlessTool('qpdf', 'apt-get install -y qpdf');
const PDF_TAGS_PY = '/work/shared/tools/pdf_tags.py';

/** Footnote definitions in the sample's sources: one Note each. */
function notesInSources(): number {
  const dir = path.join(REPO, 'sources');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .reduce((n, f) => n + (fs.readFileSync(path.join(dir, f), 'utf8').match(/^\[\^[^\]]+\]:/gm)?.length ?? 0), 0);
}

describe.skipIf(SKIP)('tagged PDF of the sample edition', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-tagged-'));
  const file = path.join(out, 'russische-revolution.pdf');
  let s: PdfStructure;

  beforeAll(async () => {
    const r = await runCli(REPO, ['build', 'editions/russische-revolution.yaml', '--format', 'pdf', '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(r.code, r.stderr).toBe(0);
    s = readStructure(fs.readFileSync(file));
  }, 120_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('is tagged with /Lang, DisplayDocTitle and PDF/UA-1 identification', () => {
    expect(s.marked).toBe(true);
    expect(s.lang).toBe('de');
    expect(s.displayDocTitle).toBe(true);
    expect(s.xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  });

  it('has the headings and paragraphs, a Note with Lbl per endnote and a Link per note link and backlink', () => {
    const headings = ['H1', 'H2', 'H3', 'H4'].flatMap((h) => ofType(s.root, h));
    expect(headings.length).toBeGreaterThanOrEqual(10);
    expect(ofType(s.root, 'P').length).toBeGreaterThanOrEqual(100);
    const notes = ofType(s.root, 'Note');
    expect(notes).toHaveLength(notesInSources());
    expect(notes.every((n) => n.kids[0] && 'type' in n.kids[0] && n.kids[0].type === 'Lbl')).toBe(true);
    // Every link annotation (references, note numbers, backlinks, contents) has exactly one Link.
    const links = ofType(s.root, 'Link');
    expect(links.length).toBe(s.annotPage.size);
    expect(ofType(s.root, 'TOC')).toHaveLength(1);
  });

  it('reads the same with the shared audit tool', () => {
    if (!fs.existsSync(PDF_TAGS_PY)) return;
    const r = spawnSync('python3', [PDF_TAGS_PY, file], { encoding: 'utf8' });
    const report = JSON.parse(r.stdout) as { marked: boolean; pdfua: string; elements: Record<string, number> };
    expect(report.marked).toBe(true);
    expect(report.pdfua).toBe('1');
    expect(report.elements['/Note']).toBe(notesInSources());
    expect(report.elements['/Link']).toBe(s.annotPage.size);
  });
});

describe('the untagged variant the benchmark measures against', () => {
  it('has the same pages and text but no structure tree and no PDF/UA claim', async () => {
    const { buildEdition } = await import('../../src/edition/build.js');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-untagged-'));
    try {
      const opts = { projectRoot: REPO, formats: ['pdf' as const], sourceDateEpoch: 1_700_000_000 };
      const plain = await buildEdition({ manifestFile: path.join(REPO, 'editions/russische-revolution.yaml') }, { ...opts, outDir: path.join(out, 'u'), pdfTagged: false });
      const tagged = await buildEdition({ manifestFile: path.join(REPO, 'editions/russische-revolution.yaml') }, { ...opts, outDir: path.join(out, 't') });
      expect(plain.files[0]!.pages).toBe(tagged.files[0]!.pages);
      const u = fs.readFileSync(plain.files[0]!.path).toString('latin1');
      const t = fs.readFileSync(tagged.files[0]!.path).toString('latin1');
      expect(t).toMatch(/\/StructTreeRoot \d+ 0 R/);
      expect(u).not.toMatch(/\/StructTreeRoot/);
      expect(u).not.toContain('pdfuaid');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
