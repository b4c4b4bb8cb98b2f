/**
 * `edition build --watch`: build, then rebuild the editions a change affects
 * — a source (editions holding it, and every edition with a query, whose
 * matches may change), a manifest, or a template folder — one line per
 * rebuild. Changes are debounced (editors save in several steps), the library
 * is reloaded for each rebuild, and errors are printed without stopping.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EditionRequest } from '../edition/build.js';
import type { BuildManyResult } from '../edition/many.js';
import { EXIT_OK, userPath } from './errors.js';
import { buildOnce, requestsOf, type BuildArgs } from './build-once.js';

const DEBOUNCE_MS = 250;

/** What the watcher knows about one edition after its last build. */
interface Tracked {
  request: EditionRequest;
  sources: Set<string>;
  templateDirs: string[];
  hasQuery: boolean;
  failed: boolean;
}

/** Editor droppings (swap files, backups, vim's write test) that are not changes of the library. */
const IGNORED = /(^|[/\\])(\.[^/\\]*|[^/\\]*~|4913)$/;

export async function runWatch(args: BuildArgs, initial: EditionRequest[], root: string): Promise<number> {
  const sourcesDir = path.resolve(root, args.sources ?? 'sources');
  const templatesDir = path.resolve(root, 'templates');
  const editionsDir = path.resolve(root, 'editions');
  const namedManifests = !initial.some((r) => r.manifest) && args.manifests.length > 0;
  let tracked = new Map<EditionRequest, Tracked>();
  let requests = initial;

  const record = (subset: EditionRequest[], run: BuildManyResult | undefined) => {
    // buildEditions keeps the order of requests; failures are the requests without a result.
    const failedSet = new Set(run?.failures.map((f) => f.request) ?? subset);
    let k = 0;
    for (const request of subset) {
      if (failedSet.has(request)) {
        tracked.set(request, { request, sources: new Set(), templateDirs: [], hasQuery: true, failed: true });
        continue;
      }
      const r = run!.results[k++]!;
      tracked.set(request, {
        request,
        sources: new Set(r.edition.parts.flatMap((p) => p.texts.map((t) => path.resolve(t.file)))),
        templateDirs: r.templateDirs.map((d) => path.resolve(d)),
        hasQuery: Boolean(r.manifest.query || r.manifest.parts?.some((p) => p.query)),
        failed: false,
      });
    }
  };

  const first = await buildOnce(args, requests, root);
  record(requests, first.run);

  const affected = (changed: Set<string>): EditionRequest[] => {
    if (!namedManifests && initial.every((r) => r.manifestFile) && [...changed].some((f) => path.dirname(f) === editionsDir)) {
      // Manifests were added or removed in editions/: take the new list, keep what is known about the old ones.
      const fresh = requestsOf({ ...args, manifests: [] }, root);
      const byFile = new Map(requests.map((r) => [path.resolve(root, r.manifestFile!), r]));
      requests = fresh.map((r) => byFile.get(path.resolve(root, r.manifestFile!)) ?? r);
      tracked = new Map([...tracked].filter(([r]) => requests.includes(r)));
    }
    return requests.filter((request) => {
      const t = tracked.get(request);
      if (!t || t.failed) return true;
      for (const f of changed) {
        if (request.manifestFile && path.resolve(root, request.manifestFile) === f) return true;
        if (isInside(f, sourcesDir) && (t.sources.has(f) || t.hasQuery)) return true;
        if (t.templateDirs.some((d) => isInside(f, d))) return true;
      }
      return false;
    });
  };

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const flush = () => {
    const changed = new Set(pending);
    pending.clear();
    running = running.then(async () => {
      const subset = affected(changed);
      const names = [...changed].map(userPath).join(', ');
      if (subset.length === 0) return;
      const started = performance.now();
      // As the first build printed them: errors and warnings (unless --quiet), not the per-file lines.
      const { code, run } = await buildOnce({ ...args, json: false }, subset, root, { fileLines: false });
      record(subset, run);
      const files = run?.results.flatMap((r) => r.files.map((f) => path.basename(f.path))) ?? [];
      const failed = run ? run.failures.length : subset.length;
      const outcome = code === EXIT_OK || files.length ? `rebuilt ${files.join(', ') || 'nothing'}` : 'failed';
      const extra = failed ? `; ${failed} edition${failed > 1 ? 's' : ''} failed (errors above)` : '';
      process.stdout.write(`[${new Date().toLocaleTimeString('de-DE')}] ${names} → ${outcome}${extra} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    });
  };
  const onChange = (base: string) => (_event: string, name: string | Buffer | null) => {
    if (!name) return;
    const file = path.resolve(base, name.toString());
    if (IGNORED.test(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };

  const watchers: fs.FSWatcher[] = [];
  const watch = (dir: string, recursive: boolean) => {
    if (fs.existsSync(dir)) watchers.push(fs.watch(dir, { recursive }, onChange(dir)));
  };
  watch(sourcesDir, true);
  watch(templatesDir, true);
  const manifestDirs = new Set(requests.flatMap((r) => (r.manifestFile ? [path.dirname(path.resolve(root, r.manifestFile))] : [])));
  if (!namedManifests && requests.every((r) => r.manifestFile)) manifestDirs.add(editionsDir);
  for (const d of manifestDirs) if (!isInside(d, sourcesDir) && !isInside(d, templatesDir)) watch(d, false);
  if (!args.quiet) process.stderr.write(`Watching ${[sourcesDir, templatesDir, ...manifestDirs].filter((d) => fs.existsSync(d)).map((d) => userPath(d) || '.').join(', ')} — Ctrl-C to stop\n`);

  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      void running.then(() => resolve(EXIT_OK));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
