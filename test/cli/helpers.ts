/** Helpers for tests that run the real CLI in a throw-away project folder. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The compiled CLI (vitest's global setup compiles src/ into lib/ first), run with plain node as users do. */
export const BIN = path.join(REPO, 'lib/cli/bin.js');
export const FIXTURE_LIBRARY = path.join(REPO, 'test/fixtures/library');
export const SAMPLE_SOURCES = path.join(REPO, 'sources');

/** A temp project: sources/ (copied from `from`), editions/ with the given manifests, and nothing else. */
export function makeProject(options: { from?: string; editions?: Record<string, string>; templates?: Record<string, string> } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-test-'));
  fs.cpSync(options.from ?? FIXTURE_LIBRARY, path.join(dir, 'sources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'editions'));
  for (const [name, body] of Object.entries(options.editions ?? {})) fs.writeFileSync(path.join(dir, 'editions', name), body);
  for (const [rel, body] of Object.entries(options.templates ?? {})) {
    const file = path.join(dir, 'templates', rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
  }
  return dir;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `edition …` as a child process in `cwd` (stdout is a pipe, so output is in its plain, non-TTY form). */
export function runCli(cwd: string, args: string[], env: Record<string, string> = {}): CliResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env, FORCE_COLOR: '0' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
