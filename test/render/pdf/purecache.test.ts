import { beforeEach, describe, expect, it } from 'vitest';
import type { ContentCache } from '../../../src/cache/types.js';
import { Reporter } from '../../../src/model/messages.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { shapingStats } from '../../../src/render/pdf/fonts.js';
import { clearHyphenationTables, hyphenationStats } from '../../../src/transforms/hyphenate.js';
import { edition, em, lang, note, noteRef, para, text } from '../../helpers/model-builders.js';
import { labelsFor, pdfConfig, templateDir } from './helpers.js';

/** The content cache as a plain map, the way the store behind it answers. */
class MemoryCache implements ContentCache {
  readonly entries = new Map<string, Buffer>();
  get(ns: string, key: string): Buffer | undefined {
    return this.entries.get(`${ns}/${key}`);
  }
  set(ns: string, key: string, value: Buffer): void {
    this.entries.set(`${ns}/${key}`, value);
  }
}

const prose = (n: number) => Array.from({ length: n }, (_, i) => `Der Satz ${i + 1} handelt von Organisationsfragen, Verwaltungsangelegenheiten und Arbeiterkontrolle.`).join(' ');
const book = () =>
  edition({
    title: 'Probebuch',
    texts: [
      text({
        id: 'eins',
        title: 'Erster Text',
        blocks: [para('Ein Absatz mit ', em('Hervorhebung'), ' und Anmerkung', noteRef('a'), '. ', prose(40)), para(lang('en', 'An English phrase, hyphenated separately. '), prose(10))],
        notes: [note('a', 1, [para('Die Anmerkung. ', prose(3))])],
      }),
    ],
  });

/** Renders cold (no word known in memory), counting the words hyphenated and the strings shaped. */
async function run(cache?: ContentCache, config: unknown = pdfConfig()) {
  clearHyphenationTables();
  const before = { hyphenated: hyphenationStats.computed, shaped: shapingStats.strings };
  const { bytes } = await renderPdf({ edition: book(), templateDir, pdfConfig: config, labelsFor, reporter: new Reporter(), ...(cache ? { cache } : {}) });
  return { bytes, hyphenated: hyphenationStats.computed - before.hyphenated, shaped: shapingStats.strings - before.shaped };
}

describe('the PDF content cache (widths and hyphenated words)', () => {
  beforeEach(() => clearHyphenationTables());

  it('gives the bytes of a cold render, and a second render with it hyphenates and shapes nothing', async () => {
    const cold = await run();
    expect(cold.hyphenated).toBeGreaterThan(10);
    expect(cold.shaped).toBeGreaterThan(10);
    const cache = new MemoryCache();
    const first = await run(cache);
    expect(first.bytes.equals(cold.bytes)).toBe(true);
    const kinds = [...cache.entries.keys()].map((k) => k.split('/')[0]);
    // Four text faces and two languages (de, en).
    expect(kinds.filter((k) => k === 'pdf-widths').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'hyphenation')).toHaveLength(2);
    const second = await run(cache);
    expect(second.bytes.equals(cold.bytes)).toBe(true);
    expect(second.hyphenated).toBe(0);
    expect(second.shaped).toBe(0);
  });

  it('misses when a setting the words depend on changes (pdf.yaml hyphenation)', async () => {
    const cache = new MemoryCache();
    await run(cache);
    const config = structuredClone(pdfConfig()) as { hyphenation: { leftMin: number } };
    config.hyphenation.leftMin = 3;
    const changed = await run(cache, config);
    expect(changed.hyphenated).toBeGreaterThan(10);
    const cold = await run(undefined, config);
    // Widths depend on the font files only: found, except for the syllables the new break points make.
    expect(changed.shaped).toBeLessThan(cold.shaped / 2);
    expect(changed.bytes.equals(cold.bytes)).toBe(true);
  });

  it('treats a damaged entry as a miss', async () => {
    const cache = new MemoryCache();
    await run(cache);
    for (const key of cache.entries.keys()) cache.entries.set(key, Buffer.from('{not json'));
    const damaged = await run(cache);
    expect(damaged.hyphenated).toBeGreaterThan(10);
    expect(damaged.bytes.equals((await run()).bytes)).toBe(true);
  });
});
