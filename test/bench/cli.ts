/**
 * Which `edition` the bench runs, and what it can do: the compiled CLI
 * (lib/cli/bin.js), as users run it; `npm run bench` compiles first. The
 * content cache is detected from `edition build --help`, so the bench also
 * runs against an older checkout that has none.
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

/** lib/cli/bin.js; an error that says how to make it when it has not been compiled. */
export function editionCli(repo: string): EditionCli {
  const compiled = path.join(repo, 'lib/cli/bin.js');
  if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run compile\` (npm run bench does)`);
  return { argv: [process.execPath, compiled], label: 'node lib/cli/bin.js (compiled)' };
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
