/**
 * Output safety: every output is written to a temporary file in its folder
 * and renamed into place (src/util/atomic-write.ts). A build killed with
 * SIGKILL at any moment leaves each output file either as it was or complete
 * — never half-written — and the next complete run sweeps the temporaries.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject, collect, germanProse, manifest, sha256, source, spawnCli } from '../helpers/project.js';
import { formatFinding, readEpub } from '../helpers/validators.js';

const FORMATS = ['epub', 'pdf'];
const OUTPUTS = FORMATS.map((f) => `gross.${f}`).sort();
const isTemp = (name: string) => name.startsWith('.edition-tmp-');

let p: TempProject;
/** Hashes of the previous good build, per output file. */
let before: Record<string, string>;
/** Its bytes, put back before every attempt so each kill interrupts an old → new replacement. */
let previous: Map<string, Buffer>;
/** How long a complete build takes here (ms). */
let duration: number;

const hashes = () => Object.fromEntries(OUTPUTS.map((f) => [f, sha256(p.read(`dist/${f}`))]));

beforeAll(async () => {
  const { body } = germanProse({ bytes: 250_000, notesEvery: 6 });
  p = new TempProject({
    'sources/gross.md': source({ title: 'Ein großer Text', author: 'Niemand' }, body),
    'editions/gross.yaml': manifest({ title: 'Groß', texts: ['gross'], formats: FORMATS }),
  });
  const started = performance.now();
  const r = await collect(spawnCli(p.dir, ['build', '--quiet']));
  duration = performance.now() - started;
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(p.list()).toEqual(OUTPUTS);
  before = hashes();
  previous = new Map(OUTPUTS.map((f) => [f, p.read(`dist/${f}`)]));
  // The next builds produce different bytes: one more paragraph.
  p.write('sources/gross.md', source({ title: 'Ein großer Text', author: 'Niemand' }, `${body}\nEin neuer letzter Absatz.\n`));
}, 300_000);

afterAll(() => p?.remove());

describe('SIGKILL during a build', () => {
  it('leaves every output either as before or complete, and the next run sweeps temporaries', async () => {
    const seen: { moment: string; hashes: Record<string, string>; temporaries: string[] }[] = [];
    const observe = async (moment: string) => {
      const names = p.list();
      expect(names.filter((n) => !isTemp(n)), `outputs after a kill ${moment}`).toEqual(OUTPUTS);
      seen.push({ moment, hashes: hashes(), temporaries: names.filter(isTemp) });
      const book = await readEpub(p.read('dist/gross.epub'));
      expect(book.findings.map(formatFinding), `EPUB after a kill ${moment}`).toEqual([]);
    };

    const restore = () => {
      for (const [f, bytes] of previous) fs.writeFileSync(p.path(`dist/${f}`), bytes);
    };

    // Kill at fixed moments and at fractions of a full build's duration.
    const moments = [200, 500, 1000, ...[0.6, 0.85, 0.95, 1.02].map((f) => Math.round(duration * f))];
    for (const ms of moments) {
      restore();
      const child = spawnCli(p.dir, ['build', '--quiet']);
      const done = collect(child);
      await sleep(ms);
      child.kill('SIGKILL');
      await done;
      await observe(`after ${ms} ms`);
    }

    // Kill the moment a temporary appears in the output folder (mid-write or just before the rename).
    for (let i = 0; i < 2; i++) {
      restore();
      const child = spawnCli(p.dir, ['build', '--quiet']);
      const done = collect(child);
      const watcher = fs.watch(p.path('dist'), (_event, name) => {
        if (name && isTemp(String(name))) child.kill('SIGKILL');
      });
      const r = await done;
      watcher.close();
      await observe(`when a temporary appeared (${r.signal ?? `exit ${r.code}`})`);
    }

    // A complete run: exit 0, the new edition, and no temporaries left behind.
    const r = await collect(spawnCli(p.dir, ['build', '--quiet']));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(p.list(), 'no stray temporaries after a complete run').toEqual(OUTPUTS);
    const after = hashes();
    for (const f of OUTPUTS) expect(after[f], `${f} changed`).not.toBe(before[f]);
    for (const s of seen) {
      for (const f of OUTPUTS) expect([before[f], after[f]], `${f} after a kill ${s.moment} is neither the old nor the new file`).toContain(s.hashes[f]);
    }
    console.log(
      `[kill] full build ${Math.round(duration)} ms; kills: ${seen.map((s) => `${s.moment}: ${OUTPUTS.map((f) => (s.hashes[f] === before[f] ? 'old' : 'new')).join('/')}${s.temporaries.length ? ` +${s.temporaries.length} tmp` : ''}`).join('; ')}`,
    );
  }, 600_000);
});
