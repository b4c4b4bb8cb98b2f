/**
 * End to end: an ad-hoc selection of one sample text, built by the CLI,
 * gives a valid EPUB (epubcheck-ts always, Java epubcheck when installed)
 * and a PDF that holds that text and its notes, and nothing of the other.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, removeProject, runCli, SAMPLE_SOURCES } from '../cli/helpers.js';
import { epubcheckTs, epubFiles, hasJavaEpubcheck, javaEpubcheck } from './epub-helpers.js';

const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;
let dir: string;
let summary: { files: { format: string; path: string; pages?: number; notes: number }[] };

beforeAll(() => {
  dir = makeProject({ from: SAMPLE_SOURCES });
  const formats = 'epub,pdf';
  const r = runCli(dir, ['build', '--id', 'lenin-1917-zk-aufruf', '--title', 'Lenin im November', '--subtitle', 'Ein Aufruf', '--format', formats, '--json'], { SOURCE_DATE_EPOCH: '1700000000' });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  summary = JSON.parse(r.stdout);
});
afterAll(() => removeProject(dir));

describe('ad-hoc edition of one sample text', () => {
  it('writes the files named after the title', () => {
    expect(summary.files.map((f) => f.path)).toEqual(['dist/lenin-im-november.epub', 'dist/lenin-im-november.pdf']);
    expect(summary.files.every((f) => f.notes === 2)).toBe(true);
  });

  it('gives an EPUB holding only that text, valid for epubcheck-ts', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'dist/lenin-im-november.epub'));
    expect(await epubcheckTs(bytes)).toEqual([]);
    const files = await epubFiles(bytes);
    expect([...files.keys()].filter((f) => f.startsWith('OEBPS/text-'))).toEqual(['OEBPS/text-lenin-1917-zk-aufruf.xhtml']);
    expect(files.get('OEBPS/content.opf')).toContain('<dc:title id="subtitle">Ein Aufruf</dc:title>');
  });

  it.runIf(hasJavaEpubcheck)('is valid for Java epubcheck', () => {
    expect(javaEpubcheck(path.join(dir, 'dist/lenin-im-november.epub'))).toEqual([]);
  });

  it.runIf(hasPdftotext)('gives a PDF with that text and its notes only', () => {
    const txt = spawnSync('pdftotext', ['-layout', path.join(dir, 'dist/lenin-im-november.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\u00ad|-\n\s*/g, '').replace(/\s+/g, ' ');
    expect(txt).toContain('Lenin im November');
    expect(txt).toMatch(/Intellektuellengr(ü|u)ppchen/);
    expect(txt).toMatch(/homogenen sozialistischen Regierung/); // note 2
    expect(txt).toMatch(/linken Sozialrevolution(ä|a)re/); // note 1
    expect(txt).not.toMatch(/Brest-Litowsk/); // the other sample text
    expect(summary.files.find((f) => f.format === 'pdf')!.pages).toBeGreaterThan(1);
  });
});
