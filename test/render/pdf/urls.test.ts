import { describe, expect, it } from 'vitest';
import { urlPieces } from '../../../src/render/pdf/urls.js';

const AFTER = '/.-?&=';

describe('urlPieces', () => {
  it('breaks an address only after / . - ? & =, never inside the scheme, and keeps every character', () => {
    const url = 'https://www.example.org/archive/old-newspapers.html?year=1917&lang=de';
    const pieces = urlPieces(url, AFTER)!;
    expect(pieces.join('')).toBe(url);
    expect(pieces[0]).toBe('https://www.');
    for (const p of pieces.slice(0, -1)) expect(AFTER).toContain(p[p.length - 1]);
    expect(pieces).toContain('old-');
    expect(pieces).toContain('year=');
  });

  it('drops soft hyphens that hyphenation put into an address, and adds no hyphen', () => {
    const pieces = urlPieces('www.mar\u00ADxists.org/deutsch/ar\u00ADchiv/index.htm', AFTER)!;
    expect(pieces.join('')).toBe('www.marxists.org/deutsch/archiv/index.htm');
    expect(pieces.join('')).not.toContain('\u00AD');
  });

  it('does not break before the punctuation of the sentence, nor between two separators', () => {
    const pieces = urlPieces('(siehe:https://example.org/a//b/).', AFTER)!;
    expect(pieces[pieces.length - 1]).toBe('b/).');
    expect(pieces.some((p) => p.startsWith('/'))).toBe(false);
  });

  it('leaves ordinary words alone; the text of a web link counts when it has a slash', () => {
    expect(urlPieces('Sowjet-Russland.', AFTER)).toBeNull();
    expect(urlPieces('example.org/a', AFTER)).toBeNull();
    expect(urlPieces('example.org/a', AFTER, true)).toEqual(['example.', 'org/', 'a']);
  });
});
