#!/usr/bin/env node
// Compiles src/ into lib/ (tsconfig.build.json) unless lib/ is already newer
// than every source: `npm run build`, `npm test` and `prepare` all call this,
// and a check by file times costs milliseconds where even an up-to-date
// `tsc -b` spends most of a second loading the compiler.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(ROOT, 'lib/.tsbuildinfo');
const BIN = path.join(ROOT, 'lib/cli/bin.js');

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
  if (!fs.existsSync(STAMP) || !fs.existsSync(BIN)) return false;
  const inputs = Math.max(newest(path.join(ROOT, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs));
  return fs.statSync(STAMP).mtimeMs >= inputs;
}

if (process.argv.includes('--force') || !upToDate()) {
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-b', path.join(ROOT, 'tsconfig.build.json'), ...(process.argv.includes('--force') ? ['--force'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // tsc -b leaves the stamp alone when it finds nothing to do (a touched but unchanged file): touch it so the next check is cheap.
  const now = new Date();
  fs.utimesSync(STAMP, now, now);
  // npm makes bin files executable only when it links them; a clone runs lib/cli/bin.js directly too.
  fs.chmodSync(BIN, 0o755);
}
