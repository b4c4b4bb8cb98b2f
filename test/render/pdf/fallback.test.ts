import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FallbackChain, type FallbackEntry } from '../../../src/render/pdf/fallback.js';
import { loadFonts, type Face } from '../../../src/render/pdf/fonts.js';
import { breakRuns } from '../../../src/render/pdf/linebreak.js';
import { toRuns, type GlyphProblem, type TextRun } from '../../../src/render/pdf/runs.js';
import { resolveStyle } from '../../../src/render/pdf/style.js';
import { pdfConfig, templateDir } from './helpers.js';

/** A face that has the code points of `chars`; `key` names it. */
const fakeFace = (key: string, chars: string): Face => ({ key, has: (cp: number) => chars.includes(String.fromCodePoint(cp)) }) as unknown as Face;

function chain(entries: (FallbackEntry & { chars: string })[]): { chain: FallbackChain; loaded: string[] } {
  const loaded: string[] = [];
  const c = new FallbackChain(entries, (key, path) => {
    loaded.push(key);
    return fakeFace(path, entries.find((e) => e.regular === path || e.bold === path)!.chars);
  });
  return { chain: c, loaded };
}

describe('fallback chain', () => {
  const entries = [
    { regular: 'hebrew.ttf', lang: [], chars: 'שלום' },
    { regular: 'jp.otf', bold: 'jp-bold.otf', lang: ['ja'], chars: '直日本' },
    { regular: 'sc.otf', lang: [], chars: '直中' },
  ];

  it('takes the first font that has the character, loading fonts only as needed', () => {
    const { chain: c, loaded } = chain(entries);
    expect(c.faceFor('ש'.codePointAt(0)!, false, 'de')?.key).toBe('hebrew.ttf');
    expect(loaded).toEqual(['fallback1/regular']);
    expect(c.faceFor('ℵ'.codePointAt(0)!, false, 'de')).toBeUndefined();
  });

  it('prefers the fonts meant for the language, then general ones, then the rest', () => {
    const { chain: c } = chain(entries);
    const zhi = '直'.codePointAt(0)!;
    expect(c.faceFor(zhi, false, 'ja')?.key).toBe('jp.otf');
    expect(c.faceFor(zhi, false, 'ja-JP')?.key).toBe('jp.otf');
    expect(c.faceFor(zhi, false, 'zh')?.key).toBe('sc.otf');
    expect(c.faceFor(zhi, false, 'de')?.key).toBe('sc.otf');
    expect(c.faceFor(zhi, false, undefined)?.key).toBe('sc.otf');
    // A Japanese-only character in German text: the font meant for Japanese still draws it.
    expect(c.faceFor('本'.codePointAt(0)!, false, 'de')?.key).toBe('jp.otf');
  });

  it('uses the bold file for bold text where there is one', () => {
    const { chain: c } = chain(entries);
    expect(c.faceFor('日'.codePointAt(0)!, true, 'ja')?.key).toBe('jp-bold.otf');
    expect(c.faceFor('ש'.codePointAt(0)!, true, 'de')?.key).toBe('hebrew.ttf');
  });
});

describe('runs with fallback fonts', () => {
  const style = resolveStyle(pdfConfig(), templateDir);
  const fonts = loadFonts(new PDFDocument({ autoFirstPage: false }) as never, style, templateDir);
  const spec = { family: 'serif', style: 'regular' as const, size: 10, leading: 13 };

  it('splits a run where the face changes, and measures each piece in the face that draws it', () => {
    const problems: GlyphProblem[] = [];
    const runs = toRuns([{ type: 'text', value: 'Der Gruß שלום עולם und 中文 → ✓ ★ steht da.' }], spec, { config: style.config, fonts, problems }) as TextRun[];
    expect(problems).toEqual([]);
    const keys = runs.map((r) => r.face.key);
    expect(keys[0]).toBe('serif/regular');
    expect(keys.some((k) => k.startsWith('fallback'))).toBe(true);
    // Every character of a run is in its face: nothing is drawn as an empty box.
    for (const r of runs) for (const ch of r.text.replace(/[ \u00AD]/g, '')) expect(r.face.has(ch.codePointAt(0)!), `${ch} in ${r.face.key}`).toBe(true);
    const lines = breakRuns(runs, { width: 1000, align: 'left', lb: style.config.linebreak });
    for (const f of lines.flatMap((l) => l.frags)) expect(f.width).toBeCloseTo(f.face.width(f.text) * f.size * f.scale, 6);
  });

  it('a span with lang="ja" chooses the Japanese font, lang="zh" the Chinese one', () => {
    const run = (lang: string) =>
      (toRuns([{ type: 'lang', lang, children: [{ type: 'text', value: '直' }] }], spec, { config: style.config, fonts, problems: [] })[0] as TextRun).face.pdf.font as unknown as { postscriptName: string };
    expect(run('ja').postscriptName).toMatch(/JP/);
    expect(run('zh').postscriptName).toMatch(/Hans|SC/);
  });

  it('keeps a combining mark with the letter of the fallback face it sits on', () => {
    // Hebrew letter with a point (U+05B8 qamats): one run in the Hebrew face.
    const runs = toRuns([{ type: 'text', value: 'שָׁלוֹם' }], spec, { config: style.config, fonts, problems: [] }) as TextRun[];
    expect(runs).toHaveLength(1);
  });
});

describe('word spaces next to fallback text', () => {
  const style = resolveStyle(pdfConfig(), templateDir);
  const fonts = loadFonts(new PDFDocument({ autoFirstPage: false }) as never, style, templateDir);
  const spec = { family: 'serif', style: 'regular' as const, size: 10, leading: 13 };

  it('take the width of the text face, not of the fallback font (Noto Emoji has a 1.3 em space)', () => {
    const runs = toRuns([{ type: 'text', value: 'Drei ✊ vier שלום עולם fünf' }], spec, { config: style.config, fonts, problems: [] }) as TextRun[];
    for (const r of runs) if (r.text.trim() === '') expect(r.face.key).toBe('serif/regular');
    const [line] = breakRuns(runs, { width: 1000, align: 'left', lb: style.config.linebreak });
    const frags = [...line!.frags].sort((a, b) => a.x - b.x);
    const space = fonts.face('serif', 'regular').space * 10;
    for (let i = 1; i < frags.length; i++) {
      const gap = frags[i]!.x - (frags[i - 1]!.x + frags[i - 1]!.width);
      expect(gap).toBeLessThan(space * 1.5);
    }
  });
});
