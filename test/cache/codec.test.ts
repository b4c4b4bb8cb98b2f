import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../src/cache/codec.js';

const ROOT = path.resolve('/lib/project');

describe('cache codec', () => {
  it('round-trips what JSON loses: undefined fields, Maps, Sets, Dates, holes', () => {
    const value = { a: undefined, list: [1, undefined, 'x'], map: new Map([['k', { n: 1 }]]), set: new Set(['a', 'b']), when: new Date(1700000000000), nested: { deep: [new Map()] } };
    const back = decode<typeof value>(encode(value, ROOT), ROOT);
    expect(back).toEqual(value);
    expect('a' in back, 'a field present but unset stays present').toBe(true);
    expect(back.list).toHaveLength(3);
    expect(1 in back.list, 'no hole where undefined was').toBe(true);
    expect(back.map).toBeInstanceOf(Map);
    expect(back.set).toBeInstanceOf(Set);
    expect(back.when).toBeInstanceOf(Date);
  });

  it('stores paths in the root relative to it, so a moved library gets its own paths back', () => {
    const value = { file: path.join(ROOT, 'sources', 'a.md'), root: ROOT, other: '/elsewhere/b.md', near: `${ROOT}-2/c.md` };
    const bytes = encode(value, ROOT);
    expect(bytes.toString()).not.toContain(ROOT + path.sep);
    const moved = path.resolve('/ci/checkout');
    expect(decode(bytes, moved)).toEqual({ file: path.join(moved, 'sources', 'a.md'), root: moved, other: '/elsewhere/b.md', near: `${ROOT}-2/c.md` });
  });

  it('refuses bytes that are not an entry', () => {
    expect(() => decode(Buffer.from('{"a": '), ROOT)).toThrow();
  });
});
