import { describe, expect, it } from 'vitest';
import { typeset } from '../../../src/transforms/typography/index.js';
import { fm, parseString } from '../../helpers/parse.js';

const NB = '\u00a0';
const NN = '\u202f';

// `input → expected` in French (fr): U+202F before ; ! ? and inside « », U+00A0 before the colon.
const FRENCH: [string, string][] = [
  ['Il dit : « Tout est perdu »', `Il dit${NB}: «${NN}Tout est perdu${NN}»`],
  ['«Tout»', `«${NN}Tout${NN}»`],
  ['Il dit "non"', `Il dit «${NN}non${NN}»`],
  ['Quoi? Non! Ainsi; donc', `Quoi${NN}? Non${NN}! Ainsi${NN}; donc`],
  ['Quoi ?! Vraiment', `Quoi${NN}?! Vraiment`],
  [`Déjà${NB}? oui${NN}:`, `Déjà${NN}? oui${NB}:`],
  ['« Il a dit "non" hier »', `«${NN}Il a dit “non” hier${NN}»`],
  ['Il dit "elle a dit "non" hier" puis', `Il dit «${NN}elle a dit “non” hier${NN}» puis`],
  ["l'homme (?) et l'État", 'l’homme (?) et l’État'],
  ['à 12:30, article 3 : voir', `à 12:30, article 3${NB}: voir`],
  ['Paris - Lyon', `Paris${NB}– Lyon`],
  ['50 %', `50${NN}%`],
];

describe('French typography', () => {
  it.each(FRENCH)('%s', (input, expected) => expect(typeset(input, 'fr')).toBe(expected));

  it('Canadian French: no space added before ; ! ?, a typed one cannot break', () => {
    expect(typeset('Quoi? Non ! « Oui »', 'fr-CA')).toBe(`Quoi? Non${NN}! «${NN}Oui${NN}»`);
  });

  it('gives Italian and Spanish « … » with “ … ” inside, without the French spaces', () => {
    expect(typeset('Disse "no" e "lui disse "sì"" : bene?', 'it')).toBe('Disse «no» e «lui disse “sì”» : bene?');
    expect(typeset('Dijo "no".', 'es')).toBe('Dijo «no».');
  });

  it('leaves German and English alone', () => {
    expect(typeset('Was? Nein: "ja"', 'de')).toBe('Was? Nein: „ja“');
    expect(typeset('What? No: "yes"', 'en')).toBe('What? No: “yes”');
  });

  it('spaces marks that start an inline node from the word before it', () => {
    const { text } = parseString(fm('Il a vu *la ville*? Il dit : «*Tout*».\n', 'title: T\nlang: fr'));
    expect(text.blocks[0]).toMatchObject({
      children: [
        { type: 'text', value: 'Il a vu ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'la ville' }] },
        { type: 'text', value: `${NN}? Il dit${NB}: «${NN}` },
        { type: 'emphasis', children: [{ type: 'text', value: 'Tout' }] },
        { type: 'text', value: `${NN}».` },
      ],
    });
  });

  it('sets <q> with the marks of its language and nesting level', () => {
    const fr = parseString(fm('Il dit <q>elle a dit <q>non</q></q>.\n', 'title: T\nlang: fr')).text;
    expect(JSON.stringify(fr.blocks)).not.toContain('"quote"');
    const words = (fr.blocks[0] as { children: { value?: string; children?: { value: string }[] }[] }).children.map((c) => c.value ?? '').join('');
    expect(words).toBe(`Il dit «${NN}elle a dit “non”${NN}».`);
    const de = parseString(fm('Er sagte <q>sie sagte <q>nein</q></q>.\n')).text;
    expect(JSON.stringify(de.blocks)).toContain('„');
    expect((de.blocks[0] as { children: { value?: string }[] }).children.map((c) => c.value ?? '').join('')).toBe('Er sagte „sie sagte ‚nein‘“.');
  });
});
