/**
 * npm run clean-seeds [-- --seeds DIR --out DIR]
 *
 * Rewrites sources/ from the raw seeds. The seeds live outside the
 * repository, hence a directory option; the output is byte-for-byte
 * reproducible, so running it again changes nothing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanSeed } from './clean.js';
import { SEEDS } from './seeds.js';

export async function cleanSeeds(seedsDir: string, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const recipe of SEEDS) {
    const raw = await readFile(join(seedsDir, recipe.seed), 'utf8');
    const file = join(outDir, `${recipe.frontMatter.id}.md`);
    await writeFile(file, cleanSeed(raw, recipe), 'utf8');
    written.push(file);
  }
  return written;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seeds: { type: 'string', default: '../shared/seeds' }, out: { type: 'string', default: 'sources' } },
  });
  for (const file of await cleanSeeds(values.seeds, values.out)) console.log(`wrote ${file}`);
}

// Only when run as a program, so tests can import cleanSeeds.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(`clean-seeds: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
