/**
 * The library: every source of a folder, parsed once per run. Selections
 * (editions) draw texts from it; a text is never parsed twice for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, Reporter, type Message } from '../model/messages.js';
import { parseSource, type ParsedSource } from '../parse/source.js';
import { textSteps } from '../transforms/index.js';
import type { ContentCache } from '../cache/types.js';
import { parseKey, readParseEntry, writeParseEntry, type ParseEntry } from '../cache/parsed.js';
import { withProbes } from '../cache/probes.js';

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
  /** Files parsed in this load, and files served by the cache (for tests and the bench). */
  parsed: string[];
  cached: string[];
}

export interface LoadOptions {
  projectRoot?: string;
  reporter: Reporter;
  /** Parsed texts from earlier runs (src/cache/parsed.ts); undefined: parse everything. */
  cache?: ContentCache;
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
  const parsedFiles: string[] = [];
  const cachedFiles: string[] = [];
  for (const file of sourceFiles(dir)) {
    if (!file.endsWith('.md')) {
      options.reporter.warn('sources-not-markdown', 'not a .md file; skipped', { file });
      continue;
    }
    const bytes = fs.readFileSync(file);
    const key = options.cache && parseKey(file, bytes, projectRoot);
    let entry = key ? readParseEntry(options.cache!, key, projectRoot) : undefined;
    if (entry) cachedFiles.push(file);
    else {
      entry = parseAndCheck(file, bytes, projectRoot);
      parsedFiles.push(file);
      if (key) writeParseEntry(options.cache!, key, entry, projectRoot);
    }
    // A hit reports what the parse reported, in the same order: a cached build prints what a cold one prints.
    options.reporter.messages.push(...entry.messages);
    if (entry.thrown) fatal.push(...entry.thrown);
    else sources.push(entry.parsed!);
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
    parsed: parsedFiles,
    cached: cachedFiles,
  };
}

/** Parses one source and runs the text steps, keeping its messages and file-system probes apart for the cache. */
function parseAndCheck(file: string, bytes: Buffer, projectRoot: string): ParseEntry {
  const reporter = new Reporter();
  const { result, probes } = withProbes(() => {
    try {
      const parsed = parseSource(file, bytes, { projectRoot, reporter });
      // Text steps run once here, not per edition: a library is parsed once per run.
      for (const [, step] of textSteps) step(parsed.text, { unanchoredNotes: parsed.unanchoredNotes, reporter });
      return { parsed };
    } catch (e) {
      if (e instanceof InputError) return { thrown: e.messages };
      throw e;
    }
  });
  return { ...result, messages: reporter.messages, probes };
}
