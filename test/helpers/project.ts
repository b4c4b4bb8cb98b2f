/**
 * Temporary project folders for tests that run the real `edition` CLI (or the
 * library API) the way a user would: a folder with its own sources/, editions/
 * and output folder, while templates resolve from the package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

/** The package root (where package.json, src/ and templates/ live). */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The compiled CLI entry point (built by vitest's global setup), run with plain `node` like an installed `edition`. */
export const CLI = path.join(REPO, 'lib/cli/bin.js');
/** Whether the PDF renderer has landed; PDF assertions are skipped until it has. */

export type FileContent = string | Uint8Array;

/** A source file: YAML front matter (an object, or raw YAML text) and a Markdown body. */
export function source(fields: Record<string, unknown> | string, body: string): string {
  const yaml = typeof fields === 'string' ? fields : stringify(fields).trimEnd();
  return `---\n${yaml}\n---\n\n${body}`;
}

/** An edition manifest as YAML; EPUB only unless `formats` is given. */
export function manifest(fields: Record<string, unknown>): string {
  return stringify({ lang: 'de', template: 'buch', formats: ['epub'], ...fields });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Kill the process (SIGKILL) after this many milliseconds; default 120 s. */
  timeoutMs?: number;
}

/** Environment for a child CLI: no colours, no CI-dependent behaviour leaking in from the test runner. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  // vitest sets these in its workers; a CLI child must not think it runs under a test runner.
  for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'TEST') delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Starts the CLI in `cwd` without waiting (for tests that kill it). */
export function spawnCli(cwd: string, args: string[], options: RunOptions = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Waits for a started CLI and collects its output. */
export function collect(child: ChildProcess, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs `edition <args>` in `cwd` and waits for it. */
export function runCli(cwd: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
  return collect(spawnCli(cwd, args, options), options.timeoutMs);
}

/** Relative path → SHA-256 of every file under `dir` (recursively), sorted by path; empty when `dir` is missing. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    const abs = path.join(dir, rel);
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out[r] = sha256(fs.readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return out;
}

export const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

/** A diagnostic line as the CLI prints it: `file:line:col: severity: reason [rule]`. */
export const DIAGNOSTIC = /^(.+?):(\d+):(\d+): (error|warning): (.+) \[([a-z0-9-]+)\]$/;

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  reason: string;
  rule: string;
  raw: string;
}

/** The diagnostic lines of a CLI's stderr; other lines are returned in `other`. */
export function diagnostics(stderr: string): { messages: Diagnostic[]; other: string[] } {
  const messages: Diagnostic[] = [];
  const other: string[] = [];
  for (const raw of stderr.split('\n')) {
    if (raw.trim() === '') continue;
    const m = DIAGNOSTIC.exec(raw);
    if (!m) other.push(raw);
    else messages.push({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), severity: m[4] as Diagnostic['severity'], reason: m[5]!, rule: m[6]!, raw });
  }
  return { messages, other };
}

/** A temporary project folder; `remove()` it when done. */
export class TempProject {
  readonly dir: string;

  constructor(files: Record<string, FileContent> = {}, prefix = 'edition-test-') {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    fs.mkdirSync(this.path('sources'));
    fs.mkdirSync(this.path('editions'));
    for (const [rel, content] of Object.entries(files)) this.write(rel, content);
  }

  path(...rel: string[]): string {
    return path.join(this.dir, ...rel);
  }

  write(rel: string, content: FileContent): string {
    const file = this.path(rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  read(rel: string): Buffer {
    return fs.readFileSync(this.path(rel));
  }

  exists(rel: string): boolean {
    return fs.existsSync(this.path(rel));
  }

  /** Runs the CLI in this folder. */
  run(args: string[], options?: RunOptions): Promise<CliResult> {
    return runCli(this.dir, args, options);
  }

  /** Copies a folder of another project (e.g. a previous good build) into this one. */
  copyFrom(from: string, rel: string): void {
    fs.cpSync(from, this.path(rel), { recursive: true });
  }

  snapshot(rel = 'dist'): Record<string, string> {
    return snapshotDir(this.path(rel));
  }

  /** Names in a folder of the project (sorted), e.g. to look for stray temporaries. */
  list(rel = 'dist'): string[] {
    return fs.existsSync(this.path(rel)) ? fs.readdirSync(this.path(rel)).sort() : [];
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Deterministic German-like prose with footnotes, for size and kill tests. */
export function germanProse(options: { bytes: number; notesEvery?: number; seed?: number }): { body: string; notes: number } {
  const words = [
    'die', 'Arbeiter', 'und', 'Bauern', 'haben', 'Macht', 'übernommen', 'Sowjets', 'Räte', 'Genossen', 'Partei', 'Revolution',
    'Frieden', 'Land', 'Brot', 'gegen', 'Krieg', 'Regierung', 'Kongress', 'Beschluss', 'größere', 'Straße', 'Bewegung', 'Zukunft',
    'Klassenkampf', 'Selbstverwaltung', 'Fabrikkomitees', 'Gewerkschaften', 'Verteidigung', 'Übergangszeit', 'Ökonomie', 'Äußerung',
    'wird', 'wurde', 'nicht', 'aber', 'auch', 'noch', 'schon', 'im', 'der', 'des', 'dem', 'einer', 'vom', 'zur', 'für', 'über',
  ];
  let seed = options.seed ?? 1917;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = () => words[Math.floor(rnd() * words.length)]!;
  const every = options.notesEvery ?? 8;
  const paragraphs: string[] = [];
  const defs: string[] = [];
  let size = 0;
  let n = 0;
  while (size < options.bytes) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(rnd() * 6);
    for (let s = 0; s < count; s++) {
      const len = 6 + Math.floor(rnd() * 14);
      const w = Array.from({ length: len }, pick);
      w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
      if (rnd() < 0.2) w[2] = `„${w[2]}“`;
      if (rnd() < 0.1) w[4] = `*${w[4]}*`;
      sentences.push(`${w.join(' ')}.`);
    }
    let p = sentences.join(' ');
    if (every > 0 && paragraphs.length % every === 0) {
      n++;
      p += `[^${n}]`;
      defs.push(`[^${n}]: Anmerkung ${n}: ${Array.from({ length: 8 }, pick).join(' ')}.`);
    }
    if (paragraphs.length % 40 === 39) p = `## Abschnitt ${paragraphs.length + 1}\n\n${p}`;
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return { body: `${paragraphs.join('\n\n')}\n\n${defs.join('\n\n')}\n`, notes: n };
}
