import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deflateInBackground } from '../../../src/render/pdf/background-deflate.js';

const require = createRequire(import.meta.url);
/** The zlib module object pdfkit (CommonJS) calls deflateSync on. */
const zlib = require('zlib') as typeof import('node:zlib');
const FONT = path.join(path.dirname(require.resolve('source-serif/package.json')), 'TTF/SourceSerif4-Regular.ttf');

/** A small book: a font subset, text on several pages, links and an outline — what a build's PDF holds. */
function makePdf(background: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Title: 'Probe', CreationDate: new Date(0), ModDate: new Date(0) } });
  if (background) deflateInBackground(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('serif', FONT);
  for (let page = 1; page <= 12; page++) {
    doc.addPage({ size: 'A5' });
    doc.font('serif').fontSize(10);
    for (let line = 0; line < 40; line++) doc.text(`Seite ${page}, Zeile ${line}: „Alle Macht den Räten“ – ${'Wort '.repeat(line % 7)}`, 40, 40 + line * 12, { lineBreak: false });
    doc.link(40, 40, 100, 10, `https://example.org/${page}`);
    doc.outline.addItem(`Kapitel ${page}`);
  }
  doc.end();
  return done;
}

afterEach(() => vi.restoreAllMocks());

describe('deflateInBackground', () => {
  it('writes the same bytes as pdfkit compressing on the main thread', async () => {
    const plain = await makePdf(false);
    const background = await makePdf(true);
    expect(background.length).toBeGreaterThan(10_000);
    expect(background.equals(plain)).toBe(true);
  });

  it('takes every stream off the main thread', async () => {
    const sync = vi.spyOn(zlib, 'deflateSync');
    await makePdf(true);
    expect(sync).not.toHaveBeenCalled();
    await makePdf(false);
    // 12 page content streams, the font file, its ToUnicode map (pdfkit's own path, unchanged).
    expect(sync.mock.calls.length).toBeGreaterThanOrEqual(14);
  });

  it('leaves other documents to pdfkit', async () => {
    const a = makePdf(true);
    const b = makePdf(false);
    const [x, y] = await Promise.all([a, b]);
    expect(x.equals(y)).toBe(true);
  });
});
