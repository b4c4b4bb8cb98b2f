/**
 * What a build prints, by situation:
 * - a terminal: which edition and format is being made, a bar for PDFs
 *   (their layout takes seconds), then one line per file;
 * - no terminal (CI, pipes): one plain line per finished file;
 * - --quiet: nothing but errors;
 * - --json: nothing until the end, then one machine-readable summary.
 * Errors and warnings always go to stderr; file lines and JSON to stdout.
 */
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';
import type { Format } from '../manifest/schema.js';
import type { OutputFile } from '../edition/build.js';
import { plural, userPath } from './errors.js';

export type OutputMode = 'tty' | 'plain' | 'quiet' | 'json';

export interface BuildOutput {
  start(edition: string, format: Format, info: { texts: number; words: number }): void;
  progress(edition: string, format: Format, pages: number): void;
  file(f: OutputFile): void;
  /** Stops any bar (before errors are printed, and at the end). */
  stop(): void;
}

/** Picks the mode from the flags and whether stdout is a terminal. */
export function outputMode(flags: { quiet?: boolean; json?: boolean }, stream: NodeJS.WriteStream = process.stdout): OutputMode {
  if (flags.json) return 'json';
  if (flags.quiet) return 'quiet';
  return stream.isTTY ? 'tty' : 'plain';
}

/** Sizes as people read them: 812 KiB, 1.4 MiB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** One line describing a written file, named relative to the working folder. */
export function fileLine(f: OutputFile): string {
  const facts = [formatBytes(f.bytes), f.pages !== undefined ? plural(f.pages, 'page') : '', plural(f.texts, 'text'), plural(f.notes, 'note')].filter(Boolean);
  return `${userPath(f.path)}  ${facts.join(', ')}`;
}

/** Rough pages of an A5 page of prose, only to size the progress bar (it grows if the guess is short). */
const WORDS_PER_PAGE = 300;

export function createOutput(mode: OutputMode, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WriteStream = process.stderr): BuildOutput {
  if (mode === 'quiet' || mode === 'json') return { start() {}, progress() {}, file() {}, stop() {} };
  if (mode === 'plain') return { start() {}, progress() {}, file: (f) => void out.write(`${fileLine(f)}\n`), stop() {} };
  // Bars and line clearing only where stderr is a terminal too (stdout may be one while stderr is piped).
  const live = Boolean(err.isTTY);
  let bar: cliProgress.SingleBar | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    start(edition, format, info) {
      stop();
      if (!live) return;
      if (format !== 'pdf') {
        err.write(`… ${edition}.${format}\r`);
        return;
      }
      // Loaded only for a bar on a terminal: piped and --json builds never draw one.
      const progress = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
      bar = new progress.SingleBar(
        { stream: err, clearOnComplete: true, hideCursor: true, format: `  ${edition}.pdf [{bar}] {value}/{total} pages`, barsize: 30 },
        progress.Presets.shades_classic,
      );
      bar.start(Math.max(1, Math.round(info.words / WORDS_PER_PAGE)), 0);
    },
    progress(_edition, _format, pages) {
      if (!bar) return;
      if (pages > bar.getTotal()) bar.setTotal(Math.ceil(pages * 1.1));
      bar.update(pages);
    },
    file(f) {
      stop();
      if (live) err.write('\x1b[2K');
      out.write(`✓ ${fileLine(f)}  (${(f.ms / 1000).toFixed(1)} s)\n`);
    },
    stop,
  };
}
