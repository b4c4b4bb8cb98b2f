/**
 * The library API: build editions from manifests. The CLI is a thin layer
 * over these functions.
 */
import path from 'node:path';
import type { Edition } from '../model/types.js';
import { textsOf } from '../model/types.js';
import { Reporter, type Message } from '../model/messages.js';
import { loadLibrary, type Library } from '../library/load.js';
import { validateManifest, loadManifest } from '../manifest/load.js';
import type { Format, ManifestInput } from '../manifest/schema.js';
import { assembleEdition } from './assemble.js';
import { loadTemplate, type Template } from '../templates/load.js';
import { renderEpub } from '../render/epub/index.js';
import { writeFileAtomic, sweepTemporaries } from '../util/atomic-write.js';

export interface BuildOptions {
  /** Folder of the source files; default ./sources of the project root. */
  sourcesDir?: string;
  /** Output folder; default ./dist of the project root. */
  outDir?: string;
  /** Project root: templates/ is searched here, and links may not leave it. Default: cwd. */
  projectRoot?: string;
  /** Restricts the formats the manifest asks for. */
  formats?: Format[];
  /** A library already loaded (to build many selections from one parse). */
  library?: Library;
  reporter?: Reporter;
  /** Seconds since 1970; default from the SOURCE_DATE_EPOCH environment variable. */
  sourceDateEpoch?: number;
  /** Called after each output file is written. */
  onFile?: (file: OutputFile) => void;
  /** Called while a PDF is laid out. */
  onProgress?: (edition: string, format: Format, pages: number) => void;
}

export interface OutputFile {
  edition: string;
  format: Format;
  path: string;
  bytes: number;
  pages?: number;
  texts: number;
  notes: number;
}

export interface BuildResult {
  edition: Edition;
  files: OutputFile[];
  warnings: Message[];
}

function epochFromEnv(): number | undefined {
  const v = process.env.SOURCE_DATE_EPOCH;
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

export interface EditionRequest {
  /** The manifest as an object (API) … */
  manifest?: ManifestInput;
  /** … or a manifest file. */
  manifestFile?: string;
  /** Base name of the output files (default: the manifest's file name, or a slug of the title). */
  slug?: string;
}

/** Builds one edition: EPUB and/or PDF, each written atomically into the output folder. */
export async function buildEdition(request: EditionRequest, options: BuildOptions = {}): Promise<BuildResult> {
  const projectRoot = path.resolve(options.projectRoot ?? process.cwd());
  const reporter = options.reporter ?? new Reporter();
  const warningsBefore = reporter.warnings.length;
  let manifest;
  let origin: string;
  let positionOf: (p: (string | number)[]) => { line: number; column: number };
  let slug: string;
  if (request.manifestFile) {
    const loaded = loadManifest(request.manifestFile);
    manifest = loaded.manifest;
    origin = path.relative(process.cwd(), loaded.file) || loaded.file;
    positionOf = loaded.positionOf;
    slug = request.slug ?? path.basename(loaded.file).replace(/\.ya?ml$/i, '');
  } else {
    origin = '<manifest>';
    positionOf = () => ({ line: 1, column: 1 });
    manifest = validateManifest(request.manifest, origin, positionOf);
    const { slugify } = await import('../util/slug.js');
    slug = request.slug ?? (slugify(manifest.title) || 'edition');
  }
  const library = options.library ?? loadLibrary(path.resolve(projectRoot, options.sourcesDir ?? 'sources'), { projectRoot, reporter });
  const edition = assembleEdition({ manifest, origin, slug, positionOf, library, reporter, sourceDateEpoch: options.sourceDateEpoch ?? epochFromEnv() });
  reporter.throwIfErrors();
  const template = loadTemplate(manifest.template, projectRoot, origin);
  const formats = manifest.formats.filter((f) => !options.formats || options.formats.includes(f));
  const outDir = path.resolve(projectRoot, options.outDir ?? 'dist');
  sweepTemporaries(outDir);
  // Render everything first, write afterwards: an error in the PDF must not leave a new EPUB beside an old PDF.
  const rendered: { format: Format; bytes: Buffer; pages?: number }[] = [];
  for (const format of formats) rendered.push({ format, ...(await renderFormat(format, edition, template, reporter, options)) });
  const texts = textsOf(edition);
  const notes = texts.reduce((n, t) => n + t.notes.length, 0);
  const files: OutputFile[] = [];
  for (const r of rendered) {
    const file = path.join(outDir, `${slug}.${r.format}`);
    writeFileAtomic(file, r.bytes);
    const out: OutputFile = { edition: slug, format: r.format, path: file, bytes: r.bytes.length, texts: texts.length, notes, ...(r.pages !== undefined ? { pages: r.pages } : {}) };
    files.push(out);
    options.onFile?.(out);
  }
  return { edition, files, warnings: reporter.warnings.slice(warningsBefore) };
}

async function renderFormat(format: Format, edition: Edition, template: Template, reporter: Reporter, options: BuildOptions): Promise<{ bytes: Buffer; pages?: number }> {
  if (format === 'epub') return { bytes: (await renderEpub(edition, template)).bytes };
  // Loaded on demand: fonts and line-breaking tables are only needed for PDFs.
  const { renderPdf } = await import('../render/pdf/index.js');
  const pdfFile = template.file('pdf.yaml');
  return renderPdf({
    edition,
    templateDir: path.dirname(pdfFile),
    pdfConfig: template.pdfConfig,
    labelsFor: (lang) => template.labelsFor(lang),
    reporter,
    onProgress: (pages) => options.onProgress?.(edition.meta.slug, 'pdf', pages),
  });
}
