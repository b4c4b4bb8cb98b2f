/**
 * The committed sources are exactly what `edition import` makes of the seed
 * fixtures with their recipes (sources/recipes/*.yaml), through the real CLI,
 * as `npm run clean-seeds` runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import.js';
import { loadRecipe } from '../../src/import/recipe.js';
import { runCli } from '../cli/helpers.js';
import { FIXTURES, readSource, REPO_ROOT, SEEDS } from './helpers.js';

describe.each(SEEDS)('$id', (seed) => {
  it('is byte-identical to the import with its recipe (run `npm run clean-seeds` after changing src/import)', () => {
    const { markdown } = importFiles({ files: [join(FIXTURES, seed.seed)], recipe: loadRecipe(seed.recipe) });
    expect(markdown).toBe(readSource(seed));
  });

  it('is UTF-8 with LF line ends and one final newline', () => {
    const src = readSource(seed);
    expect(src).not.toMatch(/\r/);
    expect(src).toMatch(/[^\n]\n$/);
    expect(src.startsWith('\ufeff')).toBe(false);
  });
});

describe('npm run clean-seeds', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('runs `edition import` with each recipe and writes the committed sources, the same bytes every run', () => {
    const runs: Buffer[][] = [];
    for (let i = 0; i < 2; i++) {
      const out = mkdtempSync(join(tmpdir(), 'clean-seeds-'));
      dirs.push(out);
      for (const seed of SEEDS) {
        const r = runCli(REPO_ROOT, ['import', '--recipe', seed.recipe, '--raw-dir', FIXTURES, '--into', out, '--quiet']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      runs.push(SEEDS.map((s) => readFileSync(join(out, `${s.id}.md`))));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]!.map((b) => b.toString('utf8'))).toEqual(SEEDS.map(readSource));
  });

  it('is the npm script (so editors and CI run the same command)', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['clean-seeds']).toMatch(/lib\/cli\/bin\.js import --recipe "\$r"/);
    const r = spawnSync('sh', ['-c', pkg.scripts['clean-seeds']!.replace('--force', `--force --into "$OUT"`)], {
      cwd: REPO_ROOT,
      env: { ...process.env, SEEDS: FIXTURES, OUT: (dirs[0] ??= mkdtempSync(join(tmpdir(), 'clean-seeds-'))) },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    for (const s of SEEDS) expect(readFileSync(join(dirs[0]!, `${s.id}.md`), 'utf8')).toBe(readSource(s));
  });
});
