import { describe, expect, it } from 'vitest';
import { typeset } from '../../../src/transforms/typography/index.js';
import { fm, parseString } from '../../helpers/parse.js';

const NB = '\u00a0';
const NN = '\u202f';

// Cases as `input → expected`, German unless a language is given (markdown-it style fixtures).
const GERMAN: [string, string][] = [
  ['Er sagte "Hallo" und ging.', 'Er sagte „Hallo“ und ging.'],
  ['Ein \'halbes\' Zitat', 'Ein ‚halbes‘ Zitat'],
  ["Zinov'ev und Kamenev", 'Zinov’ev und Kamenev'],
  [',,Der Linke Radikalismus" ist', '„Der Linke Radikalismus“ ist'],
  ['der „Entente"imperialisten', 'der „Entente“imperialisten'],
  ['(["Geheimrede"])', '([„Geheimrede“])'],
  ['Deutschland - die Macht - nahm', `Deutschland${NB}– die Macht${NB}– nahm`],
  ['Kasan (...) und dann...', 'Kasan (…) und dann…'],
  ['Bd.26, S. 298-302', `Bd.${NB}26, S.${NB}298–302`],
  ['z.B. und d. h. so', `z.${NN}B. und d.${NN}h. so`],
  ['Werke Band 31, S.34', `Werke Band${NB}31, S.${NB}34`],
  ['W.I. Lenin schrieb', `W.${NN}I.${NB}Lenin schrieb`],
  ['27% des Landes', `27${NN}% des Landes`],
  ['1917-1921 und 2024-01-05', '1917–1921 und 2024-01-05'],
  ['zwei  Leerzeichen', 'zwei Leerzeichen'],
];

describe('typeset (German)', () => {
  it.each(GERMAN)('%s', (input, expected) => expect(typeset(input, 'de')).toBe(expected));
});

describe('typeset (other languages)', () => {
  it('uses English quotes and unspaced em dashes', () => {
    expect(typeset('He said "war is - politics" and it\'s \'true\'', 'en')).toBe('He said “war is—politics” and it’s ‘true’');
  });
  it('uses guillemets with narrow spaces in French', () => {
    expect(typeset('Il dit "non"', 'fr')).toBe(`Il dit «${NN}non${NN}»`);
  });
  it('does not apply German abbreviation rules to English', () => {
    expect(typeset('z.B. here', 'en')).toBe('z.B. here');
  });
});

describe('applyTypography', () => {
  it('carries quote context across inline nodes', () => {
    const { text } = parseString(fm('Er nannte es *"Reform"*, nicht "Revolution".\n'));
    expect(JSON.stringify(text.blocks)).toContain('„Reform“');
    expect(JSON.stringify(text.blocks)).toContain('„Revolution“');
  });

  it('switches rules inside a lang span and in English texts', () => {
    const { text } = parseString(fm('Sie sagte <span lang="en">"yes"</span> und "ja".\n'));
    const json = JSON.stringify(text.blocks);
    expect(json).toContain('“yes”');
    expect(json).toContain('„ja“');
    const en = parseString(fm('He said "yes".\n', 'title: T\nlang: en'));
    expect(JSON.stringify(en.text.blocks)).toContain('“yes”');
  });

  it('typesets notes and the title fields too', () => {
    const { text } = parseString(fm('X[^1].\n\n[^1]: Siehe "Staat und Revolution", S. 439.\n', 'title: Der "Staat"\nsource: Werke, Bd. 25, S. 1-5'));
    expect(text.meta.title).toBe('Der „Staat“');
    expect(text.meta.source).toBe(`Werke, Bd.${NB}25, S.${NB}1–5`);
    expect(JSON.stringify(text.notes)).toContain(`„Staat und Revolution“, S.${NB}439`);
  });
});

describe('never typeset: code and addresses (issue 8, item 11)', () => {
  it('leaves web and e-mail addresses in running text as written', () => {
    expect(typeset('Siehe https://example.org/a--b... und "x" -- y', 'de')).toBe(`Siehe https://example.org/a--b… und „x“${NB}– y`);
    expect(typeset('Post an a--b@example.org -- danke', 'de')).toBe(`Post an a--b@example.org${NB}– danke`);
    expect(typeset('www.example.org/it\'s--x "ok"', 'en')).toBe('www.example.org/it\'s--x “ok”');
    expect(typeset('Voir https://example.org/a?b=1 : fin', 'fr')).toBe(`Voir https://example.org/a?b=1${NB}: fin`);
  });

  it('ends an address before the punctuation of the sentence', () => {
    expect(typeset('(siehe https://example.org/x--y).', 'de')).toBe('(siehe https://example.org/x--y).');
  });

  it('leaves code spans, code blocks, autolinks and link targets alone', () => {
    const { text } = parseString(fm('Code `"here" -- x` und <https://example.org/a--b> und [Text "x"](https://example.org/c--d).\n\n```\n"a" -- b...\n```\n'));
    const json = JSON.stringify(text.blocks);
    expect(json).toContain('"value":"\\"here\\" -- x"');
    expect(json).toContain('"value":"https://example.org/a--b"');
    expect(json).toContain('"href":"https://example.org/c--d"');
    expect(json).toContain('Text „x“');
    expect(text.blocks[1]).toEqual({ type: 'verse', lines: [[{ type: 'code', children: [{ type: 'text', value: '"a" -- b...', verbatim: true }] }]], position: expect.anything() });
  });

  it('never touches the attributes of raw HTML', () => {
    const { text } = parseString(fm('<a href="https://example.org/?q=\'a\'--b">"Seite"</a> und <abbr title="Kommunistische \'Internationale\' -- KI">KI</abbr>\n'));
    expect(text.blocks[0]).toMatchObject({
      children: [
        { type: 'link', href: "https://example.org/?q='a'--b", children: [{ type: 'text', value: '„Seite“' }] },
        { type: 'text', value: ' und ' },
        { type: 'abbreviation', title: "Kommunistische 'Internationale' -- KI" },
      ],
    });
  });
});
