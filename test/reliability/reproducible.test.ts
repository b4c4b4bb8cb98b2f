/**
 * Reproducible builds: the same inputs give byte-identical EPUBs (and PDFs)
 * across runs and time zones; SOURCE_DATE_EPOCH sets dcterms:modified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject, manifest, sha256, source } from '../helpers/project.js';
import { readEpub } from '../helpers/validators.js';

const FORMATS = ['epub', 'pdf'];
let p: TempProject;

beforeAll(() => {
  p = new TempProject({
    'sources/aufruf.md': source(
      { title: 'Aufruf', author: 'W. I. Lenin', date: '1917-11-05', tags: ['aufruf'] },
      'Genossen! Die "Arbeiter" und Bauern haben die Macht übernommen.[^1] Das ist -- endlich -- erreicht...\n\n## Zweiter Teil\n\n> Ein Zitat mit \'einfachen\' Anführungen.\n\n[^1]: Am 25. Oktober 1917.\n',
    ),
    'sources/analyse.md': source({ title: 'Analyse', author: 'Niemand', date: '2020' }, 'Eine Analyse mit Anmerkung.[^a]\n\n- eins\n- zwei\n\n[^a]: Eine Anmerkung.\n'),
    'editions/probe.yaml': manifest({ title: 'Probe', date: '2024-05', texts: ['aufruf', 'analyse'], formats: FORMATS }),
  });
});
afterAll(() => p?.remove());

/** Builds into dist-<name> with the given environment; returns the output hashes and the EPUB's dcterms:modified. */
async function build(name: string, env: Record<string, string | undefined>): Promise<{ hashes: Record<string, string>; modified: string }> {
  const out = `dist-${name}`;
  const r = await p.run(['build', '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: undefined, ...env } });
  expect(r.stderr, `build ${name}`).toBe('');
  expect(r.code).toBe(0);
  const hashes = Object.fromEntries(FORMATS.map((f) => [f, sha256(p.read(`${out}/probe.${f}`))]));
  const book = await readEpub(p.read(`${out}/probe.epub`));
  const opf = book.entries.get(book.opfPath)!.toString('utf8');
  return { hashes, modified: /<meta property="dcterms:modified">([^<]*)<\/meta>/.exec(opf)?.[1] ?? '' };
}

function sameBytes(x: { hashes: Record<string, string> }, y: { hashes: Record<string, string> }, what: string): void {
  for (const f of FORMATS) expect(x.hashes[f], `${f} differs with ${what}`).toBe(y.hashes[f]);
}

describe('reproducible builds', () => {
  it('identical bytes across runs and time zones; dcterms:modified from the edition date', async () => {
    // Three separate processes: equal bytes across runs and across time zones.
    const [a, c, d] = await Promise.all([
      build('a', { TZ: 'UTC' }),
      build('c', { TZ: 'Pacific/Kiritimati' }),
      build('d', { TZ: 'America/St_Johns', LANG: 'en_US.UTF-8' }),
    ]);
    sameBytes(c, a, 'a second run, TZ=Pacific/Kiritimati (UTC+14)');
    sameBytes(d, a, 'TZ=America/St_Johns (UTC−3:30)');
    expect(a.modified).toBe('2024-05-01T00:00:00Z');
  });

  it('SOURCE_DATE_EPOCH sets dcterms:modified, and stays reproducible across time zones', async () => {
    const [a, b, c] = await Promise.all([
      build('sde-a', { SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC' }),
      build('sde-b', { SOURCE_DATE_EPOCH: '1700000000', TZ: 'Asia/Kolkata' }),
      build('sde-c', { SOURCE_DATE_EPOCH: '1000000000', TZ: 'UTC' }),
    ]);
    expect(a.modified).toBe('2023-11-14T22:13:20Z');
    expect(c.modified).toBe('2001-09-09T01:46:40Z');
    sameBytes(b, a, 'TZ=Asia/Kolkata with the same SOURCE_DATE_EPOCH');
    expect(c.hashes.epub, 'another SOURCE_DATE_EPOCH gives another EPUB').not.toBe(a.hashes.epub);
  });
});
