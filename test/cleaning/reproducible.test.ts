/** The committed sources are exactly what the cleaner makes of the seed fixtures. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanSeed } from '../../src/cleaning/clean.js';
import { cleanSeeds } from '../../src/cleaning/cli.js';
import { SEEDS } from '../../src/cleaning/seeds.js';
import { FIXTURES, readSeed, readSource } from './helpers.js';

describe.each(SEEDS)('$frontMatter.id', (recipe) => {
  it('is byte-identical to the cleaner output (run `npm run clean-seeds` after changing src/cleaning)', () => {
    expect(readSource(recipe)).toBe(cleanSeed(readSeed(recipe), recipe));
  });

  it('is UTF-8 with LF line ends and one final newline', () => {
    const src = readSource(recipe);
    expect(src).not.toMatch(/\r/);
    expect(src).toMatch(/[^\n]\n$/);
    expect(src.startsWith('\ufeff')).toBe(false);
  });
});

describe('clean-seeds', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes the same bytes on every run', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const out = mkdtempSync(join(tmpdir(), 'clean-seeds-'));
      dirs.push(out);
      runs.push((await cleanSeeds(FIXTURES, out)).map((f) => readFileSync(f)));
    }
    expect(runs[0]).toHaveLength(SEEDS.length);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]!.map((b) => b.toString('utf8'))).toEqual(SEEDS.map(readSource));
  });
});
