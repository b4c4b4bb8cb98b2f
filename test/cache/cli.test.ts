/** The content cache as a user meets it: `edition build` with and without `--no-cache`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, removeProject } from '../cli/helpers.js';
import { manifest, runCli } from '../helpers/project.js';
import { epubcheckMany } from '../helpers/epubcheck-many.js';
import { skipUnlessTool } from '../helpers/validators.js';
import { CACHE_DIR } from '../../src/cache/store.js';

const ENV = { env: { SOURCE_DATE_EPOCH: '1700000000' } };
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeProject));
const project = (formats = ['epub']) => {
  const dir = makeProject({ editions: { 'band.yaml': manifest({ title: 'Band', formats, texts: ['lenin-aufruf', 'zeitung', 'luxemburg-revolution'] }) } });
  dirs.push(dir);
  return dir;
};
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name));

describe('edition build and the content cache', () => {
  it('a cold, a cache-filling and a cached build write the same bytes (EPUB and PDF) and print the same', async () => {
    const dir = project(['epub', 'pdf']);
    const off = await runCli(dir, ['build', '--no-cache', '--out', 'off'], ENV);
    expect(off.code, off.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, CACHE_DIR)), '--no-cache writes no cache').toBe(false);
    const filling = await runCli(dir, ['build', '--out', 'filling'], ENV);
    expect(fs.readdirSync(path.join(dir, CACHE_DIR, 'parse')).length, 'one entry per source').toBe(5);
    const cached = await runCli(dir, ['build', '--out', 'cached'], ENV);
    for (const r of [filling, cached]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe(off.stderr);
    }
    expect(cached.stdout.replaceAll('cached/', 'off/')).toBe(off.stdout);
    for (const name of ['band.epub', 'band.pdf']) {
      expect(read(path.join(dir, 'filling'), name).equals(read(path.join(dir, 'off'), name)), name).toBe(true);
      expect(read(path.join(dir, 'cached'), name).equals(read(path.join(dir, 'off'), name)), name).toBe(true);
    }
    if (!skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck')) {
      const epub = path.join(dir, 'cached', 'band.epub');
      expect(epubcheckMany([epub]).get(epub)).toEqual([]);
    }
  }, 600_000);

  it("lands in the library's root when the command runs from another folder", async () => {
    const dir = project();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-cwd-'));
    dirs.push(elsewhere);
    const r = await runCli(elsewhere, ['build', path.join(dir, 'editions', 'band.yaml')], ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, CACHE_DIR, 'parse'))).toBe(true);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    if (!skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck')) {
      const epub = path.join(dir, 'dist', 'band.epub');
      expect(epubcheckMany([epub]).get(epub)).toEqual([]);
    }
  }, 300_000);

  it('a cache folder that cannot be written is a warning; the build succeeds with the same bytes', async () => {
    const dir = project();
    const cold = await runCli(dir, ['build', '--no-cache', '--out', 'cold'], ENV);
    expect(cold.code, cold.stderr).toBe(0);
    fs.writeFileSync(path.join(dir, CACHE_DIR), 'a file where the cache folder belongs');
    const r = await runCli(dir, ['build', '--out', 'blocked'], ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^edition: warning: cannot write the content cache .*\.edition-cache \(ENOTDIR\); building without it$/m);
    expect(r.stderr.split('\n').filter((l) => l.includes('content cache'))).toHaveLength(1);
    expect(read(path.join(dir, 'blocked'), 'band.epub').equals(read(path.join(dir, 'cold'), 'band.epub'))).toBe(true);
    if (!skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck')) {
      const epub = path.join(dir, 'blocked', 'band.epub');
      expect(epubcheckMany([epub]).get(epub)).toEqual([]);
    }
  }, 300_000);

  it('`edition build --help` names --no-cache, --jobs and --shard', async () => {
    const r = await runCli(os.tmpdir(), ['build', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--cache', '--jobs', '--shard']) expect(r.stdout).toContain(flag);
    expect(r.stdout).toMatch(/--no-cache/);
  });
});
