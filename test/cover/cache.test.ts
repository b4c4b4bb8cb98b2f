/** The drawn ebook cover through the content cache: same bytes, same warnings, redrawn when anything it shows changes. */
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/templates/load.js';
import { cachedEbookCover, renderEbookCover } from '../../src/cover/render.js';
import { Reporter } from '../../src/model/messages.js';
import type { ContentCache } from '../../src/cache/types.js';
import { edition, text } from '../helpers/model-builders.js';
import { REPO } from '../helpers/project.js';

/** An in-memory cache that counts what the cover asks of it. */
class CountingCache implements ContentCache {
  readonly entries = new Map<string, Buffer>();
  hits = 0;
  sets = 0;
  get(namespace: string, key: string): Buffer | undefined {
    const v = this.entries.get(`${namespace}/${key}`);
    if (v) this.hits++;
    return v;
  }
  set(namespace: string, key: string, value: Buffer): void {
    this.sets++;
    this.entries.set(`${namespace}/${key}`, value);
  }
}

const book = (title: string) => edition({ title, origin: 'editions/x.yaml', publisher: 'Edition Rote Reihe', texts: [text({ authors: ['W. I. Lenin'] })] });

describe('ebook cover through the content cache', () => {
  it('is drawn once and then read back byte for byte', async () => {
    const cache = new CountingCache();
    const t = loadTemplate('buch', REPO);
    const cold = await cachedEbookCover(book('Staat und Revolution'), t, new Reporter(), cache);
    expect([cache.hits, cache.sets]).toEqual([0, 1]);
    const warm = await cachedEbookCover(book('Staat und Revolution'), loadTemplate('buch', REPO), new Reporter(), cache);
    expect([cache.hits, cache.sets]).toEqual([1, 1]);
    expect(warm.equals(cold)).toBe(true);
    expect(cold.equals(renderEbookCover(book('Staat und Revolution'), t))).toBe(true);
  });

  it('is drawn again for another title or another template', async () => {
    const cache = new CountingCache();
    await cachedEbookCover(book('Staat und Revolution'), loadTemplate('buch', REPO), undefined, cache);
    await cachedEbookCover(book('Was tun?'), loadTemplate('buch', REPO), undefined, cache);
    await cachedEbookCover(book('Was tun?'), loadTemplate('a4', REPO), undefined, cache);
    expect([cache.hits, cache.sets]).toEqual([0, 3]);
  });

  it('gives the warnings of its layout on a hit too', async () => {
    const cache = new CountingCache();
    const endless = book(Array.from({ length: 120 }, (_, i) => `Wort${i}`).join(' '));
    const first = new Reporter();
    await cachedEbookCover(endless, loadTemplate('buch', REPO), first, cache);
    const second = new Reporter();
    await cachedEbookCover(endless, loadTemplate('buch', REPO), second, cache);
    expect(cache.hits).toBe(1);
    expect(first.messages.map((m) => `${m.file} ${m.rule}`)).toEqual(['editions/x.yaml cover-text-cut']);
    expect(second.messages).toEqual(first.messages);
  });

  it('ignores a damaged entry and draws the cover again', async () => {
    const cache = new CountingCache();
    const t = loadTemplate('buch', REPO);
    const good = await cachedEbookCover(book('Staat und Revolution'), t, undefined, cache);
    for (const k of cache.entries.keys()) cache.entries.set(k, Buffer.from([0, 0, 1, 0, 1]));
    const again = await cachedEbookCover(book('Staat und Revolution'), t, undefined, cache);
    expect(again.equals(good)).toBe(true);
    expect(cache.sets).toBe(2);
  });
});
