/**
 * Building several editions in one run: the library is loaded once and every
 * selection draws its texts from it, so each source is parsed once per run
 * however many editions use it. One failing edition does not stop the others.
 */
import { InputError, Reporter, type Message } from '../model/messages.js';
import { loadLibrary, type Library } from '../library/load.js';
import { buildEdition, type BuildOptions, type BuildResult, type EditionRequest } from './build.js';
import { resolveLayout } from './root.js';
import { buildInWorkers, transferable, type WorkerOutcome } from './parallel.js';
import { FileCache } from '../cache/store.js';

export interface EditionFailure {
  request: EditionRequest;
  /** The fatal messages (an InputError's), or the unexpected error itself. */
  messages: Message[];
  error?: unknown;
}

export interface BuildManyResult {
  library: Library;
  results: BuildResult[];
  failures: EditionFailure[];
  /** Warnings of the whole run (library and editions), each once. */
  warnings: Message[];
}

export interface BuildManyOptions extends BuildOptions {
  /** Called after each edition, built or failed. */
  onEdition?: (outcome: { request: EditionRequest; result?: BuildResult; failure?: EditionFailure }) => void;
  /**
   * Editions built at the same time, in worker threads (default 1: in this
   * thread). Callbacks, results and warnings come in request order whatever
   * the number, and the files are the same bytes.
   */
  jobs?: number;
}

/** Builds every request from one library; a library that fails to load throws its InputError. */
export async function buildEditions(requests: EditionRequest[], options: BuildManyOptions = {}): Promise<BuildManyResult> {
  const layout = resolveLayout(options, requests.flatMap((r) => (r.manifestFile ? [r.manifestFile] : [])));
  const projectRoot = layout.root;
  const reporter = options.reporter ?? new Reporter();
  let library = options.library;
  if (!library) {
    // Warnings of texts no edition selects are not this run's business; a library that fails to load shows them all.
    const loading = new Reporter();
    try {
      library = loadLibrary(layout.sourcesDir, { projectRoot, reporter: loading, ...(options.cache ? { cache: options.cache } : {}) });
    } catch (e) {
      reporter.messages.push(...loading.warnings);
      throw e;
    }
  }
  const results: BuildResult[] = [];
  const failures: EditionFailure[] = [];
  const settle = (request: EditionRequest, result: BuildResult | undefined, failure: EditionFailure | undefined, warnings: Message[]) => {
    if (result) results.push(result);
    if (failure) failures.push(failure);
    options.onEdition?.({ request, ...(result ? { result } : {}), ...(failure ? { failure } : {}) });
    reporter.messages.push(...warnings);
  };
  const jobs = Math.min(options.jobs ?? 1, requests.length);
  // Workers need what crosses threads: requests without functions, and a cache they can open themselves.
  const parallel = jobs > 1 && requests.every(transferable) && (options.cache === undefined || options.cache instanceof FileCache);
  if (parallel) {
    const { onStart, onFile, onProgress, onEdition, reporter: _r, cache, library: _l, jobs: _j, ...plain } = options;
    const setup = { library, options: { ...plain, projectRoot, sourcesDir: layout.sourcesDir, outDir: layout.outDir }, ...(cache instanceof FileCache ? { cacheRoot: cache.root } : {}) };
    await buildInWorkers(requests, setup, jobs, (outcome: WorkerOutcome) => {
      const request = requests[outcome.index]!;
      // Replayed as the serial build calls them; a PDF's page progress is not (the pages are done).
      for (const event of outcome.events) {
        if (event.kind === 'start') onStart?.(event.edition, event.format, event.info);
        else onFile?.(event.file);
      }
      const failure: EditionFailure | undefined = outcome.result ? undefined : outcome.error ? { request, messages: [], error: Object.assign(new Error(outcome.error.message), outcome.error) } : { request, messages: outcome.messages ?? [] };
      settle(request, outcome.result, failure, outcome.warnings);
    });
  } else {
    for (const request of requests) {
      // Each edition gets its own reporter, so an error in one does not fail the next.
      const own = new Reporter();
      try {
        const result = await buildEdition(request, { ...options, projectRoot, sourcesDir: layout.sourcesDir, outDir: layout.outDir, library, reporter: own });
        settle(request, result, undefined, own.warnings);
      } catch (e) {
        const failure: EditionFailure = e instanceof InputError ? { request, messages: e.messages } : { request, messages: [], error: e };
        settle(request, undefined, failure, own.warnings);
      }
    }
  }
  const seen = new Set<string>();
  const warnings = reporter.warnings.filter((m) => {
    const key = `${m.file}:${m.line}:${m.column}:${m.rule}:${m.reason}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return { library, results, failures, warnings };
}
