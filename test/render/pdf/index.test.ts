import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edition, em, heading, hr, lang, link, list, note, noteRef, para, quote, strong, text, verse, xref } from '../../helpers/model-builders.js';
import { hasTool, render } from './helpers.js';

const body = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} Satz ${i + 1} handelt von der Organisation der Arbeit und der Verwaltung.`).join(' ');

function sample(notes: 'text' | 'book' = 'text') {
  const a = text({
    id: 'eins', title: 'Erster Text', subtitle: 'Ein Untertitel', authors: ['Rosa Probe'], date: { year: 1917, month: 7, day: 16 }, source: 'Aus: Probeblatt 3',
    blocks: [
      para('Absatz eins beginnt ', em('betont'), ' und ', strong('stark'), ' mit Anmerkung', noteRef('a'), ' und Verweis auf ', xref('zwei', 'teil', 'den zweiten Text'), '. ', body(6, 'Alpha')),
      para('Absatz zwei ', lang('en', 'with an English phrase'), ' und ', link('https://example.org', 'einem Link'), '. ', body(30, 'Beta')),
      quote(para('Zitat im Block, etwas kleiner gesetzt und eingerückt. ', body(2, 'Gamma'))),
      verse('Erste Verszeile, kurz', 'Zweite Verszeile, etwas länger als die erste'),
      list(false, [para('Punkt eins')], [para('Punkt zwei')]),
      hr(),
      para('Absatz drei nach dem Trenner', noteRef('b'), '. ', body(4, 'Delta')),
    ],
    notes: [note('a', 1, [para('Anmerkung eins zum ersten Text. ', body(2, 'Epsilon'))]), note('b', 2, [para('Anmerkung zwei zum ersten Text.')])],
  });
  const b = text({
    id: 'zwei', title: 'Zweiter Text', lang: 'en', authors: ['Ann Sample'],
    blocks: [para('English paragraph one.', noteRef('x'), ' ', body(3, 'Zeta')), heading(1, 'teil', 'Ein Abschnitt'), para('Paragraph after the heading. ', body(5, 'Eta'))],
    notes: [note('x', 1, [para('An English note.')])],
  });
  return edition({ title: 'Probebuch', subtitle: 'Für Tests', editors: ['Erika Muster'], publisher: 'Probeverlag', date: '2024', rights: 'Gemeinfrei.', isbn: '978-3-16-148410-0', notes, texts: [a, b] });
}

function pdftotext(bytes: Buffer, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  const file = join(dir, 'out.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const flat = (s: string) => s.replace(/-\n/g, '').replace(/\s+/g, ' ');

describe('renderPdf', () => {
  it('renders a small edition whose text comes back in reading order', async (t) => {
    const ed = sample();
    const { bytes, pages, reporter } = await render(ed);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toBeGreaterThan(8);
    expect(reporter.errors).toHaveLength(0);
    if (!hasTool('pdftotext')) return t.skip('pdftotext is not installed (apt-get install poppler-utils)');
    const out = pdftotext(bytes);
    expect(out).not.toContain('\u00AD');
    const all = flat(out);
    const expected = [
      'Probebuch', 'Herausgegeben von Erika Muster', 'Inhalt', 'Erster Text', 'Rosa Probe', '16. Juli 1917',
      'Absatz eins beginnt betont und stark mit Anmerkung', 'Absatz zwei with an English phrase und einem Link',
      'Zitat im Block', 'Erste Verszeile, kurz', 'Zweite Verszeile', 'Punkt eins', 'Punkt zwei', 'Absatz drei nach dem Trenner',
      'Anmerkungen', '1 Anmerkung eins zum ersten Text', '2 Anmerkung zwei zum ersten Text',
      'Zweiter Text', 'English paragraph one', 'Ein Abschnitt', 'Paragraph after the heading', 'Notes', '1 An English note.',
    ];
    let at = -1;
    for (const s of expected) {
      const i = all.indexOf(s, at + 1);
      expect(i, `"${s}" after position ${at}`).toBeGreaterThan(at);
      at = i;
    }
  });

  it('starts every text on a right-hand page and keeps heads off openings', async (t) => {
    if (!hasTool('pdftotext')) return t.skip('pdftotext is not installed');
    const { bytes } = await render(sample());
    const pages = pdftotext(bytes).split('\f');
    const opening = (title: string) => pages.findIndex((p) => p.trimStart().startsWith(title)) + 1;
    expect(opening('Erster Text') % 2).toBe(1);
    expect(opening('Zweiter Text') % 2).toBe(1);
    expect(pages[opening('Erster Text')]!).toMatch(/^\s*\d+\s+Probebuch|Probebuch\s+\d+/);
  });

  it('gathers notes at the end of the book under each text', async (t) => {
    if (!hasTool('pdftotext')) return t.skip('pdftotext is not installed');
    const all = flat(pdftotext((await render(sample('book'))).bytes));
    const notes = all.lastIndexOf('Anmerkungen');
    expect(notes).toBeGreaterThan(all.indexOf('Paragraph after the heading'));
    expect(all.indexOf('Erster Text', notes)).toBeLessThan(all.indexOf('Anmerkung eins', notes));
    expect(all.indexOf('Zweiter Text', notes)).toBeLessThan(all.indexOf('An English note', notes));
  });

  it('links note references and notes both ways, and xrefs to their target', async () => {
    const raw = (await render(sample())).bytes.toString('latin1');
    // Named destinations live in the (uncompressed) name tree.
    for (const name of ['n:eins:1', 'r:eins:1:1', 't:zwei#teil', 't:eins', 'notes:eins']) expect(raw).toContain(`(${name})`);
    expect(raw).toContain('/URI (https://example.org)');
  });

  it('produces byte-identical output for the same input', async () => {
    const [a, b] = [await render(sample()), await render(sample())];
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.bytes.toString('latin1')).toContain('<pdf:Producer>edition (pdfkit)</pdf:Producer>');
  });

  it('passes qpdf --check', async (t) => {
    if (!hasTool('qpdf')) return t.skip('qpdf is not installed (apt-get install qpdf)');
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    writeFileSync(join(dir, 'a.pdf'), (await render(sample())).bytes);
    expect(() => execFileSync('qpdf', ['--check', join(dir, 'a.pdf')], { stdio: 'pipe' })).not.toThrow();
  });
});
