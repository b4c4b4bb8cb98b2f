/**
 * Which `edition` the bench runs, and what it can do. The compiled CLI
 * (lib/cli/bin.js, issue 9 item 1) is what users run once it exists; before
 * that it is the TypeScript entry through tsx (src/cli/bin.mjs). The content
 * cache (item 6) is detected from `edition build --help`, so the bench runs
 * against any state of the code.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface EditionCli {
  /** The command line that starts it: node and the entry script (absolute). */
  argv: string[];
  /** How the table names it. */
  label: string;
}

/** lib/cli/bin.js when it has been compiled, else src/cli/bin.mjs. */
export function editionCli(repo: string): EditionCli {
  const compiled = path.join(repo, 'lib/cli/bin.js');
  if (fs.existsSync(compiled)) return { argv: [process.execPath, compiled], label: 'node lib/cli/bin.js (compiled)' };
  return { argv: [process.execPath, path.join(repo, 'src/cli/bin.mjs')], label: 'node src/cli/bin.mjs (TypeScript through tsx)' };
}

/**
 * Whether `edition build --help` offers the cache switch. yargs lists a
 * boolean that defaults to true as `--cache`, one declared by its negation as
 * `--no-cache`; either means `--no-cache` works.
 */
export function helpHasCache(help: string): boolean {
  return /(^|\s)--(no-)?cache(\s|,|$)/m.test(help);
}

/** Asks the CLI itself; false when the help cannot be read. */
export function detectCache(cli: EditionCli, cwd: string): boolean {
  const r = spawnSync(cli.argv[0]!, [...cli.argv.slice(1), 'build', '--help'], { cwd, encoding: 'utf8' });
  return r.status === 0 && helpHasCache(r.stdout);
}

/** The file `import('edition')` loads: package.json's exports["."] (import/default condition). */
export function packageEntry(repo: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { exports?: unknown; main?: string };
  return path.join(repo, entryOf(pkg.exports) ?? pkg.main ?? 'index.js');
}

/** The path behind an `exports` field for `import`: a string, or the "." entry's import/default condition, possibly nested. */
export function entryOf(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (!exports || typeof exports !== 'object') return undefined;
  const map = exports as Record<string, unknown>;
  if ('.' in map) return entryOf(map['.']);
  for (const condition of ['import', 'node', 'default']) if (condition in map) return entryOf(map[condition]);
  return undefined;
}
