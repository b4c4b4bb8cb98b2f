#!/usr/bin/env node
// Compiles src/ into lib/, in two steps:
//
// 1. tsc (tsconfig.build.json) type-checks and writes the declarations
//    (lib/**/*.d.ts) that the package's "types" point to; no JavaScript.
// 2. esbuild bundles the JavaScript: one file per entry point (the CLI, the
//    API, the worker threads) at the path its source has under src/, and the
//    code they share in lib/chunks/. A build used to load about 640 files
//    (ours and our dependencies'); Node spends most of a command's start-up
//    opening, resolving and compiling modules one by one, and a bundle is
//    read in a few files (measured in the commit that introduced this).
//    Dependencies stay outside the bundle where they must: native code
//    (resvg), packages that read their own data files next to their code
//    (pdfkit's font metrics, yargs' locales) and what only a PDF needs, which
//    is loaded lazily anyway (see EXTERNAL below).
//
// Skipped when lib/ is newer than every source: `npm run build`, `npm test`
// and `prepare` all call this, and a check by file times costs milliseconds
// where even an up-to-date `tsc -b` spends most of a second loading the compiler.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIB = path.join(ROOT, 'lib');
const STAMP = path.join(LIB, '.tsbuildinfo');
const BIN = path.join(LIB, 'cli/bin.js');
/** Which sources and packages each bundled file holds (written by bundle()). */
const CONTENTS = path.join(LIB, '.bundle-contents.json');

/** Entry points, by their path under lib/ without extension: each gets its own file there. */
const ENTRIES = {
  'cli/bin': 'src/cli/bin.ts',
  index: 'src/index.ts',
  'edition/worker': 'src/edition/worker.ts',
  'render/pdf/typeset-worker': 'src/render/pdf/typeset-worker.ts',
};

/**
 * Packages loaded from node_modules at run time rather than bundled: native
 * bindings, packages that find data files through their own __dirname or
 * import.meta.url, and the PDF stack (large, and only a PDF build loads it).
 */
const EXTERNAL = [
  '@resvg/resvg-js',
  'pdfkit',
  'fontkit',
  'pdf-lib',
  'bwip-js',
  'hyphen',
  'tex-linebreak',
  'bidi-js',
  'yargs',
  'tsx',
];

/**
 * epub-gen-memory loads two things at start-up that edition never uses:
 * `ow`, which validates options that our own code builds (its browser build
 * swaps in predicates-nop.js, listed in its package.json "browser" field —
 * we take the same file), and node-fetch, for downloading http(s) images,
 * while edition hands it only file: URLs (src/render/epub/package.ts), which
 * it reads with fs. Loading both cost about 60 ms of every EPUB build;
 * node-fetch is still loaded on first use should a remote URL ever reach it.
 */
const epubGenMemoryTrim = {
  name: 'epub-gen-memory-trim',
  setup(b) {
    b.onResolve({ filter: /^\.\/predicates$/ }, (args) =>
      args.importer.includes(`${path.sep}epub-gen-memory${path.sep}`) ? { path: path.join(path.dirname(args.importer), 'predicates-nop.js') } : undefined,
    );
    b.onResolve({ filter: /^node-fetch$/ }, (args) =>
      args.importer.includes(`${path.sep}epub-gen-memory${path.sep}`) ? { path: 'lazy-node-fetch', namespace: 'edition' } : undefined,
    );
    b.onLoad({ filter: /^lazy-node-fetch$/, namespace: 'edition' }, () => ({
      loader: 'js',
      contents: `let fetch;
module.exports = function lazyFetch(...args) {
  fetch ??= require('node:module').createRequire(require.resolve('epub-gen-memory'))('node-fetch');
  return (fetch.default ?? fetch)(...args);
};`,
    }));
  },
};

/**
 * gray-matter loads js-yaml for its default YAML engine, and js-yaml in turn
 * loads esprima (280 KB) if it is installed; edition only lets gray-matter
 * split the front matter off (with an engine that parses nothing) and reads
 * the YAML with the yaml package, keeping positions (src/parse/frontmatter.ts).
 * So the bundle gives gray-matter a js-yaml that says so if it is ever called.
 */
const grayMatterWithoutJsYaml = {
  name: 'gray-matter-without-js-yaml',
  setup(b) {
    b.onResolve({ filter: /^js-yaml$/ }, (args) => (args.importer.includes(`${path.sep}gray-matter${path.sep}`) ? { path: 'no-js-yaml', namespace: 'edition' } : undefined));
    b.onLoad({ filter: /^no-js-yaml$/, namespace: 'edition' }, () => ({
      loader: 'js',
      contents: `const unused = () => { throw new Error("edition: gray-matter's js-yaml engine is not bundled; front matter is read with the yaml package (src/parse/frontmatter.ts)"); };
module.exports = { safeLoad: unused, safeDump: unused, load: unused, dump: unused };`,
    }));
  },
};

/** Newest modification time under `dir`, folders included (a deleted or renamed file changes its folder). */
function newest(dir) {
  let max = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return max;
}

function upToDate() {
  if (!fs.existsSync(STAMP) || !fs.existsSync(BIN) || !fs.existsSync(CONTENTS)) return false;
  const inputs = Math.max(newest(path.join(ROOT, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/compile.mjs'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs));
  return fs.statSync(STAMP).mtimeMs >= inputs;
}

/** JavaScript files under lib/ (a previous layout's or bundle's), removed before a new bundle is written. */
function removeScripts(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removeScripts(full);
    else if (/\.(js|js\.map)$/.test(entry.name)) fs.rmSync(full);
  }
}

async function bundle() {
  const { build } = await import('esbuild');
  removeScripts(LIB);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: LIB,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    // Bundled CommonJS modules call require() for Node's own modules; an ES module has none of its own.
    banner: { js: "import { createRequire as __edition_createRequire } from 'node:module';\nconst require = __edition_createRequire(import.meta.url);" },
    // Class and function names stay as written (messages and tests name them).
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [epubGenMemoryTrim, grayMatterWithoutJsYaml],
    metafile: true,
  });
  // What each file of lib/ holds (sources and packages, relative to the package root): how
  // test/cli/modules.test.ts tells which packages a command loaded, now that most come in chunks.
  const contents = {};
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (out.endsWith('.js')) contents[path.relative(LIB, path.resolve(ROOT, out))] = Object.keys(meta.inputs).sort();
  }
  fs.writeFileSync(CONTENTS, JSON.stringify(contents, null, 1) + '\n');
}

if (process.argv.includes('--force') || !upToDate()) {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-b', path.join(ROOT, 'tsconfig.build.json'), ...(process.argv.includes('--force') ? ['--force'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  await bundle();
  // tsc -b leaves the stamp alone when it finds nothing to do (a touched but unchanged file): touch it so the next check is cheap.
  const now = new Date();
  fs.utimesSync(STAMP, now, now);
  // npm makes bin files executable only when it links them; a clone runs lib/cli/bin.js directly too.
  fs.chmodSync(BIN, 0o755);
}
