/**
 * The format table: one renderer per output format, each Edition → bytes
 * (pandoc's `writers`). Each renderer is loaded on demand: fonts and
 * line-breaking tables are only needed for PDFs, epub-gen-memory, ejs and
 * jszip only for EPUBs (issue 9: a command loads what it needs).
 */
import path from 'node:path';
import type { Edition } from '../model/types.js';
import type { Reporter } from '../model/messages.js';
import type { Format } from '../manifest/schema.js';
import type { Template } from '../templates/load.js';
import type { PdfStandard } from '../model/pdf-standard.js';
import type { ContentCache } from '../cache/types.js';
import type { PrintSettings } from '../print/settings.js';

export interface Rendered {
  bytes: Buffer;
  pages?: number;
}


export interface RenderContext {
  edition: Edition;
  template: Template;
  reporter: Reporter;
  onProgress: (pages: number) => void;
  /** From the command line or the manifest (undefined: pdf.yaml decides). */
  pdfStandard?: PdfStandard | undefined;
  pdfTagged?: boolean | undefined;
  /** Print production settings (manifest `print:` merged with the command line). */
  print?: PrintSettings | undefined;
  /** Content cache for typeset texts (undefined: none). */
  cache?: ContentCache | undefined;
  /** The interior PDF, laid out once per edition for the formats built from it (cover, booklet). */
  interior: () => Promise<Rendered>;
}

/** The renderer of each format. cover and booklet are made from the interior PDF (its page count, its pages). */
export async function renderFormat(format: Format, ctx: RenderContext): Promise<Rendered> {
  switch (format) {
    case 'epub': {
      const { renderEpub } = await import('../render/epub/index.js');
      return { bytes: (await renderEpub(ctx.edition, ctx.template, ctx.reporter, ctx.cache)).bytes };
    }
    case 'pdf':
      return ctx.interior();
    case 'cover': {
      const { renderPrintCover } = await import('../print/cover.js');
      const interior = await ctx.interior();
      return renderPrintCover({ edition: ctx.edition, template: ctx.template, reporter: ctx.reporter, print: ctx.print ?? {}, pages: interior.pages ?? 0 });
    }
    case 'booklet': {
      const { imposeBooklet } = await import('../print/booklet.js');
      const interior = await ctx.interior();
      return imposeBooklet({ interior: interior.bytes, template: ctx.template, reporter: ctx.reporter, print: ctx.print ?? {} });
    }
  }
}

/** Lays out the interior PDF of an edition. */
export async function renderInterior(ctx: Omit<RenderContext, 'interior'>): Promise<Rendered> {
  const { edition, template, reporter, onProgress, pdfStandard, pdfTagged } = ctx;
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
    ...(ctx.print ? { print: ctx.print } : {}),
    ...(ctx.cache ? { cache: ctx.cache } : {}),
  });
}
