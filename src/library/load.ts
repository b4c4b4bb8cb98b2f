/**
 * The library: every source of a folder, parsed once per run. Selections
 * (editions) draw texts from it; a text is never parsed twice for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, Reporter, type Message } from '../model/messages.js';
import { parseSource, type ParsedSource } from '../parse/source.js';
import { textSteps } from '../transforms/index.js';

export interface Library {
  dir: string;
  /** Parsed sources in file-name order. */
  sources: ParsedSource[];
  byId: Map<string, ParsedSource>;
  byFile: Map<string, ParsedSource>;
  /**
   * Warnings found while loading, per file. A build reports only those of the
   * texts it builds (and `--strict` fails only on those); `edition check`
   * is the command for the whole library.
   */
  warnings: Message[];
  /** Sources with errors, left out of the library when it was loaded `tolerant`. */
  broken: BrokenSource[];
}

/** A source that failed to parse, and the ids an edition might know it by. */
export interface BrokenSource {
  file: string;
  /** The file name's id, and the front matter's `id:` if it can be read. */
  ids: string[];
  messages: Message[];
}

export interface LoadOptions {
  projectRoot?: string;
  reporter: Reporter;
  /**
   * Keep going past broken sources: they are left out and listed in
   * `broken`, so a build fails only the editions that might hold them. A
   * duplicate id still fails the whole library (which text is meant?).
   */
  tolerant?: boolean;
}

/** Ids a broken source may go by: its file name, and an `id:` line of its front matter. */
function idsOf(file: string): string[] {
  const ids = [path.basename(file, '.md')];
  try {
    const own = /^id:[ \t]*["']?([a-z0-9][a-z0-9._-]*)/m.exec(fs.readFileSync(file, 'latin1').slice(0, 4096))?.[1];
    if (own && !ids.includes(own)) ids.push(own);
  } catch {
    // unreadable: its file name is all there is
  }
  return ids;
}

/** Lists the Markdown files of a sources folder, sorted for a stable order. */
export function sourceFiles(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new InputError([{ severity: 'error', rule: 'sources-missing', reason: 'sources folder not found', file: dir }]);
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/**
 * Parses every source; collects the errors of all files before failing, so a
 * user sees every broken file in one run.
 */
export function loadLibrary(dir: string, options: LoadOptions): Library {
  const projectRoot = options.projectRoot ?? path.dirname(path.resolve(dir));
  const sources: ParsedSource[] = [];
  const fatal: Message[] = [];
  const broken: BrokenSource[] = [];
  const warningsFrom = options.reporter.messages.length;
  for (const file of sourceFiles(dir)) {
    if (!file.endsWith('.md')) {
      options.reporter.warn('sources-not-markdown', 'not a .md file; skipped', { file });
      continue;
    }
    const errorsBefore = options.reporter.errors.length;
    let errors: Message[];
    try {
      const bytes = fs.readFileSync(file);
      const parsed = parseSource(file, bytes, { projectRoot, reporter: options.reporter });
      // Text steps run once here, not per edition: a library is parsed once per run.
      for (const [, step] of textSteps) step(parsed.text, { unanchoredNotes: parsed.unanchoredNotes, reporter: options.reporter });
      errors = options.reporter.errors.slice(errorsBefore);
      if (errors.length === 0) sources.push(parsed);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors = [...options.reporter.errors.slice(errorsBefore), ...e.messages];
    }
    if (errors.length) {
      if (options.tolerant) broken.push({ file, ids: idsOf(file), messages: errors });
      else fatal.push(...errors);
    }
  }
  const byId = new Map<string, ParsedSource>();
  for (const s of sources) {
    const other = byId.get(s.text.meta.id);
    if (other) {
      fatal.push({ severity: 'error', rule: 'id-duplicate', reason: `id \`${s.text.meta.id}\` is already used by ${other.text.file}`, file: s.text.file, line: 1, column: 1 });
    } else byId.set(s.text.meta.id, s);
  }
  if (fatal.length > 0) throw new InputError(fatal);
  return {
    dir,
    sources,
    warnings: options.reporter.messages.slice(warningsFrom).filter((m) => m.severity === 'warning'),
    broken,
    byId,
    byFile: new Map(sources.map((s) => [path.resolve(s.text.file), s])),
  };
}
