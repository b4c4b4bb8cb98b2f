/** `edition build`: the runner behind the yargs definition in main.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { buildEditions, type BuildManyResult } from '../build/many.js';
import type { EditionRequest } from '../build/build.js';
import { Reporter, type Message } from '../model/messages.js';
import type { Format } from '../manifest/schema.js';
import { adhocManifest, isAdhoc, UsageError, type AdhocArgs } from '../select/adhoc.js';
import { printMessages, reportFailure, reportUsage, EXIT_BUG, EXIT_INPUT, EXIT_OK } from './errors.js';
import { createOutput, outputMode } from './output.js';
import { runWatch } from './watch.js';

export interface BuildArgs extends AdhocArgs {
  manifests: string[];
  sources: string;
  out: string;
  format?: Format[] | undefined;
  quiet: boolean;
  json: boolean;
  strict: boolean;
  watch: boolean;
}

/** Manifests to build when none are named: every editions/*.yaml. */
export function defaultManifests(root: string): string[] {
  const dir = path.join(root, 'editions');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join('editions', f));
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

export async function runBuild(args: BuildArgs): Promise<number> {
  const root = process.cwd();
  if (args.watch && args.json) return reportUsage('--watch and --json do not go together (a watch prints one line per rebuild)');
  let requests: EditionRequest[];
  try {
    requests = requestsOf(args, root);
  } catch (e) {
    return reportFailure(e);
  }
  if (requests.length === 0) return reportUsage('no manifest given and no editions/*.yaml found; name a manifest or select texts with --select');
  if (args.watch) return runWatch(args, requests, root);
  const { code } = await buildOnce(args, requests, root);
  return code;
}

/** One build of every request, printed according to the output mode; returns the exit code and the run. */
export async function buildOnce(args: BuildArgs, requests: EditionRequest[], root: string, reporter = new Reporter()): Promise<{ code: number; run?: BuildManyResult }> {
  const mode = outputMode(args);
  const ui = createOutput(mode, root);
  const seen = new Set<string>();
  let run: BuildManyResult;
  try {
    run = await buildEditions(requests, {
      reporter, outDir: args.out, projectRoot: root, sourcesDir: args.sources, ...(args.format ? { formats: args.format } : {}),
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
    if (mode === 'json') writeJson({ ok: false, editions: [], errors: messagesOf(e), warnings: reporter.warnings });
    return { code };
  }
  ui.stop();
  if (mode !== 'quiet' && mode !== 'json') printMessages(run.warnings, process.stderr, seen);
  else if (mode === 'quiet' && args.strict) printMessages(run.warnings, process.stderr, seen);
  let code = run.failures.length ? (run.failures.some((f) => f.error) ? EXIT_BUG : EXIT_INPUT) : EXIT_OK;
  if (args.strict && run.warnings.length && code === EXIT_OK) code = EXIT_INPUT;
  if (mode === 'json') writeJson(jsonSummary(run, root, code));
  return { code, run };
}

function messagesOf(e: unknown): Message[] {
  return e && typeof e === 'object' && 'messages' in e ? (e as { messages: Message[] }).messages : [];
}

function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The --json summary: one entry per edition with its files, plus every error and warning. */
export function jsonSummary(run: BuildManyResult, root: string, code: number): unknown {
  const rel = (f: string) => path.relative(root, f) || f;
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
        origin: f.request.manifestFile ?? f.request.locate?.([]).file ?? '<manifest>',
        ok: false,
        errors: f.error ? [{ severity: 'error', rule: 'internal', reason: String(f.error), file: '' }] : f.messages,
      })),
    ],
    files: run.results.flatMap((r) => r.files.map((f) => ({ edition: f.edition, format: f.format, path: rel(f.path), bytes: f.bytes, ...(f.pages !== undefined ? { pages: f.pages } : {}), notes: f.notes }))),
    errors: run.failures.flatMap((f) => f.messages),
    warnings: run.warnings,
  };
}
