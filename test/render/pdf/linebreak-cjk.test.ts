import { describe, expect, it } from 'vitest';
import { breakRuns } from '../../../src/render/pdf/linebreak.js';
import { fixture } from './fixture.js';

const f = fixture();
const lb = f.style.config.linebreak;
const W = f.style.geometry.measure;
/** A Chinese paragraph without spaces (the way Chinese is written), with commas and full stops. */
const CHINESE = '全世界无产者，联合起来！工人阶级的解放应该是工人阶级自己的事情。一切国家的无产者和被压迫民族联合起来。我们的目的是建立一个新的社会，在那里每个人的自由发展是一切人的自由发展的条件。'.repeat(3);

describe('line breaking of Chinese and Japanese', () => {
  const lines = breakRuns(f.runs(CHINESE), { width: W, align: 'justify', lb });
  const lineText = lines.map((l) => l.frags.map((fr) => fr.text).join(''));

  it('breaks between characters: many lines, none wider than the measure, nothing lost', () => {
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(Math.max(...l.frags.map((fr) => fr.x + fr.width))).toBeLessThanOrEqual(W + 0.01);
    expect(lineText.join('')).toBe(CHINESE);
    // No hyphen is added at a break between CJK characters.
    expect(lines.every((l) => !l.hyphenated)).toBe(true);
  });

  it('starts no line with closing punctuation (kinsoku)', () => {
    for (const t of lineText.slice(1)) expect(t[0]).not.toMatch(/[，。！、）」]/);
  });

  it('fills justified lines to the measure by spreading the characters a little', () => {
    for (const l of lines.slice(0, -1)) expect(Math.max(...l.frags.map((fr) => fr.x + fr.width))).toBeCloseTo(W, 1);
  });

  it('keeps a CJK word in a German line breakable only where German or CJK allows', () => {
    const mixed = breakRuns(f.runs(`Die Volksrepublik heißt ${'中华人民共和国'.repeat(4)} auf Chinesisch.`), { width: 120, align: 'left', lb });
    expect(mixed.map((l) => l.frags.map((fr) => fr.text).join(' ')).join(' ')).toContain('Volksrepublik');
    expect(mixed.length).toBeGreaterThan(2);
    for (const l of mixed) expect(Math.max(...l.frags.map((fr) => fr.x + fr.width))).toBeLessThanOrEqual(120.01);
  });
});
