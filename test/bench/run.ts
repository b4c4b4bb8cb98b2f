/**
 * `npm run bench`: whole commands as a user runs them (spawned processes),
 * on generated projects (corpus.ts), against pandoc and pdflatex when they
 * are installed. Prints a table (table.ts) and the comparisons with issue
 * 9's targets (compare.ts); progress goes to stderr.
 *
 * Knobs (environment):
 *   BENCH_RUNS=3        timed runs per case (start-up cases: 5×)
 *   BENCH_QUICK=1       only ×1 and ×10 (a smoke run of a minute or two)
 *   BENCH_ONLY=regex    only the cases whose name matches
 *   BENCH_SLOW_RUNS=1   runs of a case whose first run took over 30 s (pdflatex
 *                       at ×50, the 100 selections): keeps the default run near 10 minutes
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectCache, editionCli, packageEntry } from './cli.js';
import { selections, wholeEdition, writeProject, type Project } from './corpus.js';
import { editedSteps, scaleSteps, selectionSteps, startupSteps, taggingSteps, type Case, type PlanOptions, type Step } from './cases.js';
import { comparisonLines } from './compare.js';
import { folderBytes, folderPages, hasGnuTime, summarize, timeCommand, type Sample } from './measure.js';
import { detectYardstick, pandocVersion } from './pandoc.js';
import { HEADER, formatTable, resultRow, type CaseResult } from './table.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = path.join(REPO, 'sources');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const SLOW_SECONDS = 30;
const SLOW_RUNS = Math.max(1, Number(process.env.BENCH_SLOW_RUNS ?? 1) || 1);
// Fixed dates make the outputs reproducible, so sizes compare across runs.
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', FORCE_COLOR: '0' };

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Empties a case's output folder (pandoc wants it to exist). */
function freshOut(c: Case): void {
  if (!c.outDir) return;
  fs.rmSync(c.outDir, { recursive: true, force: true });
  fs.mkdirSync(c.outDir, { recursive: true });
}

/** Runs the cases of one step, alternating run by run; one result per case. */
function runStep(cases: Case[], gnuTime: boolean): CaseResult[] {
  const samples = cases.map((): Sample[] => []);
  const failures = cases.map((): string | undefined => undefined);
  const target = cases.map((c) => c.runs);
  for (const c of cases) {
    const cacheDir = c.needsWarmCache;
    if (cacheDir && !(fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).length)) {
      log(`${c.name}: an untimed run to fill the cache`);
      freshOut(c);
      timeCommand(c.argv, c.cwd, false, ENV);
    }
  }
  for (let run = 0; cases.some((_, k) => run < target[k]! && !failures[k]); run++) {
    cases.forEach((c, k) => {
      if (run >= target[k]! || failures[k]) return;
      freshOut(c);
      c.before?.(run);
      const r = timeCommand(c.argv, c.cwd, gnuTime, ENV);
      if (!('seconds' in r)) {
        failures[k] = `failed (exit ${r.code}): ${r.message}`;
        log(`${c.name}: ${failures[k]}`);
        return;
      }
      samples[k]!.push(r);
      if (run === 0 && r.seconds > SLOW_SECONDS) target[k] = Math.min(target[k]!, SLOW_RUNS);
      log(`${c.name}: run ${run + 1}/${target[k]} ${r.seconds.toFixed(2)} s`);
    });
  }
  return cases.map((c, k): CaseResult => {
    const { argv: _argv, cwd: _cwd, outDir, before: _before, needsWarmCache: _warm, runs: _runs, ...key } = c;
    const measured: CaseResult = { ...key };
    if (failures[k] || !samples[k]!.length) measured.failure = failures[k] ?? 'no run';
    else measured.summary = summarize(samples[k]!);
    if (outDir && !measured.failure) {
      measured.outBytes = folderBytes(outDir);
      const pages = c.format === 'pdf' ? folderPages(outDir) : undefined;
      if (pages !== undefined) measured.pages = pages;
    }
    return measured;
  });
}

/** Keeps what BENCH_ONLY names; a step whose cases are all left out disappears. */
function selected(steps: Step[]): Step[] {
  if (!ONLY) return steps;
  return steps.flatMap((s): Step[] => {
    if ('skipped' in s) return ONLY.test(s.skipped.name) ? [s] : [];
    const cases = s.cases.filter((c) => ONLY.test(c.name));
    return cases.length ? [{ cases }] : [];
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const cli = editionCli(REPO);
  const gnuTime = hasGnuTime();
  const cache = detectCache(cli, REPO);
  const yardstick = detectYardstick();
  const entry = packageEntry(REPO);
  const opts: PlanOptions = { cli, repo: REPO, runs: RUNS, cache, yardstick };
  const notes = [
    `edition: ${cli.label}; import('edition') loads ${path.relative(REPO, entry)}`,
    `content cache: ${cache ? 'yes (cold = .edition-cache removed before each run; warm = the next runs)' : 'none in this edition (warm rows skipped)'}`,
    `peak RSS: ${gnuTime ? '/usr/bin/time -f %M (largest of the process and its children)' : 'n/a (no GNU time at /usr/bin/time)'}`,
    ...yardstick.notes,
  ];
  notes.forEach((n) => log(n));

  const projects: Project[] = [];
  const project = (copies: number, manifests: Parameters<typeof writeProject>[2]) => {
    const p = writeProject(SAMPLES, copies, manifests);
    projects.push(p);
    return p;
  };
  const results: CaseResult[] = [];
  try {
    const scales = QUICK ? [1, 10] : [1, 10, 50];
    const byScale = new Map(scales.map((s) => [s, project(s, wholeEdition(s))]));
    const x10 = byScale.get(10)!;
    const steps: Step[] = [
      ...startupSteps(opts),
      ...scales.flatMap((s) => scaleSteps(opts, byScale.get(s)!, s)),
      ...(QUICK ? [] : selectionSteps(opts, project(100, selections))),
      ...taggingSteps(opts, x10, entry),
      // Last: it edits the ×10 sources.
      ...editedSteps(opts, x10, 10),
    ];
    for (const step of selected(steps)) {
      if ('skipped' in step) results.push(step.skipped);
      else results.push(...runStep(step.cases, gnuTime));
    }
  } finally {
    for (const p of projects) fs.rmSync(p.root, { recursive: true, force: true });
  }

  const out = process.stdout;
  out.write(`${formatTable([HEADER, ...results.map(resultRow)])}\n\n`);
  for (const line of comparisonLines(results)) out.write(`${line}\n`);
  out.write('\n');
  for (const n of notes) out.write(`${n}\n`);
  if (yardstick.pandoc) out.write(`yardstick: ${pandocVersion()} (--file-scope), pdflatex with -V lang=de -V papersize=a5; pages counted with pdfinfo for both\n`);
  out.write(`times are whole commands (spawn to exit); rates use the median; runs over ${SLOW_SECONDS} s repeat ${SLOW_RUNS}× (BENCH_SLOW_RUNS)\n`);
  const cpu = os.cpus();
  out.write(`${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`);
}

await main();
