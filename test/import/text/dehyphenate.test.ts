import { describe, expect, it } from 'vitest';
import { joinLines } from '../../../src/import/text/dehyphenate.js';

describe('joining hard-wrapped lines', () => {
  it('rejoins a word broken where the patterns allow a break', () => {
    expect(joinLines('die Arbei-', 'ter kamen', 'de')).toMatchObject({ text: 'die Arbeiter kamen', kind: 'rejoined', from: 'Arbei- ter', to: 'Arbeiter' });
    expect(joinLines('Revo-', 'lution', 'de').text).toBe('Revolution');
    expect(joinLines('the revo-', 'lution', 'en').text).toBe('the revolution');
  });
  it('keeps real hyphens: elided compounds, capitalised parts, numbers', () => {
    expect(joinLines('der Arbeiter-', 'und Bauernregierung', 'de').text).toBe('der Arbeiter- und Bauernregierung');
    expect(joinLines('die Sowjet-', 'Regierung', 'de').text).toBe('die Sowjet-Regierung');
    expect(joinLines('ein 17-', 'jähriger', 'de').text).toBe('ein 17-jähriger');
  });
  it('keeps the hyphen where the patterns forbid a break there', () => {
    expect(joinLines('Baumw-', 'olle', 'de')).toMatchObject({ text: 'Baumw-olle', kind: 'kept-hyphen' });
  });
  it('joins other lines with one space; a spaced dash stays a dash', () => {
    expect(joinLines('Brot zu finden.', 'Wer blieb', 'de').text).toBe('Brot zu finden. Wer blieb');
    expect(joinLines('Krieg -', 'aber', 'de').text).toBe('Krieg - aber');
  });
});
