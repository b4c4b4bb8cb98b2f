import { describe, expect, it } from 'vitest';
import { absoluteFontPaths } from '../../src/templates/merge.js';

describe('absoluteFontPaths', () => {
  it('makes relative paths of the fallback chain absolute, in both forms, and leaves npm: and lang alone', () => {
    const out = absoluteFontPaths(
      { fonts: { serif: { regular: 'fonts/a.ttf' }, fallback: ['fonts/he.ttf', 'npm:pkg/x.ttf', { regular: 'fonts/jp.otf', bold: 'fonts/jp-b.otf', lang: ['ja'] }] } },
      '/t/druck',
    ) as { fonts: Record<string, unknown> };
    expect(out.fonts.serif).toEqual({ regular: '/t/druck/fonts/a.ttf' });
    expect(out.fonts.fallback).toEqual(['/t/druck/fonts/he.ttf', 'npm:pkg/x.ttf', { regular: '/t/druck/fonts/jp.otf', bold: '/t/druck/fonts/jp-b.otf', lang: ['ja'] }]);
  });
});
