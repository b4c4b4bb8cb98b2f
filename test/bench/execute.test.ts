import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Case, Step } from './cases.js';
import { runStep, selected, type RunSettings } from './execute.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-exec-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const settings = (over: Partial<RunSettings> = {}): RunSettings => ({ gnuTime: false, env: process.env, log: () => {}, slowSeconds: 1000, slowRuns: 1, filled: new Set(), ...over });

/** A case whose command appends `mark` to `log` (and writes it to its output folder, when given one). */
function marker(name: string, log: string, mark: string, runs: number, extra = ''): Case {
  const code = `const fs = require('fs'); fs.appendFileSync(${JSON.stringify(log)}, ${JSON.stringify(mark)}); ${extra}`;
  return { tool: 'edition', name, command: name, argv: [process.execPath, '-e', code], cwd: dir, runs };
}

describe('runStep', () => {
  it('alternates the cases run by run, and goes on with the one that has runs left', () => {
    const log = path.join(dir, 'alternate.log');
    const results = runStep([marker('a', log, 'A', 3), marker('b', log, 'B', 1)], settings());
    expect(fs.readFileSync(log, 'utf8')).toBe('ABAA');
    expect(results.map((r) => [r.name, r.summary?.runs])).toEqual([['a', 3], ['b', 1]]);
  });
  it('repeats a slow case only as often as slowRuns allows', () => {
    const log = path.join(dir, 'slow.log');
    const results = runStep([marker('a', log, 'A', 3)], settings({ slowSeconds: 0, slowRuns: 2 }));
    expect(fs.readFileSync(log, 'utf8')).toBe('AA');
    expect(results[0]!.summary?.runs).toBe(2);
  });
  it('stops a failing case with its message and lets the other run on', () => {
    const log = path.join(dir, 'fail.log');
    const failing = marker('bad', log, 'F', 3, 'console.error("x.md:1:1: broken"); process.exit(1);');
    const [bad, good] = runStep([failing, marker('good', log, 'G', 2)], settings());
    expect(fs.readFileSync(log, 'utf8')).toBe('FGG');
    expect(bad!.failure).toBe('failed (exit 1): x.md:1:1: broken');
    expect(bad!.summary).toBeUndefined();
    expect(good!.summary?.runs).toBe(2);
  });
  it('empties the output folder before each run, so the size is one run\'s output', () => {
    const outDir = path.join(dir, 'out');
    const log = path.join(dir, 'out.log');
    // Each run writes a file named after the runs so far: without emptying, three files would add up.
    const c = { ...marker('o', log, 'O', 3, `fs.writeFileSync(${JSON.stringify(outDir)} + '/f' + fs.readFileSync(${JSON.stringify(log)}, 'utf8').length, 'x'.repeat(100));`), outDir };
    const [r] = runStep([c], settings());
    expect(fs.readdirSync(outDir)).toEqual(['f3']);
    expect(r!.outBytes).toBe(100);
  });
  it('gives each run its number before it starts (to edit a source)', () => {
    const seen: number[] = [];
    runStep([{ ...marker('n', path.join(dir, 'n.log'), 'N', 2), before: (run) => seen.push(run) }], settings());
    expect(seen).toEqual([0, 1]);
  });
});

describe('the cache between cases', () => {
  const cacheDir = path.join(dir, 'project/.edition-cache');
  /** A build stand-in: logs its mark and whether it found the cache, then fills it. */
  const build = (name: string, mode: Case['mode'], format: 'epub' | 'pdf', log: string): Case => ({
    ...marker(name, log, '', 1, `fs.appendFileSync(${JSON.stringify(log)}, ${JSON.stringify(name)} + (fs.existsSync(${JSON.stringify(cacheDir)}) ? '+' : '-') + ' '); fs.mkdirSync(${JSON.stringify(cacheDir)}, { recursive: true });`),
    mode, format, cacheDir,
  });
  it('drops it before every cold run, and a warm case after a cold one of its format runs at once', () => {
    const log = path.join(dir, 'cache1.log');
    const s = settings();
    fs.mkdirSync(cacheDir, { recursive: true });
    runStep([{ ...build('cold', 'cold', 'epub', log), runs: 2 }], s);
    runStep([build('warm', 'warm', 'epub', log)], s);
    expect(fs.readFileSync(log, 'utf8')).toBe('cold- cold- warm+ ');
  });
  it('fills it by an untimed run for a warm case whose format no run has filled, and never for --no-cache', () => {
    const log = path.join(dir, 'cache2.log');
    const s = settings();
    runStep([build('cold', 'cold', 'epub', log)], s);
    runStep([build('nocache', 'no-cache', 'pdf', log)], s);
    const [warm] = runStep([build('warm', 'warm', 'pdf', log)], s);
    // The PDF's warm case ran twice: once to fill (untimed), once timed.
    expect(fs.readFileSync(log, 'utf8')).toBe('cold- nocache+ warm+ warm+ ');
    expect(warm!.summary?.runs).toBe(1);
    expect(s.filled).toEqual(new Set([`${cacheDir}#epub`, `${cacheDir}#pdf`]));
  });
  it('forgets every format\'s entries when a cold run drops the folder', () => {
    const log = path.join(dir, 'cache3.log');
    const s = settings({ filled: new Set([`${cacheDir}#epub`, `${cacheDir}#pdf`, '/other/.edition-cache#pdf']) });
    runStep([build('cold', 'cold', 'pdf', log)], s);
    expect(s.filled).toEqual(new Set([`${cacheDir}#pdf`, '/other/.edition-cache#pdf']));
  });
});

describe('selected (BENCH_ONLY)', () => {
  const a = marker('samples ×10 epub cold', '/dev/null', '', 1);
  const b = marker('pandoc ×10 epub', '/dev/null', '', 1);
  const steps: Step[] = [{ cases: [a, b] }, { skipped: { tool: 'edition', name: 'samples ×10 epub warm', command: '', failure: 'skipped' } }, { cases: [marker('node -e 0', '/dev/null', '', 1)] }];
  it('keeps the matching cases of each step and drops emptied steps', () => {
    expect(selected(steps, /×10 epub/)).toEqual([{ cases: [a, b] }, steps[1]]);
    expect(selected(steps, /pandoc/)).toEqual([{ cases: [b] }]);
    expect(selected(steps, undefined)).toEqual(steps);
  });
});
