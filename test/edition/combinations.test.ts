/**
 * Every option a manifest allows (src/manifest/schema.ts), combined pairwise:
 * each value of each option appears at least once, and each pair of values of
 * two options appears together in at least one edition. Every EPUB passes
 * epubcheck with 0 errors and 0 warnings (one JVM for all of them), every PDF
 * passes qpdf --check.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditions, type BuildManyResult } from '../../src/edition/many.js';
import type { ManifestInput } from '../../src/manifest/schema.js';
import { FIXTURE_LIBRARY } from '../cli/helpers.js';
import { TempProject } from '../helpers/project.js';
import { epubcheckMany } from '../helpers/epubcheck-many.js';
import { qpdfCheck, skipUnlessTool } from '../helpers/validators.js';

/** Each option with the values worth telling apart. */
const OPTIONS = {
  notes: ['text', 'book'],
  template: ['buch', 'a4'],
  selection: ['texts', 'query', 'texts+query', 'parts'],
  sort: ['listed', 'date', 'title', 'author'],
  lang: ['auto', 'de', 'en'],
  imprint: ['none', 'full'],
  formats: ['epub', 'epub+pdf', 'epub+pdf+cover+booklet'],
  print: ['none', 'kdp-cream', 'copyshop-signature'],
  series: ['none', 'set'],
} as const;
type Option = keyof typeof OPTIONS;
type Combination = { [K in Option]: (typeof OPTIONS)[K][number] };

/** A small pairwise covering set, chosen greedily from the full product (deterministic). */
export function pairwise(): Combination[] {
  const keys = Object.keys(OPTIONS) as Option[];
  let all: Combination[] = [{} as Combination];
  for (const k of keys) all = all.flatMap((c) => OPTIONS[k].map((v) => ({ ...c, [k]: v }) as Combination));
  const pairsOf = (c: Combination) => keys.flatMap((a, i) => keys.slice(i + 1).map((b) => `${a}=${c[a]}|${b}=${c[b]}`));
  const uncovered = new Set(all.flatMap(pairsOf));
  const chosen: Combination[] = [];
  while (uncovered.size) {
    let best = all[0]!;
    let bestGain = -1;
    for (const c of all) {
      const gain = pairsOf(c).filter((p) => uncovered.has(p)).length;
      if (gain > bestGain) [best, bestGain] = [c, gain];
    }
    for (const p of pairsOf(best)) uncovered.delete(p);
    chosen.push(best);
  }
  return chosen;
}

function manifestOf(c: Combination, i: number): ManifestInput {
  const selection: Partial<ManifestInput> =
    c.selection === 'texts' ? { texts: ['trotzki-armee', 'lenin-aufruf', 'luxemburg-revolution'] }
    : c.selection === 'query' ? { query: { author: ['Lenin', 'Trotzki'] } }
    : c.selection === 'texts+query' ? { texts: ['zeitung'], query: [{ tags: ['lenin'] }, { from: '1917', to: '1918' }] }
    : { parts: [{ title: 'Teil I: 1917', query: { to: '1917' } }, { title: 'Teil II', texts: ['luxemburg-revolution', 'trotzki-armee'], sort: 'title' }] };
  return {
    title: `Kombination ${i + 1}`,
    notes: c.notes,
    template: c.template,
    sort: c.sort,
    formats: c.formats === 'epub' ? ['epub'] : c.formats === 'epub+pdf' ? ['epub', 'pdf'] : ['epub', 'pdf', 'cover', 'booklet'],
    ...(c.print === 'kdp-cream' ? { print: { profile: 'kdp', paper: 'cream' } } : c.print === 'copyshop-signature' ? { print: { profile: 'copyshop', signature: 8 } } : {}),
    ...(c.series === 'set' ? { series: 'Texte zur Revolution' } : {}),
    ...(c.lang === 'auto' ? {} : { lang: c.lang }),
    ...(c.imprint === 'full'
      ? { subtitle: 'Eine Probe', editor: ['Rosa Beispiel', 'Karl Muster'], publisher: 'Edition Rote Reihe', date: '2026-11', rights: 'CC BY-SA 4.0', description: 'Alle Optionen.', isbn: '978-3-16-148410-0' }
      : {}),
    ...selection,
  };
}

const combinations = pairwise();
let p: TempProject;
let run: BuildManyResult;

beforeAll(async () => {
  p = new TempProject();
  p.copyFrom(FIXTURE_LIBRARY, 'sources');
  run = await buildEditions(
    combinations.map((c, i) => ({ manifest: manifestOf(c, i), slug: `k${i + 1}` })),
    { projectRoot: p.dir, sourceDateEpoch: 1_700_000_000 },
  );
}, 600_000);
afterAll(() => p.remove());

describe('every manifest option, pairwise', () => {
  it('covers each value of each option, in few editions', () => {
    for (const [k, values] of Object.entries(OPTIONS)) expect(new Set(combinations.map((c) => c[k as Option]))).toEqual(new Set(values));
    expect(combinations.length).toBeLessThanOrEqual(24);
  });

  it('builds every combination', () => {
    expect(run.failures.map((f) => f.messages.map((m) => m.reason).join('; ') || String(f.error))).toEqual([]);
    expect(run.results).toHaveLength(combinations.length);
  });

  it.skipIf(skipUnlessTool('javaEpubcheck', 'apt-get install epubcheck'))('every EPUB passes epubcheck with 0 errors and 0 warnings', () => {
    const epubs = run.results.flatMap((r) => r.files.filter((f) => f.format === 'epub').map((f) => f.path));
    expect(epubs).toHaveLength(combinations.length);
    // A broken file in the same run proves the batch runner reports what it finds.
    const broken = p.write('broken.epub', 'kein zip');
    const findings = epubcheckMany([...epubs, broken]);
    expect(findings.get(broken)!.map((f) => f.severity)).toContain('FATAL');
    findings.delete(broken);
    expect(Object.fromEntries([...findings].filter(([, f]) => f.length).map(([file, f]) => [path.basename(file), f]))).toEqual({});
  }, 600_000);

  it('writes the print files a manifest asks for, beside its interior', () => {
    for (const [i, c] of combinations.entries()) {
      const formats = run.results[i]!.files.map((f) => `${f.format}:${path.basename(f.path)}`);
      if (c.formats === 'epub+pdf+cover+booklet') expect(formats).toEqual([`epub:k${i + 1}.epub`, `pdf:k${i + 1}.pdf`, `cover:k${i + 1}.cover.pdf`, `booklet:k${i + 1}.booklet.pdf`]);
    }
  });

  it.skipIf(skipUnlessTool('qpdf', 'apt-get install qpdf'))('every PDF (interior, cover, booklet) passes qpdf --check', () => {
    const pdfs = run.results.flatMap((r) => r.files.filter((f) => f.format !== 'epub').map((f) => f.path));
    expect(new Set(run.results.flatMap((r) => r.files.map((f) => f.format)))).toEqual(new Set(['epub', 'pdf', 'cover', 'booklet']));
    for (const f of pdfs) expect(qpdfCheck(f), f).toEqual([]);
  });
});
