/**
 * The library API: build editions from manifests. The CLI is a thin layer
 * over these functions.
 */
import path from 'node:path';
import type { Edition } from '../model/types.js';
import { textsOf } from '../model/types.js';
import { InputError, Reporter, fail, type Message } from '../model/messages.js';
import { loadLibrary, type Library } from '../library/load.js';
import { validateManifest, loadManifest } from '../manifest/load.js';
import { FORMATS, type Format, type Manifest, type ManifestInput } from '../manifest/schema.js';
import type { Locate } from '../select/select.js';
import { assembleEdition } from './assemble.js';
import { loadTemplate } from '../templates/load.js';
import { renderFormat, renderInterior, type Rendered } from './render.js';
import type { ContentCache } from '../cache/types.js';
import { printSettings, type PrintSettings } from '../print/settings.js';
import { PrintProfileError } from '../print/profiles.js';
import { writeFileAtomic, sweepTemporaries } from '../util/atomic-write.js';
import { slugify } from '../util/slug.js';
import { resolveLayout } from './root.js';
import type { PdfStandard } from '../model/pdf-standard.js';

export interface BuildOptions {
  /** Folder of the source files; default ./sources of the project root. Relative: to projectRoot if given, else to cwd. */
  sourcesDir?: string;
  /** Output folder; default ./dist of the project root. Relative: to projectRoot if given, else to cwd. */
  outDir?: string;
  /**
   * Project root: templates/ is searched here, and links may not leave it.
   * Default: the parent of sourcesDir, else the nearest folder above the
   * manifest file that holds sources/, else cwd (see src/edition/root.ts).
   */
  projectRoot?: string;
  /** Warnings fail the edition: it is not written, and buildEdition throws them as an InputError. */
  strict?: boolean;
  /** Restricts the formats the manifest asks for. */
  formats?: Format[];
  /** PDF standard for every edition (`--pdf-standard`); wins over the manifest's `pdf.standard` and pdf.yaml. */
  pdfStandard?: PdfStandard;
  /** Print settings from the command line (`--print-profile`, `--paper`, …); win key by key over the manifest's `print:`. */
  print?: PrintSettings;
  /** false only to measure what tagging costs (`npm run bench`); every edition is tagged. */
  pdfTagged?: boolean;
  /** Content cache for pure results (parsed and typeset texts); undefined: none (`--no-cache`). */
  cache?: ContentCache;
  /** A library already loaded (to build many selections from one parse). */
  library?: Library;
  reporter?: Reporter;
  /** Seconds since 1970; default from the SOURCE_DATE_EPOCH environment variable. */
  sourceDateEpoch?: number;
  /** Called when a format of an edition starts rendering (for progress displays). */
  onStart?: (edition: string, format: Format, info: { texts: number; words: number }) => void;
  /** Called after each output file is written. */
  onFile?: (file: OutputFile) => void;
  /** Called while a PDF is laid out, with the pages done so far. */
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
  words: number;
  /** Milliseconds spent rendering this file. */
  ms: number;
}

export interface BuildResult {
  edition: Edition;
  /** The validated manifest (with defaults filled in). */
  manifest: Manifest;
  files: OutputFile[];
  warnings: Message[];
  /** Folders of the template and the ones it extends (a watcher rebuilds when they change). */
  templateDirs: string[];
}

function epochFromEnv(): number | undefined {
  const v = process.env.SOURCE_DATE_EPOCH;
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

export interface EditionRequest {
  /** The manifest as an object (API, ad-hoc selections) … */
  manifest?: ManifestInput;
  /** … or a manifest file. */
  manifestFile?: string;
  /** Base name of the output files (default: the manifest's file name, or a slug of the title). */
  slug?: string;
  /** For a manifest object: where its fields came from, for messages (default: `<manifest>`). */
  locate?: Locate;
}

interface ResolvedRequest {
  manifest: Manifest;
  origin: string;
  locate: Locate;
  slug: string;
}

/** Reads and validates the manifest of a request. */
export function resolveRequest(request: EditionRequest): ResolvedRequest {
  if (request.manifestFile) {
    const loaded = loadManifest(request.manifestFile);
    return {
      manifest: loaded.manifest,
      origin: path.relative(process.cwd(), loaded.file) || loaded.file,
      locate: loaded.locate,
      slug: request.slug ?? path.basename(loaded.file).replace(/\.ya?ml$/i, ''),
    };
  }
  const locate = request.locate ?? (() => ({ file: '<manifest>' }));
  const manifest = validateManifest(request.manifest, locate);
  return { manifest, origin: locate([]).file, locate, slug: request.slug ?? (slugify(manifest.title) || 'edition') };
}

/** The warnings that concern an edition: its own, and those the library found in the texts it holds. */
function editionWarnings(edition: Edition, library: Library, own: Message[]): Message[] {
  const files = new Set(textsOf(edition).map((t) => path.resolve(t.file)));
  return [...library.warnings.filter((m) => files.has(path.resolve(m.file))), ...own];
}

/**
 * What to build of an edition. epub and pdf on the command line restrict what
 * the manifest asks for; cover and booklet, print products made from the PDF
 * interior, are built when the manifest or the command line names them.
 */
export function selectFormats(manifest: readonly Format[], command: readonly Format[] | undefined): Format[] {
  if (!command) return [...manifest];
  const derived = (f: Format) => f === 'cover' || f === 'booklet';
  return FORMATS.filter((f) => command.includes(f) && (manifest.includes(f) || derived(f)));
}

/** The file an output format is written to: <slug>.epub, <slug>.pdf, <slug>.cover.pdf, <slug>.booklet.pdf. */
export function outputFileName(slug: string, format: Format): string {
  return format === 'cover' || format === 'booklet' ? `${slug}.${format}.pdf` : `${slug}.${format}`;
}

/** Builds one edition: EPUB and/or PDF, each written atomically into the output folder. */
export async function buildEdition(request: EditionRequest, options: BuildOptions = {}): Promise<BuildResult> {
  const layout = resolveLayout(options, request.manifestFile ? [request.manifestFile] : []);
  const projectRoot = layout.root;
  const reporter = options.reporter ?? new Reporter();
  // The edition's own warnings go to a reporter of its own: library warnings are filtered to its texts below.
  const own = new Reporter();
  const { manifest, origin, locate, slug } = resolveRequest(request);
  const library = options.library ?? loadLibrary(layout.sourcesDir, { projectRoot, reporter: new Reporter(), ...(options.cache ? { cache: options.cache } : {}) });
  let edition: Edition | undefined;
  try {
    edition = assembleEdition({ manifest, origin, slug, locate, library, reporter: own, sourceDateEpoch: options.sourceDateEpoch ?? epochFromEnv() });
    own.throwIfErrors();
    const formats = selectFormats(manifest.formats, options.formats);
    if (formats.length === 0) {
      own.warn('format-none', `nothing to build: the manifest asks for ${manifest.formats.join(', ')}, the command line for ${options.formats?.join(', ')}`, locate(['formats']));
    }
    // cover and booklet are made from the PDF interior: they need the template's print side.
    const templateFormats = [...new Set(formats.map((f) => (f === 'epub' ? 'epub' : 'pdf') as 'epub' | 'pdf'))];
    const template = loadTemplate(manifest.template, projectRoot, locate(['template']), templateFormats);
    const print = printSettings(manifest, options.print);
    const outDir = layout.outDir;
    const texts = textsOf(edition);
    const info = { texts: texts.length, words: texts.reduce((n, t) => n + t.words, 0) };
    // Render everything first, write afterwards: an error in the PDF must not leave a new EPUB beside an old PDF.
    const rendered: { format: Format; bytes: Buffer; pages?: number; ms: number }[] = [];
    const base = { edition, template, reporter: own, pdfStandard: options.pdfStandard ?? manifest.pdf?.standard, pdfTagged: options.pdfTagged, print, cache: options.cache };
    // The interior is laid out once, for the PDF and for what is made from it (cover, booklet).
    let interior: Promise<Rendered> | undefined;
    const interiorOf = () => (interior ??= renderInterior({ ...base, onProgress: (pages) => options.onProgress?.(slug, 'pdf', pages) }));
    for (const format of formats) {
      options.onStart?.(slug, format, info);
      const started = performance.now();
      const r = await renderFormat(format, { ...base, onProgress: (pages) => options.onProgress?.(slug, format, pages), interior: interiorOf }).catch((e: unknown) => {
        // A request that gives no spine width (BoD without paper-thickness) is the manifest's print: line's fault.
        if (e instanceof PrintProfileError) fail('print-profile', e.message, locate(['print']));
        throw e;
      });
      rendered.push({ format, ...r, ms: Math.round(performance.now() - started) });
    }
    own.throwIfErrors();
    const warnings = editionWarnings(edition, library, own.warnings);
    // --strict: a warning fails the edition before anything is written, so the output folder stays as it was.
    if (options.strict && warnings.length) throw new InputError(warnings);
    sweepTemporaries(outDir);
    const notes = texts.reduce((n, t) => n + t.notes.length, 0);
    const files: OutputFile[] = [];
    for (const r of rendered) {
      const file = path.join(outDir, outputFileName(slug, r.format));
      writeFileAtomic(file, r.bytes);
      const out: OutputFile = { edition: slug, format: r.format, path: file, bytes: r.bytes.length, texts: texts.length, notes, words: info.words, ms: r.ms, ...(r.pages !== undefined ? { pages: r.pages } : {}) };
      files.push(out);
      options.onFile?.(out);
    }
    reporter.messages.push(...warnings);
    return { edition, manifest, files, warnings, templateDirs: template.chain };
  } catch (e) {
    // The warnings found before the failure are still worth reading (a --strict failure carries them itself).
    const strictFailure = e instanceof InputError && e.messages.every((m) => m.severity === 'warning');
    if (!strictFailure) reporter.messages.push(...(edition ? editionWarnings(edition, library, own.warnings) : own.warnings));
    throw e;
  }
}
