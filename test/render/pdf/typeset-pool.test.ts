import { describe, expect, it } from 'vitest';
import { Reporter } from '../../../src/model/messages.js';
import type { Edition } from '../../../src/model/types.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { poolSize, poolStats } from '../../../src/render/pdf/typeset-pool.js';
import { edition, em, heading, lang, list, note, noteRef, para, quote, text, verse } from '../../helpers/model-builders.js';
import { labelsFor, pdfConfig, templateDir } from './helpers.js';

const prose = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w} ${i + 1}: Die Organisationsfrage der Arbeiterbewegung verlangt Selbstverwaltung.`).join(' ');

/** Four texts in two parts; the second needs the Arabic fallback font, the third the Hebrew one. */
function book(notes: 'text' | 'book'): Edition {
  const t = (id: string, extra: string, l = 'de') =>
    text({
      id,
      title: `Text ${id}`,
      lang: l,
      blocks: [
        para('Beginn mit ', em('Hervorhebung'), ' und Anmerkung', noteRef('a'), '. ', extra, ' ', prose(12, id)),
        heading(1, `h-${id}`, 'Ein Abschnitt'),
        quote(para(prose(2, 'Zitat'))),
        list(false, [para('Punkt eins')], [para(lang('en', 'point two'))]),
        verse('Eine Verszeile', 'Noch eine'),
        para(prose(8, id)),
      ],
      notes: [note('a', 1, [para('Die Anmerkung zu ', id, '. ', prose(2, 'Note'))])],
    });
  return edition({
    title: 'Probebuch',
    notes,
    parts: [
      { title: 'Erster Teil', texts: [t('eins', 'Deutsch'), t('zwei', 'Arabisch: سلام')] },
      { title: 'Zweiter Teil', texts: [t('drei', 'Hebräisch: שלום'), t('vier', 'English words', 'en')] },
    ],
  } as Parameters<typeof edition>[0]);
}

const render = async (ed: Edition, threads: number) =>
  (await renderPdf({ edition: ed, templateDir, pdfConfig: pdfConfig(), labelsFor, reporter: new Reporter(), threads })).bytes;

describe('typesetting in worker threads', () => {
  it('gives the same bytes in the main thread, with one worker and with two', async () => {
    const ed = book('text');
    const before = poolStats.texts;
    const inThread = await render(ed, 0);
    expect(poolStats.texts).toBe(before);
    expect((await render(ed, 1)).equals(inThread)).toBe(true);
    expect((await render(ed, 2)).equals(inThread)).toBe(true);
    // Every text of both renders came from a worker, none from the main thread's fallback.
    expect(poolStats.texts - before).toBe(8);
  });

  it('gives the same bytes with the notes at the end of the book', async () => {
    const ed = book('book');
    expect((await render(ed, 2)).equals(await render(ed, 0))).toBe(true);
  });

  it('takes the number of threads from EDITION_PDF_THREADS', async () => {
    const before = poolStats.texts;
    process.env.EDITION_PDF_THREADS = '2';
    try {
      await renderPdf({ edition: book('text'), templateDir, pdfConfig: pdfConfig(), labelsFor, reporter: new Reporter() });
    } finally {
      delete process.env.EDITION_PDF_THREADS;
    }
    expect(poolStats.texts - before).toBe(4);
  });

  it('typesets in the main thread unless told otherwise, with at most one thread per text', () => {
    const ed = book('text');
    expect(poolSize(ed, undefined)).toBe(0);
    expect(poolSize(ed, 0)).toBe(0);
    expect(poolSize(ed, 3)).toBe(3);
    expect(poolSize(ed, 8)).toBe(4);
  });
});
