/** `edition build`: the runner behind the yargs definition in main.ts. */
import type { EditionRequest } from '../edition/build.js';
import { reportFailure, reportUsage } from './errors.js';
import { buildOnce, requestsOf, type BuildArgs } from './build-once.js';
import { resolveLayout } from '../edition/root.js';
import { inShard } from '../edition/shard.js';
import { userPath } from './errors.js';

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
  if (args.shard) {
    if (args.watch) return reportUsage('--watch and --shard do not go together (a watch follows one library on one machine)');
    const all = requests.length;
    requests = inShard(requests, args.shard);
    if (requests.length === 0) {
      // Not an error: with more shards than editions some shards are empty, and a CI matrix must still pass.
      if (args.json) process.stdout.write(`${JSON.stringify({ ok: true, shard: { index: args.shard.index, count: args.shard.count }, editions: [], files: [], errors: [], warnings: [] }, null, 2)}\n`);
      else if (!args.quiet) process.stderr.write(`edition: shard ${args.shard.index}/${args.shard.count}: none of the ${all} editions falls in this shard\n`);
      return 0;
    }
    if (!args.quiet && !args.json) process.stderr.write(`edition: shard ${args.shard.index}/${args.shard.count}: ${requests.map((r) => userPath(r.manifestFile ?? '<ad-hoc selection>')).join(', ')}\n`);
  }
  if (args.watch) return (await import('./watch.js')).runWatch(args, requests, root);
  const { code } = await buildOnce(args, requests, root);
  return code;
}

