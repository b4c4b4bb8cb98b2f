/**
 * Timing one whole command as a user runs it: a spawned process, wall-clock
 * time from spawn to exit, and its peak resident memory from GNU time
 * (`/usr/bin/time -f %M`, kilobytes; the largest of the process and the
 * children it waited for, so pandoc's pdflatex counts). Node cannot read a
 * child's rusage itself, so without GNU time the peak is unknown (n/a).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';

/** One timed run. */
export interface Sample {
  seconds: number;
  /** Peak RSS in kilobytes; undefined when GNU time is missing. */
  maxRssKb?: number;
}

export interface RunFailure {
  code: number | null;
  /** The last lines of the command's stderr: enough to see what went wrong. */
  message: string;
}

/** True when GNU time is there and understands -f/-o (busybox's does not take -o). */
export function hasGnuTime(): boolean {
  const probe = spawnSync(GNU_TIME, ['-f', '%M', '-o', '/dev/null', 'true'], { stdio: 'ignore' });
  return probe.status === 0;
}

/**
 * The peak RSS from GNU time's -o file. When the command fails GNU time puts
 * "Command exited with non-zero status N" first, so the number is the last line.
 */
export function parseMaxRss(text: string): number | undefined {
  const last = text.trim().split('\n').pop()?.trim() ?? '';
  return /^\d+$/.test(last) ? Number(last) : undefined;
}

/** Runs argv[0] with the rest as arguments in cwd; a Sample, or why it failed. */
export function timeCommand(argv: readonly string[], cwd: string, gnuTime: boolean, env: NodeJS.ProcessEnv = process.env): Sample | RunFailure {
  const rssFile = path.join(os.tmpdir(), `edition-bench-rss-${process.pid}.txt`);
  const [cmd, ...args] = gnuTime ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  // stdout is thrown away (what a user sees in a pipe costs nothing to keep);
  // stderr is kept to say why a run failed. GNU time's own exec adds about 1 ms.
  const t0 = performance.now();
  const r = spawnSync(cmd!, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  let rss: number | undefined;
  if (gnuTime) {
    rss = parseMaxRss(fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8') : '');
    fs.rmSync(rssFile, { force: true });
  }
  if (r.error || r.status !== 0) {
    const stderr = r.error ? String(r.error.message) : r.stderr.toString();
    return { code: r.status, message: stderr.trim().split('\n').slice(-2).join(' | ') || `exit ${r.status}` };
  }
  return rss === undefined ? { seconds } : { seconds, maxRssKb: rss };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What a case's runs add up to: min and median seconds, the highest peak RSS. */
export interface Summary {
  runs: number;
  min: number;
  median: number;
  maxRssKb?: number;
}

export function summarize(samples: readonly Sample[]): Summary {
  const times = samples.map((s) => s.seconds);
  const rss = samples.map((s) => s.maxRssKb).filter((k): k is number => k !== undefined);
  return { runs: samples.length, min: Math.min(...times), median: median(times), ...(rss.length ? { maxRssKb: Math.max(...rss) } : {}) };
}

/** Total bytes of the files in a folder (recursively); 0 when it does not exist. */
export function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
  }
  return total;
}

/** The page count from `pdfinfo` output ("Pages:  429"). */
export function parsePdfinfoPages(text: string): number | undefined {
  const m = /^Pages:\s+(\d+)\s*$/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Pages of every PDF in a folder, counted the same way for edition and
 * pdflatex (pdfinfo); undefined when there is no PDF or no pdfinfo.
 */
export function folderPages(dir: string): number | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const pdfs = fs.readdirSync(dir).filter((f) => f.endsWith('.pdf'));
  let total = 0;
  for (const pdf of pdfs) {
    const r = spawnSync('pdfinfo', [path.join(dir, pdf)], { encoding: 'utf8' });
    const pages = r.status === 0 ? parsePdfinfoPages(r.stdout) : undefined;
    if (pages === undefined) return undefined;
    total += pages;
  }
  return pdfs.length ? total : undefined;
}
