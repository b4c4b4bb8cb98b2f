import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breakRuns, type Line } from '../../../src/render/pdf/linebreak.js';
import { hyphenateString } from '../../../src/transforms/hyphenate.js';
import { em, noteRef, str, sup } from '../../helpers/model-builders.js';
import { fixture } from './fixture.js';

const f = fixture();
const lb = f.style.config.linebreak;
const W = f.style.geometry.measure;
const seed = readFileSync(new URL('../../fixtures/seeds/002_10cefb8d0ef24683.txt', import.meta.url), 'utf8')
  .split(/\n\s*\n/)
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 300)
  .slice(0, 40)
  .map((s) => hyphenateString(s, 'de'));
const right = (l: Line) => Math.max(...l.frags.map((fr) => fr.x + fr.width));

describe('line breaking', () => {
  const all = seed.map((p) => breakRuns(f.runs(p), { width: W, align: 'justify', indent: 10, lb }));

  it('never sets a line wider than the measure', () => {
    for (const lines of all) for (const l of lines) expect(right(l)).toBeLessThanOrEqual(W + 0.01);
  });

  it('fills justified lines exactly; the last line stays short', () => {
    for (const lines of all) {
      lines.slice(0, -1).forEach((l) => expect(right(l)).toBeCloseTo(W, 2));
      expect(right(lines[lines.length - 1]!)).toBeLessThanOrEqual(W + 0.01);
    }
  });

  it('draws a soft-hyphen break as "-" and never passes U+00AD on', () => {
    const texts = all.flat().flatMap((l) => l.frags.map((fr) => fr.text));
    expect(texts.some((t) => t.endsWith('-'))).toBe(true);
    expect(texts.join('')).not.toContain('\u00AD');
  });

  it('keeps every word in order', () => {
    const lines = all[0]!;
    const joined = lines.map((l) => l.frags.map((fr) => fr.text).join('\u0001').replace(/-$/, '\u0002')).join('\u0001');
    const words = joined.replace(/\u0002\u0001/g, '').split('\u0001').filter(Boolean).join(' ');
    expect(words.replace(/\s+/g, '')).toBe(seed[0]!.replaceAll('\u00AD', '').replace(/\s+/g, ''));
  });

  it('allows at most maxHyphensInRow hyphenated lines in a row', () => {
    for (const max of [1, 2]) {
      const narrow = { width: W * 0.45, align: 'justify' as const, lb: { ...lb, maxHyphensInRow: max, hyphenPenalty: -50, doubleHyphenDemerits: 0 } };
      for (const p of seed.slice(0, 15)) {
        let run = 0;
        for (const l of breakRuns(f.runs(p), narrow)) {
          run = l.hyphenated ? run + 1 : 0;
          expect(run).toBeLessThanOrEqual(max);
        }
      }
    }
  });

  it('breaks a word longer than the line instead of overflowing', () => {
    const lines = breakRuns(f.runs('Ein https://example.org/ein/sehr/langer/pfad/der/nicht/passt/und/noch/viel/weiter/geht/bis/zum/ende Wort.'), { width: 120, align: 'justify', lb });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(right(l)).toBeLessThanOrEqual(120.01);
  });

  it('sets mixed styles and superscripts on one line without changing the measure', () => {
    const lines = breakRuns(f.runs([str('Ein '), em('kursives'), str(' Wort'), noteRef('x'), str(' und x'), sup('2'), str(' dazu.')]), { width: W, align: 'justify', lb });
    expect(lines).toHaveLength(1);
    const faces = new Set(lines[0]!.frags.map((fr) => fr.face.key));
    expect(faces.size).toBe(2);
    expect(lines[0]!.frags.some((fr) => fr.rise > 0)).toBe(true);
  });

  it('sets ragged lines at natural width, hanging lines indented', () => {
    const lines = breakRuns(f.runs(seed[1]!.replaceAll('\u00AD', '')), { width: W, align: 'left', hanging: 20, lb });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines.slice(1)) expect(l.frags[0]!.x).toBeCloseTo(20, 5);
    for (const l of lines) for (const fr of l.frags) expect(fr.scale).toBe(1);
  });
});
