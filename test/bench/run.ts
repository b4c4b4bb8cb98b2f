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
import { editedSteps, scaleSteps, selectionSteps, startupSteps, taggingSteps, type PlanOptions, type Step } from './cases.js';
import { comparisonLines } from './compare.js';
import { runStep, selected } from './execute.js';
import { hasGnuTime } from './measure.js';
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

async function main(): Promise<void> {
  const started = performance.now();
  // The machine is shared: its load says how far the absolute times are from a quiet machine's (the alternating ratios are less affected).
  const loadAtStart = os.loadavg()[0]!;
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
    const run = { gnuTime, env: ENV, log, slowSeconds: SLOW_SECONDS, slowRuns: SLOW_RUNS, filled: new Set<string>() };
    for (const step of selected(steps, ONLY)) {
      if ('skipped' in step) results.push(step.skipped);
      else results.push(...runStep(step.cases, run));
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
  out.write(`${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end; ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`);
}

await main();
