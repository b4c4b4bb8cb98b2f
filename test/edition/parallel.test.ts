/** `edition build --jobs N`: editions in worker threads, the same bytes and the same output as a serial build. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeProject } from '../cli/helpers.js';
import { manifest, runCli, source } from '../helpers/project.js';
import { epubcheckMany } from '../helpers/epubcheck-many.js';
import { skipUnlessTool } from '../helpers/validators.js';
import { buildEditions } from '../../src/edition/many.js';
import { FileCache } from '../../src/cache/store.js';
import { filesOf, manyEditions } from './many-helpers.js';

const ENV = { env: { SOURCE_DATE_EPOCH: '1700000000' } };
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeProject));

describe('edition build --jobs', () => {
  it('--jobs 1 and --jobs 3 over nine editions (one with a PDF, one failing, one with a warning): same files, same lines, same messages', async () => {
    const dir = manyEditions(6, {
      'mit-pdf.yaml': manifest({ title: 'Mit PDF', formats: ['epub', 'pdf'], texts: ['zeitung'] }),
      'kaputt.yaml': manifest({ title: 'Kaputt', texts: ['gibt-es-nicht'] }),
      'warnt.yaml': manifest({ title: 'Warnt', texts: ['warnt'] }),
    });
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'sources', 'warnt.md'), source({ title: 'Warnt' }, 'Ein Absatz mit Note[^1].\n\n[^1]: Die Note.\n\n[^2]: Nie verwiesen.\n'));
    const serial = await runCli(dir, ['build', '--jobs', '1', '--out', 'j1'], ENV);
    const parallel = await runCli(dir, ['build', '--jobs', '3', '--out', 'j3'], ENV);
    expect(serial.code, serial.stderr).toBe(1);
    expect(parallel.code, parallel.stderr).toBe(1);
    expect(serial.stderr).toMatch(/kaputt\.yaml.*error/);
    expect(serial.stderr).toMatch(/warnt\.md:\d+:\d+: warning/);
    expect(parallel.stdout.replaceAll('j3/', 'j1/')).toBe(serial.stdout);
    expect(parallel.stderr).toBe(serial.stderr);
    const one = filesOf(path.join(dir, 'j1'));
    const three = filesOf(path.join(dir, 'j3'));
    expect([...three.keys()]).toEqual([...one.keys()]);
    expect(one.size, "6 bands, mit-pdf.epub and .pdf, warnt.epub").toBe(9);
    for (const [name, bytes] of one) expect(three.get(name)!.equals(bytes), name).toBe(true);
    if (!skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck')) {
      const epubs = [...three.keys()].filter((f) => f.endsWith('.epub')).map((f) => path.join(dir, 'j3', f));
      for (const [file, findings] of epubcheckMany(epubs)) expect(findings, file).toEqual([]);
    }
  }, 600_000);

  it('through the API under vitest: workers run from the sources, results and callbacks come in request order', async () => {
    const dir = manyEditions(4);
    dirs.push(dir);
    const requests = [1, 2, 3, 4].map((i) => ({ manifestFile: path.join(dir, 'editions', `band-${i}.yaml`) }));
    const seen: string[] = [];
    const run = await buildEditions(requests, { projectRoot: dir, outDir: path.join(dir, 'api'), jobs: 2, cache: new FileCache(dir), sourceDateEpoch: 1700000000, onFile: (f) => seen.push(path.basename(f.path)), onEdition: ({ result }) => seen.push(`done ${result?.edition.meta.slug}`) });
    expect(run.failures).toEqual([]);
    expect(run.results.map((r) => r.edition.meta.slug)).toEqual(['band-1', 'band-2', 'band-3', 'band-4']);
    expect(seen).toEqual(['band-1.epub', 'done band-1', 'band-2.epub', 'done band-2', 'band-3.epub', 'done band-3', 'band-4.epub', 'done band-4']);
    const cli = await runCli(dir, ['build', '--jobs', '1', '--out', 'cli'], ENV);
    expect(cli.code, cli.stderr).toBe(0);
    const api = filesOf(path.join(dir, 'api'));
    for (const [name, bytes] of filesOf(path.join(dir, 'cli'))) expect(api.get(name)?.equals(bytes), name).toBe(true);
    if (!skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck')) {
      const epubs = [...api.keys()].map((f) => path.join(dir, 'api', f));
      for (const [file, findings] of epubcheckMany(epubs)) expect(findings, file).toEqual([]);
    }
  }, 600_000);

  it('rejects a --jobs that is not a whole number of at least 1 (usage, exit 2)', async () => {
    const dir = manyEditions(1);
    dirs.push(dir);
    for (const bad of ['0', '-1', '1.5']) {
      const r = await runCli(dir, ['build', '--jobs', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--jobs takes a whole number of at least 1/);
    }
  }, 180_000);
});
