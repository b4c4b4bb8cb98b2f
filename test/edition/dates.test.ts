/**
 * Issue 8, item 16: an edition without a date whose newest text is from 1955
 * wrote 1980-01-02 (zip's earliest date) as its date. Zip's limit belongs to
 * the zip entry times only; dcterms:modified and the PDF dates keep 1955.
 */
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { source, TempProject } from '../helpers/project.js';
import { javaEpubcheck, skipUnlessTool } from '../helpers/validators.js';

let p: TempProject;
beforeAll(() => {
  p = new TempProject({
    'sources/alt.md': source({ title: 'Alt', date: '1917-11' }, 'Ein alter Text.\n'),
    'sources/neu.md': source({ title: 'Neuer', date: '1955-03-07' }, 'Ein neuerer Text.\n'),
    'editions/x.yaml': 'title: Ohne Datum\ntexts: [alt, neu]\nformats: [epub, pdf]\n',
  });
});
afterAll(() => p.remove());

describe('an edition without a date', () => {
  it('takes its newest text\'s date for the metadata; only zip entries are floored at 1980', async () => {
    const r = await p.run(['build'], { env: { SOURCE_DATE_EPOCH: undefined } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(p.read('dist/x.epub'));
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    expect(opf).toContain('<dc:date>1955-03-07</dc:date>');
    expect(opf).toContain('<meta property="dcterms:modified">1955-03-07T00:00:00Z</meta>');
    const times = new Set(Object.values(zip.files).map((f) => f.date.toISOString().slice(0, 10)));
    expect([...times]).toEqual(['1980-01-02']);
    if (!skipUnlessTool('pdftotext', 'apt-get install poppler-utils')) {
      const info = spawnSync('pdfinfo', ['-isodates', p.path('dist/x.pdf')], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/^CreationDate: +1955-03-07T00:00:00Z$/m);
      expect(info).toMatch(/^ModDate: +1955-03-07T00:00:00Z$/m);
    }
    if (!skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck')) expect(javaEpubcheck(p.path('dist/x.epub'))).toEqual([]);
  });
});
