import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_DIR, FileCache } from '../../src/cache/store.js';
import { cacheKey, toolVersion } from '../../src/cache/key.js';

const dirs: string[] = [];
const tempRoot = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'edition-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    fs.chmodSync(d, 0o755);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

const entries = (root: string, ns: string) => fs.readdirSync(path.join(root, CACHE_DIR, ns)).sort();

describe('FileCache', () => {
  it('keeps values under <root>/.edition-cache/<namespace>/, and a second cache on the folder reads them', () => {
    const root = tempRoot();
    const a = new FileCache(root);
    expect(a.get('parse', 'k1'), 'nothing yet').toBeUndefined();
    expect(fs.existsSync(path.join(root, CACHE_DIR)), 'nothing is created by a read').toBe(false);
    a.set('parse', 'k1', Buffer.from('hello'));
    expect(entries(root, 'parse')).toEqual(['k1']);
    expect(new FileCache(root).get('parse', 'k1')?.toString()).toBe('hello');
    expect(new FileCache(root).get('typeset', 'k1'), 'namespaces are apart').toBeUndefined();
  });

  it('treats a truncated or altered entry as a miss and removes it', () => {
    const root = tempRoot();
    const cache = new FileCache(root);
    cache.set('parse', 'k', Buffer.from('a value long enough to be cut in half'));
    const file = path.join(root, CACHE_DIR, 'parse', 'k');
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length - 5));
    expect(cache.get('parse', 'k')).toBeUndefined();
    expect(fs.existsSync(file), 'the damaged entry is gone').toBe(false);
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 1] ^= 1;
    fs.writeFileSync(file, flipped);
    expect(cache.get('parse', 'k')).toBeUndefined();
    cache.set('parse', 'k', Buffer.from('again'));
    expect(cache.get('parse', 'k')?.toString()).toBe('again');
  });

  it('an unwritable folder is one warning, then the cache is off; nothing throws', () => {
    if (process.getuid?.() === 0) {
      // root writes through permissions: make the cache folder a file instead.
      const root = tempRoot();
      fs.writeFileSync(path.join(root, CACHE_DIR), 'not a folder');
      expectOneWarning(root);
      return;
    }
    const root = tempRoot();
    fs.chmodSync(root, 0o555);
    expectOneWarning(root);
  });

  it('prunes entries unused for longer than the age limit, then the least recently used beyond the size cap', () => {
    const root = tempRoot();
    const cache = new FileCache(root);
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    for (const [key, age] of [['old', 40], ['mid', 3], ['new', 1], ['newest', 0]] as const) {
      cache.set('parse', key, Buffer.alloc(1000));
      const t = new Date(now - age * day);
      fs.utimesSync(path.join(root, CACHE_DIR, 'parse', key), t, t);
    }
    expect(cache.prune({ maxAgeMs: 30 * day, maxBytes: 1e9 }, now)).toBe(1);
    expect(entries(root, 'parse')).toEqual(['mid', 'new', 'newest']);
    // A hit makes an entry recent again: `mid` survives the size cap, `new` does not.
    expect(cache.get('parse', 'mid')).toBeDefined();
    expect(cache.prune({ maxAgeMs: 30 * day, maxBytes: 2100 }, Date.now())).toBe(1);
    expect(entries(root, 'parse')).toEqual(['mid', 'newest']);
  });

  it('keys change with every part and with the tool version', () => {
    expect(toolVersion()).toMatch(/^\d+\.\d+\.\d+.*\+cache\d+$/);
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('ab'));
    expect(cacheKey('a', Buffer.from('b'))).not.toBe(cacheKey('a', 'b'));
    expect(cacheKey('a', 'b')).toBe(cacheKey('a', 'b'));
  });
});

function expectOneWarning(root: string): void {
  const warnings: string[] = [];
  const cache = new FileCache(root, { onWarning: (m) => warnings.push(m) });
  expect(() => cache.set('parse', 'k', Buffer.from('x'))).not.toThrow();
  cache.set('parse', 'k2', Buffer.from('y'));
  expect(cache.get('parse', 'k')).toBeUndefined();
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/^cannot write the content cache .*\.edition-cache \((EACCES|ENOTDIR|EEXIST)\); building without it$/);
}
