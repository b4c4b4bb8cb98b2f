/**
 * The format table: one renderer per output format, each Edition → bytes
 * (pandoc's `writers`). The PDF renderer is loaded on demand: fonts and
 * line-breaking tables are only needed for PDFs.
 */
import path from 'node:path';
import type { Edition } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import type { Format } from '../manifest/schema.js';
import type { Template } from '../templates/load.js';
import { renderEpub } from '../render/epub/index.js';
import type { PdfStandard } from '../model/pdf-standard.js';

export interface Rendered {
  bytes: Buffer;
  pages?: number;
}


/** `pdfStandard`: from the command line or the manifest (undefined: pdf.yaml decides). */
export async function renderFormat(format: Format, edition: Edition, template: Template, reporter: Reporter, onProgress: (pages: number) => void, pdfStandard?: PdfStandard, pdfTagged?: boolean): Promise<Rendered> {
  if (format === 'epub') return { bytes: (await renderEpub(edition, template, reporter)).bytes };
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
    ...(pdfStandard ? { standard: pdfStandard } : {}),
    ...(pdfTagged === false ? { tagged: false } : {}),
  });
}
