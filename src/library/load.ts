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
}

export interface LoadOptions {
  projectRoot?: string;
  reporter: Reporter;
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
  const warningsFrom = options.reporter.messages.length;
  for (const file of sourceFiles(dir)) {
    if (!file.endsWith('.md')) {
      options.reporter.warn('sources-not-markdown', 'not a .md file; skipped', { file });
      continue;
    }
    try {
      const bytes = fs.readFileSync(file);
      const parsed = parseSource(file, bytes, { projectRoot, reporter: options.reporter });
      // Text steps run once here, not per edition: a library is parsed once per run.
      for (const [, step] of textSteps) step(parsed.text, { unanchoredNotes: parsed.unanchoredNotes, reporter: options.reporter });
      sources.push(parsed);
    } catch (e) {
      if (e instanceof InputError) fatal.push(...e.messages);
      else throw e;
    }
  }
  const byId = new Map<string, ParsedSource>();
  for (const s of sources) {
    const other = byId.get(s.text.meta.id);
    if (other) {
      fatal.push({ severity: 'error', rule: 'id-duplicate', reason: `id \`${s.text.meta.id}\` is already used by ${other.text.file}`, file: s.text.file, line: 1, column: 1 });
    } else byId.set(s.text.meta.id, s);
  }
  fatal.push(...options.reporter.errors);
  if (fatal.length > 0) throw new InputError(fatal);
  return {
    dir,
    sources,
    warnings: options.reporter.messages.slice(warningsFrom).filter((m) => m.severity === 'warning'),
    byId,
    byFile: new Map(sources.map((s) => [path.resolve(s.text.file), s])),
  };
}
