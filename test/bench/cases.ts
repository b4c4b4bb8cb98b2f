/**
 * The bench's cases: each a whole command run in a generated project, as a
 * user runs it. Cases in one step alternate run by run (edition, pandoc,
 * edition, pandoc, …) so that noise on the shared machine hits both sides.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EditionCli } from './cli.js';
import type { Project } from './corpus.js';
import { pandocEpubArgs, pandocPdfArgs, type Yardstick } from './pandoc.js';
import type { CaseKey, CaseResult } from './table.js';

export interface Case extends CaseKey {
  name: string;
  /** The command as shown in the table. */
  command: string;
  argv: string[];
  cwd: string;
  /** Emptied before every run; its size (and PDF pages) are the case's output. */
  outDir?: string;
  sourceBytes?: number;
  /** Before each timed run (after the output folder is emptied): edit a source. */
  before?: (run: number) => void;
  /**
   * The project's cache folder, for edition's own cases: a cold run starts
   * without it, a warm or edited one with it filled for its format (see execute.ts).
   */
  cacheDir?: string;
  runs: number;
}

/** Cases that alternate, or a case that is not run (with the reason in its `failure`). */
export type Step = { cases: Case[] } | { skipped: CaseResult };

export interface PlanOptions {
  cli: EditionCli;
  repo: string;
  runs: number;
  cache: boolean;
  yardstick: Yardstick;
}

const CACHE_DIR = '.edition-cache';
const NO_CACHE = 'skipped: no content cache (see below)';

/** A case that is not run: its key and name, and why (in the table's runs column). */
function skip(c: CaseKey & { name: string }, why: string): Step {
  const { tool, scale, format, mode, name } = c;
  return { skipped: { tool, name, command: '', failure: why, ...(scale !== undefined ? { scale } : {}), ...(format ? { format } : {}), ...(mode ? { mode } : {}) } };
}

/** Start-up: bare node, the CLI's cheapest commands, and loading the API. Cheap and noisy, so 5× the runs. */
export function startupSteps({ cli, repo, runs }: PlanOptions): Step[] {
  const cmd = (name: string, argv: string[]): Step => ({ cases: [{ tool: name.startsWith('node') ? 'node' : 'edition', name, command: name, argv, cwd: repo, runs: runs * 5 }] });
  return [
    cmd('node -e 0', [process.execPath, '-e', '0']),
    cmd('edition --version', [...cli.argv, '--version']),
    cmd('edition --help', [...cli.argv, '--help']),
    // The package imports itself by name from its own folder (package.json "exports").
    { cases: [{ tool: 'api', name: "import('edition')", command: `node -e "await import('edition')"`, argv: [process.execPath, '--input-type=module', '-e', "await import('edition')"], cwd: repo, runs: runs * 5 }] },
  ];
}

/**
 * One edition of the samples × scale, EPUB and PDF apart: cold (no cache),
 * without the cache at all (`--no-cache`, ×10 only: what writing it costs)
 * and warm (second run with the cache). pandoc and pdflatex alternate with
 * the cold runs.
 */
export function scaleSteps(opts: PlanOptions, project: Project, scale: number): Step[] {
  const steps: Step[] = [];
  for (const format of ['epub', 'pdf'] as const) {
    if (opts.cache && scale === 10) steps.push({ cases: [editionCase(opts, project, scale, format, 'no-cache', ['--no-cache'])] });
    const cold = editionCase(opts, project, scale, format, 'cold');
    const rival = yardstickCase(opts.yardstick, project, scale, format, opts.runs);
    if ('argv' in rival) steps.push({ cases: [cold, rival] });
    else steps.push({ cases: [cold] }, rival);
    steps.push(warmStep(opts, project, scale, format, 'warm'));
  }
  return steps;
}

/**
 * A warm rebuild after one source changed, EPUB and PDF. Run last on its
 * project: it edits the sources.
 */
export function editedSteps(opts: PlanOptions, project: Project, scale: number): Step[] {
  return (['epub', 'pdf'] as const).map((format) => warmStep(opts, project, scale, format, 'edited'));
}

/** `edition build <manifest> --format F --out <own folder>` in the project. */
function editionCase(opts: PlanOptions, project: Project, scale: number, format: 'epub' | 'pdf', mode: NonNullable<CaseKey['mode']>, extra: string[] = []): Case {
  const manifest = project.manifests[0]!;
  const outDir = path.join(project.root, `out-${format}-${mode}`);
  return {
    tool: 'edition', scale, format, mode, name: `samples ×${scale} ${format} ${mode}`, cwd: project.root, sourceBytes: project.bytes, runs: opts.runs, outDir,
    cacheDir: path.join(project.root, CACHE_DIR),
    command: ['edition build', manifest, '--format', format, ...extra].join(' '),
    argv: [...opts.cli.argv, 'build', manifest, '--format', format, '--out', outDir, ...extra],
  };
}

/** A run with the cache filled (by an untimed first run if need be); skipped when the CLI has no cache. */
function warmStep(opts: PlanOptions, project: Project, scale: number, format: 'epub' | 'pdf', mode: 'warm' | 'edited'): Step {
  const c = editionCase(opts, project, scale, format, mode);
  if (!opts.cache) return skip(c, NO_CACHE);
  if (mode === 'edited') c.before = (run) => editSource(project, run);
  return { cases: [c] };
}

/** pandoc for the EPUB, pandoc + pdflatex for the PDF, on the same sources in the same order; or why not. */
function yardstickCase(yardstick: Yardstick, project: Project, scale: number, format: 'epub' | 'pdf', runs: number): Case | Step {
  const tool = format === 'epub' ? 'pandoc' : 'pdflatex';
  const name = format === 'epub' ? `pandoc ×${scale} epub` : `pandoc+pdflatex ×${scale} pdf`;
  const outDir = path.join(project.root, `out-${tool}`);
  const sources = project.ids.map((id) => `sources/${id}.md`);
  const out = path.join(outDir, `x${scale}.${format}`);
  const title = `Korpus ×${scale}`;
  const argv = format === 'epub' ? pandocEpubArgs(sources, title, out) : pandocPdfArgs(sources, title, out);
  const base = { tool, scale, format, name, sourceBytes: project.bytes } as const;
  if (!yardstick[tool]) return skip(base, `skipped: ${tool} is not installed`);
  const shown = format === 'epub' ? `pandoc --file-scope sources/*.md -o x${scale}.epub` : `pandoc … --pdf-engine=pdflatex -o x${scale}.pdf`;
  return { ...base, command: shown, argv, cwd: project.root, outDir, runs };
}

/**
 * One source changed before each run, a different one each time: a new first
 * paragraph, so the text must be parsed and typeset again and the rest not.
 */
export function editSource(project: Project, run: number): void {
  const id = project.ids[run % project.ids.length]!;
  const file = path.join(project.root, 'sources', `${id}.md`);
  const text = fs.readFileSync(file, 'utf8');
  const end = text.indexOf('\n---\n', 4) + 5;
  fs.writeFileSync(file, `${text.slice(0, end)}\nBearbeitet im Lauf ${run + 1} der Messung.\n${text.slice(end)}`);
}

/** 100 selections of a 200-text library by one command (every manifest in editions/), EPUB, cold and warm. */
export function selectionSteps(opts: PlanOptions, project: Project): Step[] {
  const { cli, cache, runs } = opts;
  const mk = (mode: 'cold' | 'warm'): Case => {
    const outDir = path.join(project.root, `out-${mode}`);
    return {
      tool: 'edition', scale: 'selections', format: 'epub', mode, name: `100 selections epub ${mode}`, command: 'edition build --format epub',
      argv: [...cli.argv, 'build', '--format', 'epub', '--out', outDir], cwd: project.root, outDir, sourceBytes: project.bytes, runs, cacheDir: path.join(project.root, CACHE_DIR),
    };
  };
  return [{ cases: [mk('cold')] }, cache ? { cases: [mk('warm')] } : skip(mk('warm'), NO_CACHE)];
}

/**
 * What tagging the PDF costs: the ×10 PDF built through the API with and
 * without its structure tree (BuildOptions.pdfTagged, which the CLI does not
 * offer), each in its own process, alternating. The difference is the cost.
 */
export function taggingSteps(opts: PlanOptions, project: Project, entry: string): Step[] {
  const manifest = path.join(project.root, project.manifests[0]!);
  const driver = path.join(opts.repo, 'test/bench/api-build.ts');
  const mk = (mode: 'tagged' | 'untagged'): Case => {
    const outDir = path.join(project.root, `out-api-${mode}`);
    return {
      tool: 'api', scale: 10, format: 'pdf', mode, name: `api ×10 pdf ${mode}`, command: `buildEdition(…, { pdfTagged: ${mode === 'tagged'} })`,
      argv: [process.execPath, '--import', 'tsx', driver, entry, manifest, outDir, mode], cwd: opts.repo, outDir, sourceBytes: project.bytes, runs: opts.runs,
    };
  };
  return [{ cases: [mk('tagged'), mk('untagged')] }];
}
