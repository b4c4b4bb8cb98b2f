/**
 * Vitest global setup: compiles src/ into lib/ once before the run, because
 * tests that spawn the CLI run the compiled lib/cli/bin.js as users do
 * (scripts/compile.mjs skips the compiler when lib/ is newer than src/).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/compile.mjs', import.meta.url))], { stdio: 'inherit' });
}
