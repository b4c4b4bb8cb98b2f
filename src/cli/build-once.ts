/**
 * One build of a set of editions, printed the way the command line prints it.
 * Both `edition build` (build.ts) and the watcher (watch.ts) use it; it knows
 * neither of them, so the watcher depends on the builder only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildEditions, type BuildManyResult } from '../edition/many.js';
import type { EditionRequest } from '../edition/build.js';
import { Reporter, type Message } from '../model/messages.js';
import type { Format } from '../manifest/schema.js';
import { adhocManifest, isAdhoc, UsageError, type AdhocArgs } from '../select/adhoc.js';
import { printMessages, reportFailure, userPath, EXIT_BUG, EXIT_INPUT, EXIT_OK } from './errors.js';
import { createOutput, outputMode } from './output.js';
import type { PdfStandard } from '../model/pdf-standard.js';
import type { PrintSettings } from '../print/settings.js';
import { FileCache } from '../cache/store.js';
import type { Shard } from '../edition/shard.js';

export interface BuildArgs extends AdhocArgs {
  manifests: string[];
  /** As typed (relative to cwd); default: sources/ of the project root. */
  sources?: string | undefined;
  /** As typed (relative to cwd); default: dist/ of the project root. */
  out?: string | undefined;
  format?: Format[] | undefined;
  /** `--pdf-standard`: wins over manifests and templates. */
  pdfStandard?: PdfStandard | undefined;
  /** `--print-profile`, `--paper`, `--paper-thickness`, `--signature`: win over the manifest's `print:`. */
  print?: PrintSettings | undefined;
  quiet: boolean;
  json: boolean;
  strict: boolean;
  watch: boolean;
  /** false: `--no-cache` (parse everything, write no .edition-cache/). */
  cache?: boolean | undefined;
  /** `--jobs`: editions built at the same time (default 1 through the API, the cores through the CLI). */
  jobs?: number | undefined;
  /** `--shard I/N`: the requests are already this shard's; named in the --json summary. */
  shard?: Shard | undefined;
}

/** Manifests to build when none are named: every editions/*.yaml. */
export function defaultManifests(root: string): string[] {
  const dir = path.join(root, 'editions');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
}

/** The editions a build command asks for: an ad-hoc selection, the named manifests, or every editions/*.yaml. */
export function requestsOf(args: BuildArgs, root: string): EditionRequest[] {
  if (isAdhoc(args)) {
    if (args.manifests.length) throw new UsageError('give either manifests or an ad-hoc selection (--select/--id), not both');
    const { manifest, locate } = adhocManifest(args);
    return [{ manifest, locate }];
  }
  const adhocOnly = (['title', 'subtitle', 'editor', 'publisher', 'template', 'notes', 'lang', 'sort'] as const).filter((k) => args[k] !== undefined);
  if (adhocOnly.length) throw new UsageError(`--${adhocOnly[0]} belongs to an ad-hoc selection: add --select or --id (a manifest sets its own ${adhocOnly[0]})`);
  const manifests = args.manifests.length ? args.manifests : defaultManifests(root);
  return manifests.map((manifestFile) => ({ manifestFile }));
}

/**
 * One build of every request, printed according to the output mode; returns
 * the exit code and the run. `fileLines: false` leaves out the per-file lines
 * (a watcher prints its own line per rebuild) but nothing else: a rebuild
 * shows the same errors and warnings as a fresh build.
 */
export async function buildOnce(args: BuildArgs, requests: EditionRequest[], root: string, options: { fileLines?: boolean } = {}): Promise<{ code: number; run?: BuildManyResult }> {
  const reporter = new Reporter();
  const mode = outputMode(args);
  const ui = createOutput(options.fileLines === false ? 'quiet' : mode);
  const seen = new Set<string>();
  // The cache is an optimisation: a folder that cannot be written is said once, never a failure.
  const cacheWarning = (m: string) => {
    if (mode !== 'quiet') process.stderr.write(`edition: warning: ${m}\n`);
  };
  const cache = args.cache === false ? undefined : new FileCache(root, { onWarning: cacheWarning });
  let run: BuildManyResult;
  try {
    run = await buildEditions(requests, {
      reporter, ...(cache ? { cache } : {}), ...(args.jobs ? { jobs: args.jobs } : {}), outDir: args.out, projectRoot: root, sourcesDir: args.sources, strict: args.strict, ...(args.format ? { formats: args.format } : {}), ...(args.pdfStandard ? { pdfStandard: args.pdfStandard } : {}), ...(args.print ? { print: args.print } : {}),
      onStart: ui.start, onProgress: ui.progress, onFile: ui.file,
      onEdition: ({ failure }) => {
        if (!failure) return;
        ui.stop();
        if (failure.error) reportFailure(failure.error);
        else printMessages(failure.messages, process.stderr, seen);
      },
    });
  } catch (e) {
    // The library itself failed to load: nothing can be built.
    ui.stop();
    if (mode !== 'quiet') printMessages(reporter.warnings, process.stderr, seen);
    const code = reportFailure(e, seen);
    if (mode === 'json') writeJson({ ok: false, ...shardOf(args), editions: [], errors: messagesOf(e), warnings: reporter.warnings });
    return { code };
  }
  ui.stop();
  pruneCache(cache);
  if (mode !== 'quiet' && mode !== 'json') printMessages(run.warnings, process.stderr, seen);
  else if (mode === 'quiet' && args.strict) printMessages(run.warnings, process.stderr, seen);
  const code = run.failures.length ? (run.failures.some((f) => f.error) ? EXIT_BUG : EXIT_INPUT) : EXIT_OK;
  // Under --strict an edition with warnings fails like one with errors: say why nothing was written for it.
  const strictFailures = args.strict ? run.failures.filter((f) => !f.error && f.messages.length && f.messages.every((m) => m.severity === 'warning')) : [];
  if (strictFailures.length && mode !== 'json') {
    const names = strictFailures.map((f) => userPath(f.request.manifestFile ?? f.request.locate?.([]).file ?? '<manifest>'));
    process.stderr.write(`edition: --strict: warnings in ${names.join(', ')}; ${strictFailures.length === 1 ? 'that edition was' : 'those editions were'} not written\n`);
  }
  if (mode === 'json') writeJson({ ...(jsonSummary(run, code) as object), ...shardOf(args) });
  return { code, run };
}

/** Keeps .edition-cache/ in bounds (src/cache/store.ts: unused for 30 days, or beyond 1 GiB); a failure here costs nothing. */
function pruneCache(cache: FileCache | undefined): void {
  try {
    cache?.prune();
  } catch {
    // Pruning is housekeeping: the next run tries again.
  }
}

/** The `shard` field of the --json summary, when the run was one shard. */
function shardOf(args: BuildArgs): { shard?: { index: number; count: number } } {
  return args.shard ? { shard: { index: args.shard.index, count: args.shard.count } } : {};
}

function messagesOf(e: unknown): Message[] {
  return e && typeof e === 'object' && 'messages' in e ? (e as { messages: Message[] }).messages : [];
}

function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The --json summary: one entry per edition with its files, plus every error and warning. */
export function jsonSummary(run: BuildManyResult, code: number): unknown {
  const rel = userPath;
  return {
    ok: code === EXIT_OK,
    editions: [
      ...run.results.map((r) => ({
        edition: r.edition.meta.slug,
        origin: r.edition.meta.origin,
        title: r.edition.meta.title,
        template: r.edition.meta.template,
        texts: r.edition.parts.flatMap((p) => p.texts.map((t) => t.meta.id)),
        ok: true,
        files: r.files.map((f) => ({ format: f.format, path: rel(f.path), bytes: f.bytes, ...(f.pages !== undefined ? { pages: f.pages } : {}), texts: f.texts, notes: f.notes, words: f.words, ms: f.ms })),
        warnings: r.warnings,
      })),
      ...run.failures.map((f) => ({
        origin: userPath(f.request.manifestFile ?? f.request.locate?.([]).file ?? '<manifest>'),
        ok: false,
        errors: f.error ? [{ severity: 'error', rule: 'internal', reason: String(f.error), file: '' }] : f.messages,
      })),
    ],
    files: run.results.flatMap((r) => r.files.map((f) => ({ edition: f.edition, format: f.format, path: rel(f.path), bytes: f.bytes, ...(f.pages !== undefined ? { pages: f.pages } : {}), notes: f.notes }))),
    errors: run.failures.flatMap((f) => f.messages),
    warnings: run.warnings,
  };
}
