import { describe, expect, it } from 'vitest';
import { adhocManifest, parseSelect, parseYearRange, UsageError } from '../../src/select/adhoc.js';

describe('--select parsing', () => {
  it.each([
    ['author:Lenin', { author: ['Lenin'] }],
    ['author:Lenin,Trotzki', { author: ['Lenin', 'Trotzki'] }],
    ['tag:komintern', { tags: ['komintern'] }],
    ['tags:a, b', { tags: ['a', 'b'] }],
    ['lang:de-CH', { lang: 'de-CH' }],
    ['id:a,b', { id: ['a', 'b'] }],
    ['year:1917', { from: '1917', to: '1917' }],
    ['year=1917..1918', { from: '1917', to: '1918' }],
    ['year:..1918', { to: '1918' }],
    ['year:1917..', { from: '1917' }],
    ['date:1917-11..1918-03-05', { from: '1917-11', to: '1918-03-05' }],
    ['AUTHOR: Rosa Luxemburg', { author: ['Rosa Luxemburg'] }],
  ])('%s', (arg, query) => {
    expect(parseSelect(arg)).toEqual(query);
  });

  it.each([
    ['Lenin', /expected key:value/],
    ['autor:Lenin', /unknown key `autor` \(did you mean `author`\?\)/],
    ['author:', /the value is empty/],
    ['lang:deutsch', /not a language tag/],
    ['year:1917..1918..1919', /not a year or range/],
    ['year:..', /not a year or range/],
    ['year:19', /not a year or range/],
    ['year:1918..1917', /ends before it starts/],
  ])('refuses %s', (arg, message) => {
    expect(() => parseSelect(arg)).toThrow(UsageError);
    expect(() => parseSelect(arg)).toThrow(message);
  });

  it('parses year ranges on their own', () => {
    expect(parseYearRange('1917-11..')).toEqual({ from: '1917-11' });
  });
});

describe('ad-hoc manifests', () => {
  it('ids alone are a listed selection in the given order', () => {
    const { manifest, locate } = adhocManifest({ id: ['b,a', 'c'], title: 'T' });
    expect(manifest).toEqual({ title: 'T', texts: ['b', 'a', 'c'] });
    expect(locate(['texts', 1])).toEqual({ file: '--id a' });
  });

  it('each --select is one query; ids narrow them and keep their order', () => {
    const { manifest, locate } = adhocManifest({ select: ['author:Lenin', 'year:1917..1918'], id: ['x,y'], title: 'Lenin 1917', notes: 'book', template: 'a4', publisher: 'P', subtitle: 'S', sort: 'date' });
    expect(manifest).toEqual({
      title: 'Lenin 1917', subtitle: 'S', publisher: 'P', template: 'a4', notes: 'book', sort: 'date',
      query: [{ id: ['x', 'y'] }, { author: ['Lenin'] }, { from: '1917', to: '1918' }],
    });
    expect(locate(['query', 2])).toEqual({ file: '--select year:1917..1918' });
    expect(locate(['query', 1, 'author'])).toEqual({ file: '--select author:Lenin' });
    expect(locate(['query', 0, 'id', 1])).toEqual({ file: '--id y' });
    expect(locate(['query'])).toEqual({ file: '--id x,y --select author:Lenin --select year:1917..1918' });
  });

  it('needs a title', () => {
    expect(() => adhocManifest({ select: ['author:Lenin'] })).toThrow(/needs a --title/);
  });
});
