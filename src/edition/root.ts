/**
 * The project root: the folder a library lives in. Its `templates/` are
 * searched for looks, its `sources/` and `editions/` are the defaults, and no
 * link or image of a source may lead out of it. It is found from what the
 * user named, not from the working folder, so `cd /elsewhere && edition build
 * /lib/editions/x.yaml` builds the library in /lib (issue 8, item 2).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RootHints {
  /** A sources folder the user named (`--sources`, the API's `sourcesDir`). */
  sourcesDir?: string | undefined;
  /** Manifest files the user named; the first one decides. */
  manifests?: readonly string[] | undefined;
  /** Where the user stands; relative hints resolve against it. */
  cwd?: string;
}

/**
 * The project root, decided in this order:
 * 1. a named sources folder: its parent (`/lib/sources` → `/lib`);
 * 2. a named manifest: the nearest folder, from the manifest's own upwards,
 *    that holds a `sources/` folder (`/lib/editions/x.yaml` → `/lib`);
 * 3. otherwise the working folder.
 */
export function findProjectRoot(hints: RootHints): string {
  const cwd = path.resolve(hints.cwd ?? process.cwd());
  if (hints.sourcesDir !== undefined) return path.dirname(path.resolve(cwd, hints.sourcesDir));
  const manifest = hints.manifests?.[0];
  if (manifest !== undefined) {
    for (let dir = path.dirname(path.resolve(cwd, manifest)); ; dir = path.dirname(dir)) {
      if (isDirectory(path.join(dir, 'sources'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  return cwd;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export interface Layout {
  root: string;
  sourcesDir: string;
  outDir: string;
}

/**
 * Where a build reads and writes. Folders the caller names resolve against an
 * explicit `projectRoot` if one is given, else against the working folder
 * (as a shell user typed them); folders left out are the root's `sources/`
 * and `dist/`.
 */
export function resolveLayout(options: { projectRoot?: string | undefined; sourcesDir?: string | undefined; outDir?: string | undefined }, manifests: readonly string[] = []): Layout {
  const base = path.resolve(options.projectRoot ?? process.cwd());
  const sourcesDir = options.sourcesDir === undefined ? undefined : path.resolve(base, options.sourcesDir);
  const root = options.projectRoot !== undefined ? base : findProjectRoot({ sourcesDir, manifests });
  return {
    root,
    sourcesDir: sourcesDir ?? path.join(root, 'sources'),
    outDir: options.outDir === undefined ? path.join(root, 'dist') : path.resolve(base, options.outDir),
  };
}
