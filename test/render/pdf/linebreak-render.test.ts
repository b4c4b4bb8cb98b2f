/**
 * Line breaking as the reader sees it: paragraphs set by the real renderer in
 * a narrow measure, read back with pdftotext (issue 8, item 13).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakRuns, spaceWidth, type Line } from '../../../src/render/pdf/linebreak.js';
import { hyphenateString } from '../../../src/transforms/hyphenate.js';
import { edition, lang, link, para, text } from '../../helpers/model-builders.js';
import { hasTool, pdfConfig, render } from './helpers.js';
import { fixture } from './fixture.js';

const URL_A = 'https://www.example.org/archive/old-newspapers.html';
const URL_B = 'www.marxists.org/deutsch/archiv/lenin/1917/index.htm';

/** The body page of a one-text edition set 100 mm wide (a 65 mm measure): its non-empty lines. */
async function narrowLines(): Promise<string[]> {
  const config = structuredClone(pdfConfig()) as { page: { width: number } };
  config.page.width = 100;
  const ed = edition({
    texts: [text({ title: 'Probe', blocks: [
      para(lang('en', 'The full text is at ', link(URL_A, URL_A), ' and also in print.')),
      para(`Die Donaudampfschifffahrtsgesellschaftskapitänsmütze und die Arbeiterunfallversicherungsgesetzgebung sind lange Wörter, siehe ${URL_B} für mehr.`),
    ] })],
  });
  const dir = mkdtempSync(join(tmpdir(), 'pdf-lb-'));
  writeFileSync(join(dir, 'a.pdf'), (await render(ed, config)).bytes);
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).split('\f');
  const body = pages.find((p) => p.includes('The full'))!;
  return body.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== 'Probe');
}

describe('line breaking through the renderer', () => {
  it('keeps URLs intact (no added hyphen) and never leaves a line with fewer than two words but a last one', async (t) => {
    if (!hasTool('pdftotext')) return t.skip('pdftotext is not installed (apt-get install poppler-utils)');
    const lines = await narrowLines();
    const joined = lines.join('');
    expect(joined).toContain(URL_A);
    expect(joined).toContain(URL_B);
    // The addresses were broken across lines, at one of / . - ? & = each time.
    for (const url of [URL_A, URL_B]) {
      const i = lines.findIndex((l) => url.startsWith(l.split(' ').pop()!) && l.split(' ').pop()!.length > 3);
      expect(i, `${url} is broken`).toBeGreaterThanOrEqual(0);
      expect('/.-?&=').toContain(lines[i]!.slice(-1));
    }
    const lastLines = new Set([lines.findIndex((l) => l.endsWith('print.')), lines.findIndex((l) => l.endsWith('mehr.'))]);
    lines.forEach((l, i) => {
      if (!lastLines.has(i)) expect(l.split(/\s+/).length, `line "${l}"`).toBeGreaterThanOrEqual(2);
    });
  });
});

describe('emergency pass', () => {
  const f = fixture();
  const lb = f.style.config.linebreak;
  const W = f.style.geometry.measure;
  // A paragraph of the sample with no solution within the tolerance (a short syllable too many at one line end).
  const src = readFileSync(new URL('../../../sources/rote-armee-komintern-lenins-letzter-kampf.md', import.meta.url), 'utf8');
  const paragraph = hyphenateString(src.split('\n').find((l) => l.startsWith('Nach mehreren Verhandlungsrunden'))!, 'de');
  /** The widest gap between two words on a justified line, in multiples of the normal word space. */
  const widestGap = (lines: Line[]): number => {
    const space = f.fonts.face('serif', 'regular').space * f.style.config.body.size;
    let worst = 0;
    for (const l of lines.slice(0, -1)) for (let i = 1; i < l.frags.length; i++) worst = Math.max(worst, (l.frags[i]!.x - l.frags[i - 1]!.x - l.frags[i - 1]!.width) / space);
    return worst;
  };

  it('spreads what the tolerance cannot hold instead of opening one line with huge gaps', () => {
    const off = breakRuns(f.runs(paragraph), { width: W, align: 'justify', indent: 10, lb: { ...lb, emergencyStretch: 0, emergencyShrink: 0 } });
    const on = breakRuns(f.runs(paragraph), { width: W, align: 'justify', indent: 10, lb });
    expect(widestGap(off)).toBeGreaterThan(1.7);
    expect(widestGap(on)).toBeLessThan(1.5);
    // Spaces never shrink below what emergencyShrink allows (glyphs narrow by up to `expansion` first).
    const min = 1 - f.style.config.linebreak.shrink * (1 + lb.emergencyShrink);
    for (const l of on) for (let i = 1; i < l.frags.length; i++) {
      const gap = l.frags[i]!.x - l.frags[i - 1]!.x - l.frags[i - 1]!.width;
      if (gap > 0.5) expect(gap / (f.fonts.face('serif', 'regular').space * f.style.config.body.size)).toBeGreaterThan(min - 0.01);
    }
  });
});

describe('no-break spaces', () => {
  const f = fixture();
  const lb = f.style.config.linebreak;
  const face = f.fonts.face('serif', 'regular');
  const size = f.style.config.body.size;
  const sample = Array.from({ length: 12 }, (_, i) => `Satz ${i} z.\u202FB. und S.\u00A0${298 + i} – mit 50\u202F% Gewinn`).join(' ');

  it('never breaks at U+00A0 or U+202F, at any measure', () => {
    for (const width of [90, 120, 150, 200, 260]) {
      const lines = breakRuns(f.runs(sample), { width, align: 'justify', lb });
      for (const l of lines) {
        const first = l.frags[0]!.text;
        expect(first, `line starts with "${first}" at ${width} pt`).not.toMatch(/^(B\.|\d{3}$|%)/);
        const last = l.frags[l.frags.length - 1]!.text;
        expect(last).not.toMatch(/^(z\.|S\.)$/);
      }
    }
  });

  it('sets U+202F at its narrow, fixed width and U+00A0 as a word space that stretches', () => {
    const lines = breakRuns(f.runs(sample), { width: 200, align: 'justify', lb });
    const gapAfter = (l: Line, t: string) => {
      const i = l.frags.findIndex((fr) => fr.text === t);
      return i < 0 || i + 1 >= l.frags.length ? undefined : l.frags[i + 1]!.x - l.frags[i]!.x - l.frags[i]!.width;
    };
    const narrow = spaceWidth(face, true) * size;
    expect(narrow).toBeLessThan(face.space * size * 0.6);
    for (const l of lines.slice(0, -1)) {
      const zb = gapAfter(l, 'z.');
      if (zb !== undefined) expect(zb).toBeCloseTo(narrow, 3);
      const s = gapAfter(l, 'S.');
      const sentence = gapAfter(l, 'Satz');
      // A no-break space stretches like the word spaces of its line.
      if (s !== undefined && sentence !== undefined) expect(s).toBeCloseTo(sentence, 3);
    }
    // Neither is ever drawn as a glyph.
    expect(lines.flatMap((l) => l.frags.map((fr) => fr.text)).join('')).not.toMatch(/[\u00A0\u202F]/);
  });

  it('gives the spaces a width even in a font without their glyphs', () => {
    const bare = { has: () => false, width: () => 0.5, space: 0.25 } as unknown as Parameters<typeof spaceWidth>[0];
    expect(spaceWidth(bare, false)).toBe(0.25);
    expect(spaceWidth(bare, true)).toBeGreaterThan(0);
    expect(spaceWidth(bare, true)).toBeLessThan(0.25);
  });
});
