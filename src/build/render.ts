/**
 * The format table: one renderer per output format, each Edition → bytes
 * (pandoc's `writers`). The PDF renderer is loaded on demand: fonts and
 * line-breaking tables are only needed for PDFs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Edition } from '../model/types.js';
import { fail, type Reporter } from '../model/messages.js';
import type { Format } from '../manifest/schema.js';
import type { Template } from '../templates/load.js';
import { renderEpub } from '../render/epub/index.js';

export interface Rendered {
  bytes: Buffer;
  pages?: number;
}

const PDF_MODULE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../render/pdf/index.ts');

/** Whether this checkout has a PDF renderer (benchmarks and tests skip PDFs without one). */
export function hasPdfRenderer(): boolean {
  return fs.existsSync(PDF_MODULE);
}

export async function renderFormat(format: Format, edition: Edition, template: Template, reporter: Reporter, onProgress: (pages: number) => void): Promise<Rendered> {
  if (format === 'epub') return { bytes: (await renderEpub(edition, template)).bytes };
  if (!hasPdfRenderer()) fail('pdf-unavailable', 'this installation has no PDF renderer; build with --format epub', { file: edition.meta.origin });
  const { renderPdf } = await import('../render/pdf/index.js');
  const pdfFile = template.file('pdf.yaml');
  return renderPdf({
    edition,
    templateDir: path.dirname(pdfFile),
    pdfConfig: template.pdfConfig,
    pdfPositionOf: (key) => template.pdfPositionOf(key),
    labelsFor: (lang) => template.labelsFor(lang),
    reporter,
    onProgress,
  });
}
