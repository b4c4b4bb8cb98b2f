/** `edition build`: the runner behind the yargs definition in main.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { buildEdition } from '../build/build.js';
import { loadLibrary } from '../library/load.js';
import { Reporter } from '../model/messages.js';
import type { Format } from '../manifest/schema.js';
import { printMessages, reportFailure, EXIT_INPUT, EXIT_OK } from './errors.js';

export interface BuildArgs {
  manifests: string[];
  sources: string;
  out: string;
  format?: Format[] | undefined;
  quiet: boolean;
  strict: boolean;
}

/** Manifests to build when none are named: every editions/*.yaml. */
export function defaultManifests(root: string): string[] {
  const dir = path.join(root, 'editions');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join('editions', f));
}

export async function runBuild(args: BuildArgs): Promise<number> {
  const root = process.cwd();
  const reporter = new Reporter();
  const seen = new Set<string>();
  const manifests = args.manifests.length ? args.manifests : defaultManifests(root);
  if (manifests.length === 0) {
    process.stderr.write('edition: no manifest given and no editions/*.yaml found\n');
    return EXIT_INPUT;
  }
  let library;
  try {
    library = loadLibrary(path.resolve(args.sources), { projectRoot: root, reporter });
  } catch (e) {
    printMessages(reporter.warnings, process.stderr, seen);
    return reportFailure(e, seen);
  }
  let code = EXIT_OK;
  for (const manifestFile of manifests) {
    try {
      const result = await buildEdition(
        { manifestFile },
        {
          library, reporter, outDir: args.out, projectRoot: root, ...(args.format ? { formats: args.format } : {}),
          onFile: (f) => {
            if (!args.quiet) process.stdout.write(`${path.relative(root, f.path)}  ${(f.bytes / 1024).toFixed(0)} KiB${f.pages ? `, ${f.pages} pages` : ''}, ${f.texts} texts, ${f.notes} notes\n`);
          },
        },
      );
      if (args.strict && result.warnings.length) code = EXIT_INPUT;
    } catch (e) {
      code = Math.max(code, reportFailure(e, seen));
    }
  }
  if (!args.quiet || args.strict) printMessages(reporter.warnings, process.stderr, seen);
  return code;
}
