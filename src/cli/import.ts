/**
 * `edition import FILE…`: raw texts in, one clean source out, and a report
 * of every change. Writes nothing with --dry-run, never overwrites an
 * existing source without --force, and writes atomically (an error leaves
 * the sources folder as it was).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../model/messages.js';
import { importFiles, type ImportFlags } from '../import/import.js';
import { loadRecipe } from '../import/recipe.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UsageError } from '../select/adhoc.js';
import { EXIT_OK, reportFailure } from './errors.js';

export interface ImportArgs {
  files: string[];
  into: string;
  recipe?: string;
  rawDir?: string;
  dryRun: boolean;
  force: boolean;
  json: boolean;
  quiet: boolean;
  flags: ImportFlags;
}

export async function runImport(args: ImportArgs): Promise<number> {
  try {
    const recipe = args.recipe !== undefined ? loadRecipe(args.recipe) : undefined;
    let files = args.files;
    if (files.length === 0) {
      const raw = recipe?.recipe.raw;
      if (!recipe || raw === undefined) throw new UsageError('name a raw file to import (or a recipe with `raw:`)');
      const dir = args.rawDir ?? path.dirname(recipe.file);
      files = (typeof raw === 'string' ? [raw] : raw).map((r) => path.join(dir, r));
    }
    const result = importFiles({ files, recipe, flags: args.flags });
    const out = path.join(args.into, `${result.id}.md`);
    if (!args.dryRun) {
      if (fs.existsSync(out) && !args.force) fail('import-exists', `${out} exists already; use --force to replace it (or --id to choose another name)`, { file: out, line: 1, column: 1 });
      fs.mkdirSync(args.into, { recursive: true });
      writeFileAtomic(out, Buffer.from(result.markdown, 'utf8'));
    }
    if (args.json) process.stdout.write(`${JSON.stringify(result.report.toJson(out, !args.dryRun), null, 2)}\n`);
    else if (!args.quiet) process.stdout.write(result.report.toText(out, !args.dryRun));
    return EXIT_OK;
  } catch (e) {
    return reportFailure(e);
  }
}
