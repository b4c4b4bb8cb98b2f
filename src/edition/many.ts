/**
 * Building several editions in one run: the library is loaded once and every
 * selection draws its texts from it, so each source is parsed once per run
 * however many editions use it. One failing edition does not stop the others.
 */
import { InputError, Reporter, type Message } from '../model/messages.js';
import { loadLibrary, type Library } from '../library/load.js';
import { buildEdition, type BuildOptions, type BuildResult, type EditionRequest } from './build.js';
import { resolveLayout } from './root.js';

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
      library = loadLibrary(layout.sourcesDir, { projectRoot, reporter: loading });
    } catch (e) {
      reporter.messages.push(...loading.warnings);
      throw e;
    }
  }
  const results: BuildResult[] = [];
  const failures: EditionFailure[] = [];
  for (const request of requests) {
    // Each edition gets its own reporter, so an error in one does not fail the next.
    const own = new Reporter();
    try {
      const result = await buildEdition(request, { ...options, projectRoot, sourcesDir: layout.sourcesDir, outDir: layout.outDir, library, reporter: own });
      results.push(result);
      options.onEdition?.({ request, result });
    } catch (e) {
      const failure: EditionFailure = e instanceof InputError ? { request, messages: e.messages } : { request, messages: [], error: e };
      failures.push(failure);
      options.onEdition?.({ request, failure });
    }
    reporter.messages.push(...own.warnings);
  }
  const seen = new Set<string>();
  const warnings = reporter.warnings.filter((m) => {
    const key = `${m.file}:${m.line}:${m.column}:${m.rule}:${m.reason}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return { library, results, failures, warnings };
}
