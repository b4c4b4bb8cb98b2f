import { describe, expect, it } from 'vitest';
import { escapeBlockStart, escapeBrackets, escapeInline } from '../../src/cleaning/escape.js';
import { cleanLine, isBlank, splitLines } from '../../src/cleaning/normalize.js';
import { curlApostrophes, curlStraightQuotes, doubleCommasToQuote, englishClosingToGerman, germanQuotes, quoteBalance } from '../../src/cleaning/quotes.js';

const NBSP = '\u00a0';

describe('normalize', () => {
  it('splits CRLF and LF alike', () => {
    expect(splitLines('a\r\nb\nc')).toEqual(['a', 'b', 'c']);
  });
  it('turns separator lines (NBSP + space) into empty lines', () => {
    expect(cleanLine(`${NBSP} `)).toBe('');
    expect(cleanLine(NBSP)).toBe('');
    expect(isBlank(`  ${NBSP}`)).toBe(true);
    expect(isBlank('Text')).toBe(false);
  });
  it('strips trailing blanks, NBSP included', () => {
    expect(cleanLine(`Ende des Absatzes. ${NBSP}`)).toBe('Ende des Absatzes.');
  });
  it('makes a blank run holding an NBSP one plain space, and leaves plain spacing alone', () => {
    expect(cleanLine(`Sowjetrusslands.${NBSP} Die`)).toBe('Sowjetrusslands. Die');
    expect(cleanLine(`30${NBSP}000`)).toBe('30 000');
    expect(cleanLine('Barrikade - keine')).toBe('Barrikade - keine');
    expect(cleanLine('a  b')).toBe('a  b');
  });
});

describe('quotes', () => {
  it('reads ",," as an opening quote', () => {
    expect(doubleCommasToQuote(',,Die Kommunistische Internationale')).toBe('„Die Kommunistische Internationale');
  });
  it('opens a straight quote after a blank, a bracket or the start, and closes it elsewhere', () => {
    expect(curlStraightQuotes('"Über den Personenkult"')).toBe('„Über den Personenkult“');
    expect(curlStraightQuotes('der KPSS ["Geheimrede"] und')).toBe('der KPSS [„Geheimrede“] und');
    expect(curlStraightQuotes('Verkauft Lenin nicht!" [38]')).toBe('Verkauft Lenin nicht!“ [38]');
    expect(curlStraightQuotes('der „Entente"imperialisten')).toBe('der „Entente“imperialisten');
  });
  it('replaces the English closing ” after a German opening', () => {
    expect(englishClosingToGerman('„gestürzt.” [23]')).toBe('„gestürzt.“ [23]');
  });
  it('curls an apostrophe between letters only', () => {
    expect(curlApostrophes("Zinov'ev")).toBe('Zinov’ev');
    expect(curlApostrophes("') Die")).toBe("') Die");
  });
  it('leaves German marks and single quotes alone', () => {
    const s = '„Werden wir Petrograd nicht preisgeben, Genossen?‘ ‚Nicht preisgeben!‘';
    expect(germanQuotes(s)).toBe(s);
  });
  it('counts open double quotes', () => {
    expect(quoteBalance('„An Genossen Stalin.')).toBe(1);
    expect(quoteBalance('5. März 1923.“ [37]')).toBe(-1);
    expect(quoteBalance('„a „b“ c“')).toBe(0);
  });
});

describe('escape', () => {
  it('keeps a line start from becoming a list, heading, quote or rule', () => {
    expect(escapeBlockStart('5. März 1923.“')).toBe('5\\. März 1923.“');
    expect(escapeBlockStart('1) Freie Wahlen')).toBe('1\\) Freie Wahlen');
    expect(escapeBlockStart('- Punkt')).toBe('\\- Punkt');
    expect(escapeBlockStart('# Nummer')).toBe('\\# Nummer');
    expect(escapeBlockStart('> Zitat')).toBe('\\> Zitat');
    expect(escapeBlockStart('***')).toBe('\\***');
  });
  it('leaves ordinary line starts alone', () => {
    for (const s of ['1918 und 1919 waren', 'a) allgemeine', '1923 nahm die', 'Am 5. März']) expect(escapeBlockStart(s)).toBe(s);
  });
  it('leaves editorial brackets literal and escapes only link- or footnote-like ones', () => {
    for (const s of ['der [weiße] General', 'Grenzen […] Die', 'davonjagen [?‘] (…)', 'Sie [die Reaktion] wuchs']) expect(escapeBrackets(s)).toBe(s);
    expect(escapeBrackets('[Text](x)')).toBe('\\[Text](x)');
    expect(escapeBrackets('[a][b]')).toBe('\\[a][b]');
    expect(escapeBrackets('[^1] x')).toBe('\\[^1] x');
    expect(escapeBrackets('[a]: b')).toBe('\\[a]: b');
  });
  it('escapes inline syntax, keeping emphasis where the seed means it', () => {
    expect(escapeInline('a*b_c `d` <br> \\')).toBe('a\\*b\\_c \\`d\\` \\<br> \\\\');
    expect(escapeInline('*gebilligt*', true)).toBe('*gebilligt*');
    expect(escapeInline('3 < 4')).toBe('3 < 4');
  });
});

