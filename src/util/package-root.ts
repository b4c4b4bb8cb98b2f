/**
 * Where the package's own files are: package.json, templates/, and the
 * compiled worker scripts in lib/. Found by walking up from this module to
 * the package.json named "edition", not by a fixed "../.." — the compiled
 * CLI is bundled into chunks (scripts/compile.mjs), so a module no longer
 * sits at the depth its source file had.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        if ((JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === 'edition') return dir;
      } catch {
        // an unreadable package.json on the way up is not ours; keep looking
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`edition: no package.json named "edition" above ${start}`);
  }
}

/** The package's root folder, wherever it is installed or cloned. */
export const PACKAGE_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Whether this process runs the TypeScript sources (tsx, vitest) rather than the compiled lib/. */
const RUNNING_SOURCES = import.meta.url.endsWith('.ts');

/**
 * A worker thread's entry script. `name` is its path under src/ or lib/
 * without extension (e.g. `edition/worker`): compiled, lib/<name>.js; from
 * the sources, src/<name>-tsx.mjs, a shim that registers tsx in the thread
 * first (`execArgv: ['--import', 'tsx']` does not reach a worker's entry on Node 20).
 */
export function workerScript(name: string): URL {
  const file = RUNNING_SOURCES ? path.join(PACKAGE_ROOT, 'src', `${name}-tsx.mjs`) : path.join(PACKAGE_ROOT, 'lib', `${name}.js`);
  return pathToFileURL(file);
}
