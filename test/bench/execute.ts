/**
 * Running a step of the plan: its cases alternate run by run (A, B, A, B …),
 * so that whatever else the shared machine does at a moment hits both sides
 * of a comparison alike. A case whose first run is slow repeats fewer times.
 */
import fs from 'node:fs';
import type { Case, Step } from './cases.js';
import { folderBytes, folderPages, summarize, timeCommand, type Sample } from './measure.js';
import type { CaseResult } from './table.js';

export interface RunSettings {
  gnuTime: boolean;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** A case whose first run takes longer than this … */
  slowSeconds: number;
  /** … runs at most this many times. */
  slowRuns: number;
  /** Caches known to be filled, as "<cache folder>#<format>": kept across steps. */
  filled: Set<string>;
}

/** Empties a case's output folder (pandoc wants it to exist). */
function freshOut(c: Case): void {
  if (!c.outDir) return;
  fs.rmSync(c.outDir, { recursive: true, force: true });
  fs.mkdirSync(c.outDir, { recursive: true });
}

const cacheKey = (c: Case) => `${c.cacheDir}#${c.format ?? ''}`;
const usesCache = (c: Case) => c.cacheDir !== undefined && c.mode !== 'no-cache';

/**
 * A cold run starts without the cache (what a first build costs; it writes
 * the cache, as a user's first build does), so the folder goes and with it
 * every format's entries.
 */
function dropCache(c: Case, settings: RunSettings): void {
  if (c.mode !== 'cold' || !c.cacheDir) return;
  fs.rmSync(c.cacheDir, { recursive: true, force: true });
  for (const key of settings.filled) if (key.startsWith(`${c.cacheDir}#`)) settings.filled.delete(key);
}

/**
 * A warm (or edited) case needs the cache filled for its format: a PDF's
 * typeset texts are not there after EPUB builds. When no run of this format
 * filled it (its cold step left out by BENCH_ONLY), one untimed run does.
 */
function warmUp(c: Case, settings: RunSettings): void {
  if ((c.mode !== 'warm' && c.mode !== 'edited') || !c.cacheDir || settings.filled.has(cacheKey(c))) return;
  settings.log(`${c.name}: an untimed run to fill the cache`);
  freshOut(c);
  if (!('seconds' in timeCommand(c.argv, c.cwd, false, settings.env))) return;
  settings.filled.add(cacheKey(c));
}

/** Runs the cases of one step, alternating; one result per case, in the step's order. */
export function runStep(cases: readonly Case[], settings: RunSettings): CaseResult[] {
  const samples = cases.map((): Sample[] => []);
  const failures = cases.map((): string | undefined => undefined);
  const target = cases.map((c) => c.runs);
  for (const c of cases) warmUp(c, settings);
  const pending = (k: number, run: number) => run < target[k]! && !failures[k];
  for (let run = 0; cases.some((_, k) => pending(k, run)); run++) {
    cases.forEach((c, k) => {
      if (!pending(k, run)) return;
      freshOut(c);
      dropCache(c, settings);
      c.before?.(run);
      const r = timeCommand(c.argv, c.cwd, settings.gnuTime, settings.env);
      if (!('seconds' in r)) {
        failures[k] = `failed (exit ${r.code}): ${r.message}`;
        settings.log(`${c.name}: ${failures[k]}`);
        return;
      }
      samples[k]!.push(r);
      if (usesCache(c)) settings.filled.add(cacheKey(c));
      if (run === 0 && r.seconds > settings.slowSeconds) target[k] = Math.min(target[k]!, settings.slowRuns);
      settings.log(`${c.name}: run ${run + 1}/${target[k]} ${r.seconds.toFixed(2)} s`);
    });
  }
  return cases.map((c, k) => resultOf(c, samples[k]!, failures[k]));
}

/** A case's result: its key, the summary of its runs, and what the last run wrote. */
function resultOf(c: Case, samples: Sample[], failure: string | undefined): CaseResult {
  const { tool, scale, format, mode, name, command, sourceBytes } = c;
  const result: CaseResult = { tool, name, command, ...(scale !== undefined ? { scale } : {}), ...(format ? { format } : {}), ...(mode ? { mode } : {}), ...(sourceBytes !== undefined ? { sourceBytes } : {}) };
  if (failure || !samples.length) return { ...result, failure: failure ?? 'no run' };
  result.summary = summarize(samples);
  if (c.outDir) {
    result.outBytes = folderBytes(c.outDir);
    const pages = format === 'pdf' ? folderPages(c.outDir) : undefined;
    if (pages !== undefined) result.pages = pages;
  }
  return result;
}

/** Keeps the cases whose name matches (BENCH_ONLY); a step left empty disappears. */
export function selected(steps: readonly Step[], only: RegExp | undefined): Step[] {
  if (!only) return [...steps];
  return steps.flatMap((s): Step[] => {
    if ('skipped' in s) return only.test(s.skipped.name) ? [s] : [];
    const cases = s.cases.filter((c) => only.test(c.name));
    return cases.length ? [{ cases }] : [];
  });
}
