/** `edition build`: the runner behind the yargs definition in main.ts. */
import type { EditionRequest } from '../edition/build.js';
import { reportFailure, reportUsage } from './errors.js';
import { buildOnce, requestsOf, type BuildArgs } from './build-once.js';
import { resolveLayout } from '../edition/root.js';

export type { BuildArgs } from './build-once.js';

export async function runBuild(typed: BuildArgs): Promise<number> {
  // The library's root comes from what was named (see src/edition/root.ts); from here on its folders are absolute.
  const layout = resolveLayout({ sourcesDir: typed.sources, outDir: typed.out }, typed.manifests);
  const root = layout.root;
  const args: BuildArgs = { ...typed, sources: layout.sourcesDir, out: layout.outDir };
  if (args.watch && args.json) return reportUsage('--watch and --json do not go together (a watch prints one line per rebuild)');
  let requests: EditionRequest[];
  try {
    requests = requestsOf(args, root);
  } catch (e) {
    return reportFailure(e);
  }
  if (requests.length === 0) return reportUsage('no manifest given and no editions/*.yaml found; name a manifest or select texts with --select');
  if (args.watch) return (await import('./watch.js')).runWatch(args, requests, root);
  const { code } = await buildOnce(args, requests, root);
  return code;
}

