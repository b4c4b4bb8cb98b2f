/** `edition build --shard I/N`: a stable, disjoint split of the editions across machines. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeProject } from '../cli/helpers.js';
import { manifest, runCli } from '../helpers/project.js';
import { epubcheckMany } from '../helpers/epubcheck-many.js';
import { skipUnlessTool } from '../helpers/validators.js';
import { inShard, parseShard, shardOf } from '../../src/edition/shard.js';
import { filesOf, manyEditions } from './many-helpers.js';

const ENV = { env: { SOURCE_DATE_EPOCH: '1700000000' } };
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeProject));

describe('shards', () => {
  it('parses I/N and refuses 0/N, I>N, N=0 and anything malformed', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(() => parseShard('0/3')).toThrow(/I must be between 1 and 3/);
    expect(() => parseShard('4/3')).toThrow(/I must be between 1 and 3/);
    expect(() => parseShard('1/0')).toThrow(/N must be at least 1/);
    for (const bad of ['', '1', '1/', '/2', 'a/b', '1/2/3', '-1/2', '1.5/2']) expect(() => parseShard(bad), bad).toThrow(/--shard takes I\/N/);
  });

  it('splits by the file name alone: every edition in exactly one shard, none moves when others are added', () => {
    const names = Array.from({ length: 200 }, (_, i) => `/lib/editions/edition-${i}.yaml`);
    for (const count of [1, 2, 3, 8]) {
      const shards = Array.from({ length: count }, (_, i) => inShard(names.map((manifestFile) => ({ manifestFile })), { index: i + 1, count }));
      expect(shards.flat().map((r) => r.manifestFile).sort()).toEqual([...names].sort());
      // Roughly even: no shard holds less than half its share.
      for (const s of shards) expect(s.length).toBeGreaterThan(200 / count / 2);
    }
    const before = new Map(names.map((n) => [n, shardOf(n, 8)]));
    const more = [...names, ...Array.from({ length: 50 }, (_, i) => `/lib/editions/neu-${i}.yaml`)];
    for (const n of names) expect(shardOf(n, 8)).toBe(before.get(n));
    expect(shardOf('/elsewhere/checkout/editions/edition-7.yaml', 8), 'where the checkout lies does not matter').toBe(before.get(names[7]!));
    expect(more.length).toBe(250);
  });

  it('an ad-hoc selection is built by shard 1 only', () => {
    const adhoc = [{ manifest: { title: 'X', texts: ['a'] } }];
    expect(inShard(adhoc, { index: 1, count: 3 })).toHaveLength(1);
    expect(inShard(adhoc, { index: 2, count: 3 })).toHaveLength(0);
  });
});

describe('edition build --shard', () => {
  it('three shards are disjoint, their union is the plain build, byte for byte; --json names the shard and what it built', async () => {
    const dir = manyEditions(6);
    dirs.push(dir);
    const plain = await runCli(dir, ['build', '--out', 'all'], ENV);
    expect(plain.code, plain.stderr).toBe(0);
    const built: string[][] = [];
    for (const i of [1, 2, 3]) {
      const r = await runCli(dir, ['build', '--shard', `${i}/3`, '--json', '--out', `s${i}`], ENV);
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout) as { shard: { index: number; count: number }; editions: { edition: string; origin: string }[]; files: { path: string }[] };
      expect(summary.shard).toEqual({ index: i, count: 3 });
      const names = summary.editions.map((e) => e.edition);
      expect(names.sort()).toEqual(
        fs.readdirSync(path.join(dir, 'editions')).filter((f) => shardOf(f, 3) === i).map((f) => f.replace('.yaml', '')).sort(),
      );
      const written = fs.existsSync(path.join(dir, `s${i}`)) ? [...filesOf(path.join(dir, `s${i}`)).keys()] : [];
      expect(written).toEqual(names.map((n) => `${n}.epub`).sort());
      built.push(written);
    }
    const all = filesOf(path.join(dir, 'all'));
    const union = built.flat();
    expect(new Set(union).size, 'disjoint').toBe(union.length);
    expect(union.sort()).toEqual([...all.keys()]);
    for (const [i, names] of built.entries()) for (const name of names) expect(fs.readFileSync(path.join(dir, `s${i + 1}`, name)).equals(all.get(name)!), name).toBe(true);
    if (!skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck')) {
      const epubs = built.flatMap((names, i) => names.map((n) => path.join(dir, `s${i + 1}`, n)));
      for (const [file, findings] of epubcheckMany(epubs)) expect(findings, file).toEqual([]);
    }

    // A new manifest joins one shard; the others keep theirs.
    fs.writeFileSync(path.join(dir, 'editions', 'nachtrag.yaml'), manifest({ title: 'Nachtrag', texts: ['zeitung'] }));
    const home = shardOf('nachtrag.yaml', 3);
    const again = await runCli(dir, ['build', '--shard', `${home}/3`, '--json', '--out', `again`], ENV);
    expect(again.code, again.stderr).toBe(0);
    const after = (JSON.parse(again.stdout) as { editions: { edition: string }[] }).editions.map((e) => e.edition).sort();
    expect(after).toEqual([...built[home - 1]!.map((n) => n.replace('.epub', '')), 'nachtrag'].sort());
    if (!skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck')) {
      const epub = path.join(dir, 'again', 'nachtrag.epub');
      expect(epubcheckMany([epub]).get(epub)).toEqual([]);
    }
  }, 600_000);

  it('usage errors for a shard out of range or malformed (exit 2); an empty shard builds nothing and succeeds', async () => {
    const dir = manyEditions(1);
    dirs.push(dir);
    for (const bad of ['0/3', '4/3', 'x', '1/0']) {
      const r = await runCli(dir, ['build', '--shard', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/^edition: --shard/);
    }
    const watch = await runCli(dir, ['build', '--shard', '1/2', '--watch']);
    expect(watch.code).toBe(2);
    expect(watch.stderr).toMatch(/--watch and --shard do not go together/);
    const empty = `${(shardOf('band-1.yaml', 2) % 2) + 1}/2`;
    const r = await runCli(dir, ['build', '--shard', empty], ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/none of the 1 editions falls in this shard/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  }, 180_000);
});
