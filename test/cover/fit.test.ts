/** Fitting cover texts: measured with the real font, shrunk, balanced, hyphenated, never wider or taller than the box. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { blockHeight, fitText, measure, type FitRequest } from '../../src/cover/fit.js';
import type { FontkitFace } from '../../src/cover/fonts.js';

const require = createRequire(import.meta.url);
const face = (require('fontkit') as { create(b: Buffer): FontkitFace }).create(fs.readFileSync(require.resolve('source-serif/TTF/SourceSerif4-Semibold.ttf')));

const LONG_TITLE = 'Über die Notwendigkeit einer gründlichen Untersuchung der gesellschaftlichen Verhältnisse im Zeitalter der Revolutionen und Gegenrevolutionen in Mitteleuropa zwischen 1848 und 1923';
const LONG_WORD = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';

const box = (o: Partial<FitRequest>): FitRequest => ({ text: '', face, size: 147, minSize: 72, leading: 1.12, letterSpacing: 0, width: 1184, height: 794, maxLines: 6, lang: 'de', ...o });

function expectInside(req: FitRequest, fitted: ReturnType<typeof fitText>) {
  for (const line of fitted.lines) expect(measure(face, line, fitted.size, req.letterSpacing)).toBeLessThanOrEqual(req.width + 1e-6);
  expect(blockHeight(face, fitted.lines.length, fitted.size, req.leading)).toBeLessThanOrEqual(req.height + 1e-6);
  expect(fitted.size).toBeGreaterThanOrEqual(req.minSize - 1e-6);
  expect(fitted.lines.length).toBeLessThanOrEqual(req.maxLines);
}

describe('fitText', () => {
  it('keeps a short title at full size, on balanced lines', () => {
    const req = box({ text: 'Die Russische Revolution' });
    const fitted = fitText(req);
    expect(fitted.size).toBe(147);
    expect(fitted.lines).toEqual(['Die Russische', 'Revolution']);
  });

  it('shrinks a very long German title until it fits, every word whole', () => {
    const req = box({ text: LONG_TITLE });
    const fitted = fitText(req);
    expectInside(req, fitted);
    expect(fitted.size).toBeLessThan(147);
    expect(fitted.truncated).toBe(false);
    expect(fitted.lines.join(' ')).toBe(LONG_TITLE);
  });

  it('hyphenates a single word wider than the box at the smallest size', () => {
    const req = box({ text: LONG_WORD });
    const fitted = fitText(req);
    expectInside(req, fitted);
    expect(fitted.size).toBe(72);
    expect(fitted.lines.length).toBeGreaterThan(1);
    expect(fitted.lines.slice(0, -1).every((l) => l.endsWith('-'))).toBe(true);
    expect(fitted.lines.join('').replace(/-/g, '')).toBe(LONG_WORD);
  });

  it('cuts a text that cannot fit even at the smallest size, with "…", and says so', () => {
    const req = box({ text: `${LONG_TITLE} ${LONG_TITLE}`, height: 250, maxLines: 2 });
    const fitted = fitText(req);
    expectInside(req, fitted);
    expect(fitted.truncated).toBe(true);
    expect(fitted.lines.at(-1)).toMatch(/…$/);
  });

  it('counts letter spacing in the width', () => {
    const req = box({ text: 'TEXTE ZUR GESCHICHTE DER ARBEITERBEWEGUNG', size: 42, minSize: 32, letterSpacing: 0.14, width: 1088, height: 56, maxLines: 1 });
    const fitted = fitText(req);
    expectInside(req, fitted);
    expect(measure(face, fitted.lines[0]!, fitted.size, 0.14)).toBeGreaterThan(measure(face, fitted.lines[0]!, fitted.size, 0));
  });
});
