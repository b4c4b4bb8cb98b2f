/**
 * The print PDF renderer: Edition → hyphenated copy → flow of lines →
 * pages → PDF bytes. Each stage is its own module; this file only wires them.
 */
import type { ContentCache } from '../../cache/types.js';
import type { PrintSettings } from '../../print/settings.js';
import PDFDocument from 'pdfkit';
import type { Edition, Text } from '../../model/types.js';
import { textsOf } from '../../model/types.js';
import type { Labels } from '../../templates/labels.js';
import { InputError, type Reporter } from '../../model/messages.js';
import { canHyphenate, hyphenateEdition } from '../../transforms/hyphenate.js';
import type { LayoutContext } from './blocks.js';
import { bookFlow } from './book.js';
import { drawPages, type DrawDoc } from './draw.js';
import { loadFonts } from './fonts.js';
import { infoOf } from './metadata.js';
import { paginate } from './paginate.js';
import { describeProblems, type GlyphProblem } from './runs.js';
import { resolveStyle } from './style.js';
import { imageSizer } from './images.js';
import { escapeXmpInfo, imageProblem, standardOptions, type OpenedImage, type PdfStandard, type XmpDoc } from './pdfa.js';
import { setOutlineCounts, type OutlineNode } from './outline.js';
import { StructBuilder } from './structure.js';
import { applyPrintProfile, type PrintDoc } from './print-interior.js';
import { PureCache } from './purecache.js';
import { poolSize, typesetInWorkers } from './typeset-pool.js';
import { adoptTypeset, type TypesetText } from './typeset-transfer.js';

export interface PdfRenderInput {
  edition: Edition;
  templateDir: string;
  pdfConfig: unknown;
  /** Line and column of a pdf.yaml key, so messages can point at it (optional for hand-made configs). */
  pdfPositionOf?: (path: (string | number)[]) => { file?: string; line: number; column: number };
  labelsFor: (lang: string) => Labels;
  reporter: Reporter;
  onProgress?: (donePages: number) => void;
  /** PDF/A standard from the manifest or the command line; wins over pdf.yaml's `standard`. */
  standard?: PdfStandard;
  /** false only to measure what tagging costs (`npm run bench`); every edition is tagged. */
  tagged?: boolean;
  /** Print production (profile: bleed, page boxes, bookmarks; see src/print/profiles.ts). */
  print?: PrintSettings;
  /** Content cache for typeset texts (src/cache/types.ts); undefined: typeset everything. */
  cache?: ContentCache;
  /**
   * Worker threads that typeset texts (typeset-pool.ts); 0: all in the main thread. Default:
   * `EDITION_PDF_THREADS`, else 0 (on 2 cores, workers cost more than they save: typeset-pool.ts).
   */
  threads?: number;
}

/** Renders an edition as a print PDF. */
export async function renderPdf(input: PdfRenderInput): Promise<{ bytes: Buffer; pages: number }> {
  const { edition, templateDir } = input;
  const timer = phaseTimer();
  const style = resolveStyle(input.pdfConfig, templateDir, input.pdfPositionOf);
  const info = infoOf(edition);
  const standard = input.standard ?? style.config.standard;
  const tagged = input.tagged ?? true;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info,
    lang: edition.meta.lang,
    displayTitle: true,
    ...standardOptions(standard),
    // Tagged PDF/UA-1: a structure tree (structure.ts, tagdraw.ts), MarkInfo, /Tabs /S, pdfuaid in the XMP.
    // A PDF/A file is tagged too, but pdfkit's `subset` takes one value, so only a plain PDF declares PDF/UA.
    tagged,
    // pdfkit supports 'PDF/UA' (lib/mixins/pdfua.js); @types/pdfkit lists only the PDF/A values.
    ...(standard === 'none' && tagged ? { subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets } : {}),
  });
  escapeXmpInfo(doc as unknown as XmpDoc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Texts are typeset in worker threads while this thread loads its fonts; pagination waits for them.
  const threads = poolSize(edition, input.threads ?? threadsFromEnv());
  const typesetting = threads > 0
    ? typesetInWorkers(edition, threads, { templateDir, pdfConfig: input.pdfConfig, tagged, hyphenation: style.config.hyphenation, labelsFor: input.labelsFor })
    : Promise.resolve(new Map<string, TypesetText>());
  // Widths and hyphenated words from earlier runs (purecache.ts): the same numbers, fewer computed.
  const pure = new PureCache(input.cache);
  const fonts = loadFonts(doc, style, templateDir, (face) => pure.face(face));
  timer('fonts');
  for (const t of textsOf(edition)) {
    if (!canHyphenate(t.meta.lang)) input.reporter.warn('pdf-hyphenation', `no hyphenation patterns for language "${t.meta.lang}"; text "${t.meta.id}" is set without hyphenation`, { file: t.file });
  }
  const typeset = await typesetting;
  timer('patterns, threads');
  const hyphenated = pure.hyphenating(() => hyphenateEdition(edition, style.config.hyphenation, (p, t) => typeset.has(`${p}/${t}`)));
  timer('hyphenate');
  const problems: GlyphProblem[] = [];
  const tags = new StructBuilder();
  const ctx: LayoutContext = { style, fonts, problems, imageSize: imageSizer(doc, (img) => imageProblem(img as OpenedImage, standard)), outlineLevel: 0, tags };
  const flow = bookFlow(hyphenated, input.labelsFor, ctx, adoptTypeset(byText(hyphenated, typeset)));
  timer('lines');
  if (problems.length > 0) {
    throw new InputError(describeProblems(problems).map((p) => ({ severity: 'error', rule: 'pdf-glyph', ...p })));
  }
  const pagination = paginate(flow, style);
  timer('paginate');
  // Print production: page boxes, bleed, crop marks, padding pages (print-interior.ts).
  if (input.print?.profile) applyPrintProfile({ doc: doc as unknown as PrintDoc, style, fonts, pagination, profile: input.print.profile, reporter: input.reporter });
  // pdfkit's own info handling would add "now" for missing dates; we set them all above.
  drawPages({ doc: doc as unknown as DrawDoc, style, fonts, pagination, bookTitle: edition.meta.title, ...(tagged ? { structure: tags.root } : {}), onProgress: input.onProgress });
  timer('draw');
  pure.save();
  setOutlineCounts((doc as unknown as { outline: OutlineNode }).outline);
  doc.end();
  const bytes = await done;
  timer('write');
  return { bytes, pages: pagination.pages.length };
}

/** `EDITION_PDF_THREADS` as a number of threads, if set. */
function threadsFromEnv(): number | undefined {
  const v = process.env.EDITION_PDF_THREADS;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Typeset texts by the (hyphenated) Text they stand for; their hyphenated notes go into it (`notes: book`). */
function byText(edition: Edition, typeset: Map<string, TypesetText>): Map<Text, TypesetText> {
  const out = new Map<Text, TypesetText>();
  edition.parts.forEach((part, p) =>
    part.texts.forEach((text, t) => {
      const done = typeset.get(`${p}/${t}`);
      if (!done) return;
      text.notes = done.notes;
      out.set(text, done);
    }),
  );
  return out;
}

/** Prints phase durations to stderr when EDITION_PDF_TIMING is set (for tuning). */
function phaseTimer(): (phase: string) => void {
  if (!process.env.EDITION_PDF_TIMING) return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    process.stderr.write(`pdf ${phase}: ${(now - last).toFixed(0)} ms\n`);
    last = now;
  };
}
