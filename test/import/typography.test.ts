import { describe, expect, it } from 'vitest';
import { typography, TYPOGRAPHY_RULE_NAMES } from '../../src/import/typography.js';

function run(s: string, lang = 'de', off: string[] = []) {
  const counts: Record<string, number> = {};
  const text = typography(s, lang, (r) => !off.includes(r), (r, n) => (counts[r] = (counts[r] ?? 0) + n));
  return { text, counts };
}

describe('typography rules', () => {
  it('German: ,, and \'\' and straight quotes become „…“, apostrophes ’, counted per rule', () => {
    expect(run(',,wie ein Steuereintreiber\'\' und "nur auf dem Papier", Zinov\'ev')).toEqual({
      text: '„wie ein Steuereintreiber“ und „nur auf dem Papier“, Zinov’ev',
      counts: { 'double-comma': 1, 'double-apostrophe': 1, 'straight-quotes': 2, apostrophes: 1 },
    });
    expect(run('„Entente”').text).toBe('„Entente“');
  });
  it('English quotes are “…”', () => {
    expect(run('he said "no" and didn\'t', 'en-GB').text).toBe('he said “no” and didn’t');
  });
  it('spaced hyphens, three dots and double spaces', () => {
    expect(run('Krieg - aber  nicht...').text).toBe('Krieg – aber nicht…');
    expect(run('Arbeiter- und Bauern, S. 38-39 (....)').text).toBe('Arbeiter- und Bauern, S. 38-39 (....)');
  });
  it('each rule can be turned off by name', () => {
    expect(TYPOGRAPHY_RULE_NAMES).toEqual(['double-comma', 'double-apostrophe', 'straight-quotes', 'closing-quote', 'apostrophes', 'dashes', 'ellipsis', 'double-spaces']);
    expect(run('a - b...', 'de', ['dashes', 'ellipsis']).text).toBe('a - b...');
  });
});
