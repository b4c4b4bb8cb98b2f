/**
 * Where packages' files are: this package's package.json, templates/ and
 * compiled worker scripts, and the installed version of a dependency. Found
 * by walking up to the package.json with the package's name, not by a fixed
 * "../.." — the compiled CLI is bundled into chunks (scripts/compile.mjs),
 * so a module no longer sits at the depth its source file had.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Found {
  dir: string;
  version: string;
}

/** The nearest folder at or above `start` whose package.json is named `name`, and the version it gives. */
function findPackage(start: string, name: string): Found | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (json.name === name) return { dir, version: json.version ?? '?' };
      } catch {
        // an unreadable package.json on the way up is not the one; keep looking
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const own = findPackage(here, 'edition');
if (!own) throw new Error(`edition: no package.json named "edition" above ${here}`);

/** The package's root folder, wherever it is installed or cloned. */
export const PACKAGE_ROOT = own.dir;

/** The version in the package's own package.json (what `edition --version` prints). */
export const PACKAGE_VERSION = own.version;

const require = createRequire(import.meta.url);

/**
 * The installed version of dependency `pkg`, from its package.json (pdfkit
 * and fontkit do not export that file), without loading the package; '?'
 * when it is not installed, so a cache key still differs from any installed version's.
 */
export function dependencyVersion(pkg: string): string {
  try {
    return findPackage(path.dirname(require.resolve(pkg)), pkg)?.version ?? '?';
  } catch {
    return '?';
  }
}

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
